import Foundation
import Testing
@testable import MinutesIndex

/// A ranked page reranked from one pass of the query gives what the split query (the exact form
/// of weighing procedural items down) gives: the same items in the same order with the same
/// weights, page after page, for every judged query and some that are mostly standing business.
/// (With the reranked page's order changed — by not scaling procedural weights, or not resorting
/// — these fail.)
@Suite struct ProceduralRerankingTests {
    let index: TemporaryIndex
    let searcher: Searcher

    init() throws {
        (index, searcher) = try CorpusIndex.build()
    }

    static var queries: [String] {
        get throws {
            let url = CorpusIndex.judgements.appendingPathComponent("corpus-queries.json")
            let judged = try JSONDecoder().decode([JudgedQuery].self, from: Data(contentsOf: url))
            // Queries whose best matches are procedural, where reranking cannot decide the page.
            return judged.map(\.query) + ["apologies for absence", "declarations of interest", "minutes of the previous meeting",
                                          "\"previous meeting\"", "council", "report", "members"]
        }
    }

    func pages(of query: String, reranking: Bool) throws -> [[SearchHit]] {
        searcher.reranksProceduralItems = reranking
        return try [(0, 10), (0, 3), (3, 3), (10, 10), (0, 25)].map { offset, limit in
            try searcher.search(SearchRequest(query: query, offset: offset, limit: limit)).hits
        }
    }

    @Test(arguments: try queries)
    func rerankingGivesTheSplitQuerysPages(query: String) throws {
        let split = try pages(of: query, reranking: false)
        let reranked = try pages(of: query, reranking: true)
        #expect(reranked.map { $0.map(\.id) } == split.map { $0.map(\.id) })
        #expect(reranked.map { $0.map(\.rank) } == split.map { $0.map(\.rank) })
        #expect(reranked.map { $0.map(\.procedural) } == split.map { $0.map(\.procedural) })
        for (a, b) in zip(reranked.joined(), split.joined()) {
            #expect(abs(a.weight - b.weight) <= 1e-9 * max(1, b.weight), "\(a.id): \(a.weight) against \(b.weight)")
            // Snippets may pick another passage: Xapian's snippet generator weighs the words by
            // the MSet's statistics, which count each word twice in the split query.
            #expect(a.snippet.contains("<b>") == b.snippet.contains("<b>"), "\(a.id)")
        }
    }

    @Test func someQueriesAreDecidedByRerankingAndSomeFallBack() throws {
        // A page of ten from a 30-deep pass needs ten substantive items among them.
        searcher.reranksProceduralItems = true
        let response = try searcher.search(SearchRequest(query: "elective home education", limit: 10))
        #expect(response.hits.contains { $0.procedural } == false || response.hits.first?.procedural == false)
        let standing = try searcher.search(SearchRequest(query: "apologies for absence", limit: 10))
        #expect(!standing.hits.isEmpty)
        #expect(standing.hits.contains { $0.procedural }, "the procedural items still come, below the substantive ones")
    }
}
