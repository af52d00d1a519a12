import Foundation
import MinutesIngest
import XCTest
@testable import MinutesIndex

/// Saved searches live in the index's metadata: managed by the indexer, read by a searcher,
/// matched against each newly indexed file, and carried along when the index is copied.
final class SavedSearchTests: XCTestCase {
    private var index: TemporaryIndex!
    private var indexer: Indexer!

    override func setUpWithError() throws {
        index = try TemporaryIndex()
        indexer = try Indexer(path: index.path)
        try indexer.index(SampleDocuments.meetings[0], path: "/corpus/before.txt")  // indexed before the search was saved
        try indexer.addSavedSearch(name: "ehe", request: SearchRequest(query: "\"home education\"", committees: ["Cabinet"]))
        try indexer.commit()
    }

    func testASavedSearchIsListedWithItsFilters() throws {
        let searcher = try Searcher(path: index.path)
        let saved = try XCTUnwrap(try searcher.savedSearch(named: "ehe"))
        XCTAssertEqual(saved.query, "\"home education\"")
        XCTAssertEqual(saved.filters.committees, ["Cabinet"])
        XCTAssertEqual(try searcher.savedSearches().map(\.name), ["ehe"])
        XCTAssertEqual(try searcher.savedSearchMatches(of: "ehe"), [], "items indexed before it was saved are not matches")
        XCTAssertNil(try searcher.savedSearchMatches(of: "nothing-saved"))
    }

    func testAMatchingDocumentIsRecordedAndANonMatchingOneIsNot() throws {
        try indexer.index(SampleDocuments.meetings[1], path: "/corpus/libraries.txt")  // no home education
        try indexer.commit()
        XCTAssertEqual(try Searcher(path: index.path).savedSearchMatches(of: "ehe"), [])

        let before = Date()
        try indexer.index(SampleDocuments.meetings[2], path: "/corpus/cabinet.txt")
        try indexer.commit()
        let matches = try XCTUnwrap(try Searcher(path: index.path).savedSearchMatches(of: "ehe"))
        XCTAssertEqual(matches.map(\.itemID), ["cabinet:1.1"])
        let match = try XCTUnwrap(matches.first)
        XCTAssertEqual(match.id, "ehe/cabinet:1.1")
        XCTAssertEqual(match.title, "HOME EDUCATION POLICY")
        XCTAssertEqual(match.committee, "Cabinet")
        XCTAssertEqual(match.meetingDate, MeetingDate(iso: "2024-11-05"))
        XCTAssertEqual(match.excerpt, "Cabinet approved the policy for families who home educate.")
        XCTAssertGreaterThanOrEqual(match.matchedAt.timeIntervalSince1970, before.timeIntervalSince1970 - 1)

        // Re-indexing the same file does not record the item a second time.
        try indexer.index(SampleDocuments.meetings[2], path: "/corpus/cabinet.txt")
        try indexer.commit()
        XCTAssertEqual(try Searcher(path: index.path).savedSearchMatches(of: "ehe")?.count, 1)
    }

    func testMatchesAreNewestFirstAndCapped() throws {
        try indexer.addSavedSearch(name: "transport", request: SearchRequest(query: "transport"))
        for n in 0..<3 {
            try indexer.index(SampleDocuments.minutes(date: "2025-0\(n + 1)-10", items: [
                ("\(n)", "SCHOOL TRANSPORT \(n)", "Transport costs were discussed.", []),
            ]), path: "/corpus/t\(n).txt")
        }
        try indexer.commit()
        XCTAssertEqual(try indexer.savedSearches.matches(of: "transport")?.map(\.itemID), ["t2:1.1", "t1:1.1", "t0:1.1"])
    }

    func testACopiedIndexKeepsItsSavedSearchesAndMatches() throws {
        try indexer.index(SampleDocuments.meetings[2], path: "/corpus/cabinet.txt")
        try indexer.commit()
        let copy = try TemporaryIndex()
        try FileManager.default.copyItem(atPath: index.path, toPath: copy.path)
        let searcher = try Searcher(path: copy.path)
        XCTAssertEqual(try searcher.savedSearches().map(\.name), ["ehe"])
        XCTAssertEqual(try searcher.savedSearchMatches(of: "ehe")?.map(\.itemID), ["cabinet:1.1"])
    }

    func testRemovingASavedSearchRemovesItsMatches() throws {
        try indexer.index(SampleDocuments.meetings[2], path: "/corpus/cabinet.txt")
        XCTAssertTrue(try indexer.removeSavedSearch(name: "ehe"))
        XCTAssertFalse(try indexer.removeSavedSearch(name: "ehe"))
        try indexer.commit()
        let searcher = try Searcher(path: index.path)
        XCTAssertEqual(try searcher.savedSearches(), [])
        XCTAssertNil(try searcher.savedSearchMatches(of: "ehe"))
        XCTAssertEqual(try searcher.database.metadataKeys(withPrefix: "quorum.saved"), [])
    }

    func testBadNamesAndRequestsAreRefused() throws {
        XCTAssertThrowsError(try indexer.addSavedSearch(name: "../feed", request: SearchRequest(query: "x"))) { error in
            guard case IndexError.invalidParameter(name: "name", _)? = error as? IndexError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try indexer.addSavedSearch(name: "ok", request: SearchRequest(query: "x", kinds: ["nonsense"])))
        XCTAssertEqual(try indexer.savedSearches.list().map(\.name), ["ehe"])
    }
}
