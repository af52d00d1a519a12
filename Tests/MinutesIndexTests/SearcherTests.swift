import Foundation
import MinutesIngest
import XCTest
@testable import MinutesIndex

final class SearcherTests: XCTestCase {
    private var index: TemporaryIndex!
    private var searcher: Searcher!

    override func setUpWithError() throws {
        index = try TemporaryIndex()
        let indexer = try Indexer(path: index.path)
        for (n, document) in SampleDocuments.meetings.enumerated() {
            try indexer.index(document, path: "/corpus/m\(n).txt")
        }
        try indexer.commit()
        searcher = try Searcher(path: index.path)
    }

    private func ids(_ request: SearchRequest) throws -> [String] {
        try searcher.search(request).hits.map(\.id)
    }

    func testStemmingFindsOtherFormsOfAWord() throws {
        // "educate" and "educated" share the stem of "education".
        XCTAssertEqual(Set(try ids(SearchRequest(query: "educate"))), ["m0:1.1", "m2:1.1"])
    }

    func testPhraseMatchesOnlyTheExactSequence() throws {
        XCTAssertEqual(Set(try ids(SearchRequest(query: "\"school transport\""))), ["m0:1.2", "m2:1.2"])
        XCTAssertEqual(try ids(SearchRequest(query: "\"transport school\"")), [])
    }

    func testFieldPrefixes() throws {
        XCTAssertEqual(try ids(SearchRequest(query: "title:library")), ["m1:1.1"])
        // "policy" is in m2's resolution; m0's resolution says "noted".
        XCTAssertEqual(try ids(SearchRequest(query: "resolved:approved")), ["m2:1.1"])
        XCTAssertEqual(Set(try ids(SearchRequest(query: "committee:cabinet"))), ["m2:1.1", "m2:1.2"])
        XCTAssertEqual(Set(try ids(SearchRequest(query: "committee:\"Cabinet\" budget"))), ["m2:1.2"])
        XCTAssertEqual(try ids(SearchRequest(query: "person:Pryce library")), ["m1:1.1"])
        XCTAssertEqual(Set(try ids(SearchRequest(query: "year:2019"))), ["m0:1.1", "m0:1.2"])
        XCTAssertEqual(try ids(SearchRequest(query: "kind:agenda")), [])
        XCTAssertEqual(Set(try ids(SearchRequest(query: "education NOT cabinet"))), ["m0:1.1"])
    }

    func testDateRangeInTheQueryAndAsFilters() throws {
        XCTAssertEqual(try ids(SearchRequest(query: "education date:2020-01-01..2024-12-31")), ["m2:1.1"])
        let from2020 = SearchRequest(query: "education", from: MeetingDate(iso: "2020-01-01"))
        XCTAssertEqual(try ids(from2020), ["m2:1.1"])
        let to2020 = SearchRequest(query: "education", to: MeetingDate(bound: "2020", endOfSpan: true))
        XCTAssertEqual(try ids(to2020), ["m0:1.1"])
        XCTAssertEqual(try ids(SearchRequest(committees: ["Cabinet"], kinds: ["minutes"], resolvedOnly: true)), ["m2:1.1"])
    }

    func testFacetCountsSumToTheTotal() throws {
        let response = try searcher.search(SearchRequest(query: "", facets: ["year", "committee", "meeting"]))
        XCTAssertEqual(response.total, 5)
        XCTAssertEqual(response.facets["year"]?.sorted { $0.value < $1.value },
                       [FacetCount(value: "2019", count: 2), FacetCount(value: "2021", count: 1), FacetCount(value: "2024", count: 2)])
        XCTAssertEqual(response.facets["committee"]?.first, FacetCount(value: "Children and Young People Scrutiny Panel", count: 3))
        XCTAssertEqual(response.facets["meeting"]?.count, 3)
        XCTAssertEqual(response.facets["year"]?.map(\.count).reduce(0, +), response.total)
    }

    func testSortingByDateAndPaging() throws {
        let all = SearchRequest(query: "", sort: .date, limit: 10)
        let dates = try searcher.search(all).hits.compactMap(\.meetingDate?.iso)
        XCTAssertEqual(dates, ["2019-03-12", "2019-03-12", "2021-06-01", "2024-11-05", "2024-11-05"])
        let newestFirst = try searcher.search(SearchRequest(sort: .dateDescending, limit: 1))
        XCTAssertEqual(newestFirst.hits.first?.meetingDate?.iso, "2024-11-05")
        let page = try searcher.search(SearchRequest(sort: .date, offset: 2, limit: 2))
        XCTAssertEqual(page.hits.map(\.meetingDate?.iso), ["2021-06-01", "2024-11-05"])
        XCTAssertEqual(page.hits.map(\.rank), [3, 4])
    }

