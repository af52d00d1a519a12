import Foundation
import XCTest
@testable import MinutesIndex
import Xapian

/// Facet counts over a sample of the matches when there are very many (``FacetSampling``). The
/// shipped corpus is small, so these tests lower the limits to make its searches "very many".
/// XCTest, like the other suites that build the corpus index: synchronous builds in Swift
/// Testing's parallel run hold the cooperative threads the socket and watcher suites wait on.
final class FacetSamplingTests: XCTestCase {
    private var index: TemporaryIndex!
    private var searcher: Searcher!

    override func setUpWithError() throws {
        (index, searcher) = try CorpusIndex.build()
    }

    /// Every item, counted by year, committee and kind.
    let everything = SearchRequest(query: "", facets: ["year", "committee", "kind"], limit: 5)

    func testASearchWithFewMatchesIsCountedExactly() throws {
        let exact = try searcher.search(everything)
        XCTAssertTrue(exact.sampleRate == nil, "the corpus is far below the standard limit")
        XCTAssertTrue(exact.totalBounds == exact.total...exact.total)
        XCTAssertTrue(exact.facets["year"]?.map(\.count).reduce(0, +) == exact.total)
    }

    func testASearchWithManyMatchesEstimatesItsCountsFromASample() throws {
        let exact = try searcher.search(everything)
        searcher.facetSampling = FacetSampling(exactUpTo: 50, sampleSize: 100)
        let estimated = try searcher.search(everything)

        let rate = try XCTUnwrap(estimated.sampleRate)
        XCTAssertTrue(rate == FacetSampling(exactUpTo: 50, sampleSize: 100).rate(forMatches: exact.total))
        XCTAssertTrue(rate >= 2)
        // The estimate of the total is the sample's count scaled up: near the true one (within four
        // binomial standard deviations), not the sample's own count nor scaled twice.
        let sd = (Double(exact.total) * Double(rate - 1)).squareRoot()
        XCTAssertTrue(abs(Double(estimated.total - exact.total)) <= 4 * sd,
                "estimated \(estimated.total) against \(exact.total), 1 in \(rate)")
        for (name, counts) in estimated.facets {
            XCTAssertTrue(counts.allSatisfy { $0.count % rate == 0 }, "\(name): sampled counts are scaled by the rate")
            XCTAssertTrue(Set(counts.map(\.value)).isSubset(of: Set(exact.facets[name]!.map(\.value))))
        }
        // Every item has a year: the year counts add up to the sample's estimate, which the total
        // reports unless Xapian's bounds (here: the item count) rule it out.
        let yearSum = estimated.facets["year"]!.map(\.count).reduce(0, +)
        XCTAssertTrue(estimated.total == min(yearSum, estimated.totalBounds.upperBound))
        // The biggest committee is found to be the biggest from the sample too.
        XCTAssertTrue(estimated.facets["committee"]?.first?.value == exact.facets["committee"]?.first?.value)
        // Sampling touches the counts only: the page of hits is the same.
        XCTAssertTrue(estimated.hits == exact.hits)
        // And the same sample is drawn every time.
        XCTAssertTrue(try searcher.search(everything) == estimated)
    }

    func testExactCountsAreGivenWhenAsked() throws {
        let exact = try searcher.search(everything)
        searcher.facetSampling = FacetSampling(exactUpTo: 50, sampleSize: 100)
        var request = everything
        request.exactCounts = true
        let asked = try searcher.search(request)
        XCTAssertTrue(asked.sampleRate == nil)
        XCTAssertTrue(asked.total == exact.total)
        XCTAssertTrue(asked.facets == exact.facets)
    }

    func testAQueryBelowTheLimitStaysExactEvenWhenTheLimitIsLow() throws {
        let request = SearchRequest(query: "elective home education", facets: ["year"])
        let exact = try searcher.search(request)
        searcher.facetSampling = FacetSampling(exactUpTo: 50, sampleSize: 20)
        let response = try searcher.search(request)
        XCTAssertTrue(exact.total > 0 && exact.total <= 50)
        XCTAssertTrue(response.sampleRate == nil)
        XCTAssertTrue(response.facets == exact.facets)
        XCTAssertTrue(response.total == exact.total)
    }

    /// quorumd's searchers count from value columns held in memory; the answers must not change.
    func testCountsFromValueColumnsEqualCountsFromTheValueTable() throws {
        let requests = [
            everything,
            SearchRequest(query: "elective home education", facets: ["year", "month", "meeting"]),
            SearchRequest(query: "budget", facets: ["committee", "kind"], sort: .dateDescending),
        ]
        let columns = ValueColumns()
        for sampling in [FacetSampling.standard, FacetSampling(exactUpTo: 50, sampleSize: 100)] {
            searcher.facetSampling = sampling
            for request in requests {
                searcher.valueColumns = nil
                let fromTable = try searcher.search(request)
                searcher.valueColumns = columns
                let fromColumns = try searcher.search(request)
                XCTAssertTrue(fromColumns == fromTable, "\(request.query), sampling \(sampling)")
                XCTAssertFalse(fromColumns.facets.values.contains { $0.isEmpty }, "\(request.query): every facet counted")
            }
        }
        XCTAssertTrue(columns.memoryBytes > 0)
    }

    func testTheRateLeavesAboutTheSampleSize() {
        let sampling = FacetSampling(exactUpTo: 20_000, sampleSize: 20_000)
        XCTAssertTrue(sampling.rate(forMatches: 20_001) == 2)
        XCTAssertTrue(sampling.rate(forMatches: 80_000) == 4)
        XCTAssertTrue(sampling.rate(forMatches: 300_000) == 8)   // 37,500 sampled; 1 in 16 would leave 18,750
        XCTAssertTrue(sampling.rate(forMatches: 1_000_000) == 32)
    }
}
