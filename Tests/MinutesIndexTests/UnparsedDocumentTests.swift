import Foundation
import MinutesIngest
import Testing
@testable import MinutesIndex

/// A document whose items and date the parser could not find is still indexed, whole, in
/// bounded passages, counted as undated, and shown under "unknown" in the year facet.
@Suite struct UnparsedDocumentTests {
    /// Running text of about 9,000 characters in paragraphs, with no numbered headings and no date.
    static let text: String = (1...30).map { n in
        "Paragraph \(n) of a parish meeting note. The members discussed the footpath by the mill and the cost of repairs to the wall. "
            + "Residents asked the clerk to write to the county council about drainage on the lane, which floods after rain."
    }.joined(separator: "\n\n")

    @Test func itemlessUndatedDocumentIsIndexedInBoundedPassages() throws {
        let document = MinutesParser().parse(Self.text, fileName: "note.txt")
        #expect(document.sections.allSatisfy { $0.items.isEmpty })
        #expect(document.sections.allSatisfy { $0.meetingDate == nil })

        let index = try TemporaryIndex()
        let indexer = try Indexer(path: index.path)
        try indexer.index(document, path: "/corpus/note.txt")
        try indexer.commit()
        let source = try #require(indexer.sources.first)
        #expect(source.itemCount >= 4, "about 9,000 characters make at least four passages of 2,000")
        #expect(source.undatedCount == source.itemCount)
        #expect(source.needsALook)

        let searcher = try Searcher(path: index.path)
        let all = try searcher.search(SearchRequest(query: "footpath", facets: [.year], limit: 50))
        #expect(all.total == source.itemCount)
        #expect(all.hits.allSatisfy { $0.item.title.contains("(passage ") })
        #expect(all.facets["year"] == [FacetCount(value: "unknown", count: source.itemCount)])
        // The last paragraph is in some passage: nothing was dropped.
        #expect(try searcher.search(SearchRequest(query: "\"paragraph 30\"")).total == 1)
        // A date filter leaves undated items out.
        #expect(try searcher.search(SearchRequest(query: "footpath", from: MeetingDate(iso: "2000-01-01"))).total == 0)
    }

    @Test func passagesSplitAtParagraphsAndKeepEveryWord() {
        let passages = Passages.split(Self.text.replacingOccurrences(of: "\n\n", with: "\n"), maxLength: 600)
        #expect(passages.count > 1)
        #expect(passages.allSatisfy { $0.count <= 600 })
        let words = { (s: String) in s.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
        #expect(passages.map(words).reduce(0, +) == words(Self.text))
    }
}
