import Testing
import Xapian

/// Snippets with highlighted (stemmed) matches.
@Suite struct SnippetTests {
    let tmp = TemporaryDirectory()

    @Test func highlightsStemmedMatchesWithTheGivenMarkers() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let enquire = Enquire(database: db)
        enquire.query = try makeParser().parse("educated")
        let mset = try enquire.mset(offset: 0, limit: 10)
        let body = sampleItems[0].body
        let stemmer = try Stem(language: "english")

        let snippet = mset.snippet(body, length: 500, stemmer: stemmer, highlightStart: "[", highlightEnd: "]")
        #expect(snippet.contains("home [education] policy"))
        #expect(!snippet.contains("<b>"))

        // Without the stemmer, "education" is not recognised as a match for Zeduc.
        let unstemmed = mset.snippet(body, length: 500, highlightStart: "[", highlightEnd: "]")
        #expect(!unstemmed.contains("["))
    }

    @Test func lengthOmitAndEmptyWithoutMatch() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let enquire = Enquire(database: db)
        enquire.query = try makeParser().parse("approve")
        let mset = try enquire.mset(offset: 0, limit: 10)
        let stemmer = try Stem(language: "english")

        let short = mset.snippet(sampleItems[0].body, length: 30, stemmer: stemmer, omit: "…")
        #expect(short.contains("<b>approve</b>"))
        #expect(short.hasPrefix("…"))
        #expect(short.count < sampleItems[0].body.count)

        let none = mset.snippet(sampleItems[4].body, stemmer: stemmer, flags: [.exhaustive, .emptyWithoutMatch])
        #expect(none == "")
        let some = mset.snippet(sampleItems[4].body, stemmer: stemmer, flags: .exhaustive)
        #expect(!some.isEmpty)
    }
}
