import Foundation
import Testing
@testable import MinutesIndex
import Xapian

/// Facet counts over a sample of the matches when there are very many (``FacetSampling``). The
/// shipped corpus is small, so these tests lower the limits to make its searches "very many".
/// Each test builds the corpus index synchronously; in Swift Testing's parallel run such builds
/// hold the cooperative threads the socket and watcher suites wait on (commit 3e5c35e kept this
/// suite in XCTest for that reason), so the suite is serialized: one build at a time.
@Suite(.serialized) struct FacetSamplingTests {
    private let index: TemporaryIndex
    private let searcher: Searcher

    init() throws {
        (index, searcher) = try CorpusIndex.build()
    }

    /// Every item, counted by year, committee and kind.
    let everything = SearchRequest(query: "", facets: [.year, .committee, .kind], limit: 5)

    @Test func aSearchWithFewMatchesIsCountedExactly() throws {
        let exact = try searcher.search(everything)
        #expect(exact.sampleRate == nil, "the corpus is far below the standard limit")
        #expect(exact.totalBounds == exact.total...exact.total)
        #expect(exact.facets["year"]?.map(\.count).reduce(0, +) == exact.total)
    }

    @Test func aSearchWithManyMatchesEstimatesItsCountsFromASample() throws {
        let exact = try searcher.search(everything)
        searcher.facetSampling = FacetSampling(exactUpTo: 50, sampleSize: 100)
        let estimated = try searcher.search(everything)

        let rate = try #require(estimated.sampleRate)
        #expect(rate == FacetSampling(exactUpTo: 50, sampleSize: 100).rate(forMatches: exact.total))
        #expect(rate >= 2)
        // The estimate of the total is the sample's count scaled up: near the true one (within four
        // binomial standard deviations), not the sample's own count nor scaled twice.
        let sd = (Double(exact.total) * Double(rate - 1)).squareRoot()
        #expect(abs(Double(estimated.total - exact.total)) <= 4 * sd,
                "estimated \(estimated.total) against \(exact.total), 1 in \(rate)")
        for (name, counts) in estimated.facets {
            #expect(counts.allSatisfy { $0.count % rate == 0 }, "\(name): sampled counts are scaled by the rate")
            #expect(Set(counts.map(\.value)).isSubset(of: Set(exact.facets[name]!.map(\.value))))
        }
        // Every item has a year: the year counts add up to the sample's estimate, which the total
        // reports unless Xapian's bounds (here: the item count) rule it out.
        let yearSum = estimated.facets["year"]!.map(\.count).reduce(0, +)
        #expect(estimated.total == min(yearSum, estimated.totalBounds.upperBound))
        // The biggest committee is found to be the biggest from the sample too.
        #expect(estimated.facets["committee"]?.first?.value == exact.facets["committee"]?.first?.value)
        // Sampling touches the counts only: the page of hits is the same.
        #expect(estimated.hits == exact.hits)
        // And the same sample is drawn every time.
        #expect(try searcher.search(everything) == estimated)
    }

    @Test func exactCountsAreGivenWhenAsked() throws {
        let exact = try searcher.search(everything)
        searcher.facetSampling = FacetSampling(exactUpTo: 50, sampleSize: 100)
        var request = everything
        request.exactCounts = true
        let asked = try searcher.search(request)
        #expect(asked.sampleRate == nil)
        #expect(asked.total == exact.total)
        #expect(asked.facets == exact.facets)
    }

    @Test func aQueryBelowTheLimitStaysExactEvenWhenTheLimitIsLow() throws {
        let request = SearchRequest(query: "elective home education", facets: [.year])
        let exact = try searcher.search(request)
        searcher.facetSampling = FacetSampling(exactUpTo: 50, sampleSize: 20)
        let response = try searcher.search(request)
        #expect(exact.total > 0 && exact.total <= 50)
        #expect(response.sampleRate == nil)
        #expect(response.facets == exact.facets)
        #expect(response.total == exact.total)
    }

    /// quorumd's searchers count from value columns held in memory; the answers must not change.
    @Test func countsFromValueColumnsEqualCountsFromTheValueTable() throws {
        let requests = [
            everything,
            SearchRequest(query: "elective home education", facets: [.year, .month, .meeting]),
            SearchRequest(query: "budget", facets: [.committee, .kind], sort: .dateDescending),
        ]
        let columns = ValueColumns()
        for sampling in [FacetSampling.standard, FacetSampling(exactUpTo: 50, sampleSize: 100)] {
            searcher.facetSampling = sampling
            for request in requests {
                searcher.valueColumns = nil
                let fromTable = try searcher.search(request)
                searcher.valueColumns = columns
                let fromColumns = try searcher.search(request)
                #expect(fromColumns == fromTable, "\(request.query), sampling \(sampling)")
                #expect(!(fromColumns.facets.values.contains { $0.isEmpty }), "\(request.query): every facet counted")
            }
        }
        #expect(columns.memoryBytes > 0)
    }

    @Test func theRateLeavesAboutTheSampleSize() {
        let sampling = FacetSampling(exactUpTo: 20_000, sampleSize: 20_000)
        #expect(sampling.rate(forMatches: 20_001) == 2)
        #expect(sampling.rate(forMatches: 80_000) == 4)
        #expect(sampling.rate(forMatches: 300_000) == 8)   // 37,500 sampled; 1 in 16 would leave 18,750
        #expect(sampling.rate(forMatches: 1_000_000) == 32)
    }
}
