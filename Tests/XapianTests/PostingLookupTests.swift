import Testing
import Xapian

/// `Database.documents(_:haveTerm:)`: which of some documents a term indexes.
@Suite struct PostingLookupTests {
    let tmp = TemporaryDirectory()

    @Test func answersInTheOrderAsked() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let cabinet = try db.postings(for: "XCcabinet")
        let scrutiny = try db.postings(for: "XCscrutiny")
        #expect(cabinet.count == 2 && scrutiny.count == 2)
        // Out of order, repeated, and an id past the last document.
        let asked = [scrutiny[1], cabinet[1], 99, cabinet[0], scrutiny[0], cabinet[1]]
        #expect(try db.documents(asked, haveTerm: "XCcabinet") == [false, true, false, true, false, true])
        #expect(try db.documents(asked, haveTerm: "XCnobody") == Array(repeating: false, count: asked.count))
        #expect(try db.documents([], haveTerm: "XCcabinet") == [])
    }
}