    func testHitsCarryTheirOwnMeetingAndAHighlightedSnippet() throws {
        let response = try searcher.search(SearchRequest(query: "rural"))
        let hit = try XCTUnwrap(response.hits.first)
        XCTAssertEqual(hit.meetingDate?.iso, "2019-03-12")
        XCTAssertEqual(hit.committee, "Children and Young People Scrutiny Panel")
        XCTAssertEqual(hit.item, ItemRecord.ItemSummary(number: "32", title: "SCHOOL TRANSPORT"))
        XCTAssertEqual(hit.section.kind, "minutes")
        XCTAssertEqual(hit.source.path, "/corpus/m0.txt")
        XCTAssertTrue(hit.snippet.contains("<b>rural</b>"), hit.snippet)
        XCTAssertFalse(hit.resolved)
        XCTAssertEqual(hit.resolutions, [])
        let resolved = try XCTUnwrap(try searcher.search(SearchRequest(query: "resolved:approved")).hits.first)
        XCTAssertEqual(resolved.resolutions, ["That the Elective Home Education Policy be approved."])
    }

    func testCollapsingByMeetingKeepsTheBestItemOfEach() throws {
        let response = try searcher.search(SearchRequest(query: "", collapseByMeeting: true))
        XCTAssertEqual(response.hits.count, 3)
        XCTAssertEqual(response.hits.compactMap(\.collapsedCount).reduce(0, +), 2)
    }

    func testItemAndSimilar() throws {
        let record = try searcher.item(id: "m2:1.1")
        XCTAssertEqual(record.item.number, "CAB 45/24")
        XCTAssertEqual(record.resolutions, ["That the Elective Home Education Policy be approved."])
        XCTAssertEqual(record.attendance?.chair, "Pryce")
        XCTAssertThrowsError(try searcher.item(id: "nope")) { XCTAssertEqual($0 as? IndexError, .itemNotFound("nope")) }
        let similar = try searcher.similar(to: "m2:1.1")
        XCTAssertEqual(similar.hits.first?.id, "m0:1.1")
        XCTAssertFalse(similar.hits.map(\.id).contains("m2:1.1"))
    }

    func testBadRequestsNameTheParameter() throws {
        XCTAssertThrowsError(try searcher.search(SearchRequest(limit: 100_000))) {
            guard case .invalidParameter(name: "limit", _) = $0 as? IndexError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try searcher.search(SearchRequest(facets: ["colour"]))) {
            guard case .invalidParameter(name: "facet", _) = $0 as? IndexError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try searcher.search(SearchRequest(query: "education AND AND (", limit: 5))) {
            guard case .invalidParameter(name: "q", _) = $0 as? IndexError else { return XCTFail("\($0)") }
        }
    }

    func testReaderSeesNewCommitsAfterReopen() throws {
        let writer = try Indexer(path: index.path)
        try writer.index(SampleDocuments.minutes(date: "2025-01-15", items: [("7", "ALLOTMENTS", "Waiting lists for allotments.", [])]),
                         path: "/corpus/new.txt")
        try writer.commit()
        try searcher.reopen()
        XCTAssertEqual(try ids(SearchRequest(query: "allotments")), ["new:1.1"])
    }

    func testDateBoundsAcceptPartialDates() {
        XCTAssertEqual(MeetingDate(bound: "2024", endOfSpan: false)?.iso, "2024-01-01")
        XCTAssertEqual(MeetingDate(bound: "2024", endOfSpan: true)?.iso, "2024-12-31")
        XCTAssertEqual(MeetingDate(bound: "2024-02", endOfSpan: true)?.iso, "2024-02-29")
        XCTAssertEqual(MeetingDate(bound: "2024-06-03", endOfSpan: true)?.iso, "2024-06-03")
        XCTAssertNil(MeetingDate(bound: "24-06-03", endOfSpan: true))
        XCTAssertNil(MeetingDate(bound: "2024-13", endOfSpan: true))
    }
}
