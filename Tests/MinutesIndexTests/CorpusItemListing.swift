import Foundation
import Testing
@testable import MinutesIndex

/// With `QUORUM_LIST_CORPUS=1`, prints every item of the corpus (id, date, kind, title, start of
/// the text): what a person reads to judge relevance for Judgements/corpus-queries.json.
@Suite struct CorpusItemListing {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["QUORUM_LIST_CORPUS"] != nil, "set QUORUM_LIST_CORPUS=1 to list the corpus"))
    func listCorpusItems() throws {
        let (index, searcher) = try CorpusIndex.build()
        _ = index
        for hit in try searcher.search(SearchRequest(limit: 1000, excludeProcedural: false)).hits.sorted(by: { $0.id < $1.id }) {
            let record = try searcher.item(id: hit.id)
            let text = record.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            print("ITEM\t\(hit.id)\t\(hit.meetingDate?.iso ?? "-")\t\(hit.section.kind)\t\(hit.procedural ? "P" : "")\t\(hit.item.number) \(hit.item.title)\t\(text)\tRES: \(record.resolutions.joined(separator: " // "))")
        }
    }
}
