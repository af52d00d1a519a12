import Foundation
import Testing
@testable import MinutesIndex

/// A ranked page reranked from one pass of the query gives what the split query (the exact form
/// of weighing procedural items down) gives: the same items in the same order with the same
/// weights, page after page in each order, for every judged query and some that are mostly standing business.
/// (With the reranked page's order changed — by not scaling procedural weights, or not resorting
/// — these fail.)
@Suite struct ProceduralRerankingTests {
    static var queries: [String] {
        get throws {
            let url = CorpusIndex.judgements.appendingPathComponent("corpus-queries.json")
            let judged = try JSONDecoder().decode([JudgedQuery].self, from: Data(contentsOf: url))
            // Queries whose best matches are procedural, where reranking cannot decide the page.
            return judged.map(\.query) + ["apologies for absence", "declarations of interest", "minutes of the previous meeting",
                                          "\"previous meeting\"", "council", "report", "members"]
        }
    }

    private func pages(of query: String, reranking: Bool, from searcher: Searcher) throws -> [[SearchHit]] {
        searcher.reranksProceduralItems = reranking
        var pages: [[SearchHit]] = []
        for sort in SearchOrder.allCases {
            for (offset, limit) in [(0, 10), (3, 3), (0, 25)] {
                pages.append(try searcher.search(SearchRequest(query: query, sort: sort, offset: offset, limit: limit)).hits)
            }
        }
        return pages
    }

    // One test over every query, building the corpus index once: dozens of synchronous builds in
    // Swift Testing's parallel run held the cooperative threads the watcher and socket suites
    // wait on (they timed out together in CI runs on 2 cores). This one build still runs beside
    // them now that the suite is Swift Testing, not in XCTest's phase before them (commit 3e5c35e).
    @Test func rerankingGivesTheSplitQuerysPages() throws {
        let (index, searcher) = try CorpusIndex.build()
        defer { withExtendedLifetime(index) {} }
        for query in try Self.queries {
            let split = try pages(of: query, reranking: false, from: searcher)
            let reranked = try pages(of: query, reranking: true, from: searcher)
            // Items of equal weight (the same standing-business text in several meetings) may
            // stand in either order across a page's edge: Xapian's matcher breaks such ties
            // differently with an offset. Every other item is where the split query puts it.
            let weights = (reranked + split).joined().map(\.weight)
            let tied = Set(weights.filter { w in weights.filter { abs($0 - w) <= 1e-9 * max(1, w) }.count > 2 })
            func untied(_ pages: [[SearchHit]]) -> [[String]] {
                pages.map { $0.map { hit in tied.contains(hit.weight) ? "tied" : hit.id } }
            }
            #expect(untied(reranked) == untied(split), "\(query)")
            #expect(reranked.map { $0.map(\.rank) } == split.map { $0.map(\.rank) }, "\(query)")
            #expect(reranked.map { $0.map(\.procedural) } == split.map { $0.map(\.procedural) }, "\(query)")
            for (a, b) in zip(reranked.joined(), split.joined()) {
                #expect(abs(a.weight - b.weight) <= 1e-9 * max(1, b.weight), "\(query), \(a.id): \(a.weight) against \(b.weight)")
                // Snippets may pick another passage: Xapian's snippet generator weighs the words by
                // the MSet's statistics, which count each word twice in the split query.
                #expect(a.snippet.contains("<b>") == b.snippet.contains("<b>"), "\(query), \(a.id)")
            }
        }
    }

    /// One meeting whose 40 procedural items match "quorum" strongly and whose 5 substantive
    /// items match it weakly: the best matches of the unsplit query are all procedural, so no
    /// page can be decided from them, in any order, and the split query must give it.
    @Test func aPageTheBestMatchesCannotDecideComesFromTheSplitQuery() throws {
        let folder = try TemporaryIndex()
        var items: [(String, String, String, [String])] = []
        for n in 1...40 { items.append(("\(n)", "QUORUM CHECK \(n)", "Quorum quorum quorum: the meeting was quorate.", [])) }
        for n in 41...45 {
            items.append(("\(n)", "PARKING REVIEW \(n)", "The review of parking charges across the borough, with one mention of a quorum of residents "
                          + String(repeating: "and further detail on charges, permits and enforcement ", count: 8), []))
        }
        var minutes = SampleDocuments.minutes(date: "2024-05-01", items: items)
        for n in 0..<40 { minutes.sections[0].items[n].isProcedural = true }
        let indexer = try Indexer(path: folder.path)
        try indexer.index(minutes, path: "/corpus/q.txt")
        try indexer.commit()
        let searcher = try Searcher(path: folder.path)
        // A fifth of their weight: the forty strong procedural matches then fall below the five weak substantive ones.
        searcher.ranking.proceduralFactor = 0.2
        for order in SearchOrder.allCases {
            let request = SearchRequest(query: "quorum", sort: order, limit: 5)
            searcher.reranksProceduralItems = true
            let reranked = try searcher.search(request).hits
            searcher.reranksProceduralItems = false
            let split = try searcher.search(request).hits
            #expect(reranked.map(\.id) == split.map(\.id), "\(order)")
            #expect(split.allSatisfy { !$0.procedural }, "\(order): the five substantive items come first: \(split.map(\.id))")
        }
    }
}
