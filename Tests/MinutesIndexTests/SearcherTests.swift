import Foundation
import MinutesIngest
import Testing
@testable import MinutesIndex

@Suite struct SearcherTests {
    private let index: TemporaryIndex
    private let searcher: Searcher

    init() throws {
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

    @Test func stemmingFindsOtherFormsOfAWord() throws {
        // "educate" and "educated" share the stem of "education".
        #expect(Set(try ids(SearchRequest(query: "educate"))) == ["m0:1.1", "m2:1.1"])
    }

    @Test func phraseMatchesOnlyTheExactSequence() throws {
        #expect(Set(try ids(SearchRequest(query: "\"school transport\""))) == ["m0:1.2", "m2:1.2"])
        #expect(try ids(SearchRequest(query: "\"transport school\"")) == [])
    }

    @Test func fieldPrefixes() throws {
        #expect(try ids(SearchRequest(query: "title:library")) == ["m1:1.1"])
        // "policy" is in m2's resolution; m0's resolution says "noted".
        #expect(try ids(SearchRequest(query: "resolved:approved")) == ["m2:1.1"])
        #expect(Set(try ids(SearchRequest(query: "committee:cabinet"))) == ["m2:1.1", "m2:1.2"])
        #expect(Set(try ids(SearchRequest(query: "committee:\"Cabinet\" budget"))) == ["m2:1.2"])
        #expect(try ids(SearchRequest(query: "person:Pryce library")) == ["m1:1.1"])
        #expect(Set(try ids(SearchRequest(query: "year:2019"))) == ["m0:1.1", "m0:1.2"])
        #expect(try ids(SearchRequest(query: "kind:agenda")) == [])
        #expect(Set(try ids(SearchRequest(query: "education NOT cabinet"))) == ["m0:1.1"])
    }

    @Test func dateRangeInTheQueryAndAsFilters() throws {
        #expect(try ids(SearchRequest(query: "education date:2020-01-01..2024-12-31")) == ["m2:1.1"])
        let from2020 = SearchRequest(query: "education", from: MeetingDate(iso: "2020-01-01"))
        #expect(try ids(from2020) == ["m2:1.1"])
        let to2020 = SearchRequest(query: "education", to: MeetingDate(bound: "2020", endOfSpan: true))
        #expect(try ids(to2020) == ["m0:1.1"])
        #expect(try ids(SearchRequest(committees: ["Cabinet"], kinds: [.section(.minutes)], resolvedOnly: true)) == ["m2:1.1"])
    }

    @Test func facetCountsSumToTheTotal() throws {
        let response = try searcher.search(SearchRequest(query: "", facets: [.year, .committee, .meeting]))
        #expect(response.total == 5)
        #expect(response.facets["year"]?.sorted { $0.value < $1.value } ==
                [FacetCount(value: "2019", count: 2), FacetCount(value: "2021", count: 1), FacetCount(value: "2024", count: 2)])
        #expect(response.facets["committee"]?.first == FacetCount(value: "Children and Young People Scrutiny Panel", count: 3))
        #expect(response.facets["meeting"]?.count == 3)
        #expect(response.facets["year"]?.map(\.count).reduce(0, +) == response.total)
    }

    @Test func sortingByDateAndPaging() throws {
        let all = SearchRequest(query: "", sort: .date, limit: 10)
        let dates = try searcher.search(all).hits.compactMap(\.meetingDate?.iso)
        #expect(dates == ["2019-03-12", "2019-03-12", "2021-06-01", "2024-11-05", "2024-11-05"])
        let newestFirst = try searcher.search(SearchRequest(sort: .dateDescending, limit: 1))
        #expect(newestFirst.hits.first?.meetingDate?.iso == "2024-11-05")
        let page = try searcher.search(SearchRequest(sort: .date, offset: 2, limit: 2))
        #expect(page.hits.map(\.meetingDate?.iso) == ["2021-06-01", "2024-11-05"])
        #expect(page.hits.map(\.rank) == [3, 4])
    }

    @Test func hitsCarryTheirOwnMeetingAndAHighlightedSnippet() throws {
        let response = try searcher.search(SearchRequest(query: "rural"))
        let hit = try #require(response.hits.first)
        #expect(hit.meetingDate?.iso == "2019-03-12")
        #expect(hit.committee == "Children and Young People Scrutiny Panel")
        #expect(hit.item == ItemRecord.ItemSummary(number: "32", title: "SCHOOL TRANSPORT"))
        #expect(hit.section.kind == .minutes)
        #expect(hit.source.path == "/corpus/m0.txt")
        #expect(hit.snippet.contains("<b>rural</b>"), "\(hit.snippet)")
        #expect(!hit.resolved)
        #expect(hit.resolutions == [])
        let resolved = try #require(try searcher.search(SearchRequest(query: "resolved:approved")).hits.first)
        #expect(resolved.resolutions == ["That the Elective Home Education Policy be approved."])
    }

    @Test func collapsingByMeetingKeepsTheBestItemOfEach() throws {
        let response = try searcher.search(SearchRequest(query: "", collapseByMeeting: true))
        #expect(response.hits.count == 3)
        #expect(response.hits.compactMap(\.collapsedCount).reduce(0, +) == 2)
    }

    @Test func itemAndSimilar() throws {
        let record = try searcher.item(id: "m2:1.1")
        #expect(record.item.number == "CAB 45/24")
        #expect(record.resolutions == ["That the Elective Home Education Policy be approved."])
        #expect(record.attendance?.chair == "Pryce")
        #expect(throws: IndexError.itemNotFound("nope")) { try searcher.item(id: "nope") }
        let similar = try searcher.similar(to: "m2:1.1")
        #expect(similar.hits.first?.id == "m0:1.1")
        #expect(!similar.hits.map(\.id).contains("m2:1.1"))
    }

    @Test func badRequestsNameTheParameter() throws {
        let limit = #expect(throws: (any Error).self) { try searcher.search(SearchRequest(limit: 100_000)) }
        if let limit { #expect(invalidParameterName(limit) == "limit", "\(limit)") }
        let facet = #expect(throws: (any Error).self) { try SearchRequest(queryItems: [URLQueryItem(name: "facet", value: "colour")]) }
        if let facet { #expect(invalidParameterName(facet) == "facet", "\(facet)") }
        let query = #expect(throws: (any Error).self) { try searcher.search(SearchRequest(query: "education AND AND (", limit: 5)) }
        if let query { #expect(invalidParameterName(query) == "q", "\(query)") }
    }

    /// The parameter an `IndexError.invalidParameter` names; nil for any other error.
    private func invalidParameterName(_ error: any Error) -> String? {
        guard case let .invalidParameter(name, _)? = error as? IndexError else { return nil }
        return name
    }

    @Test func readerSeesNewCommitsAfterReopen() throws {
        let writer = try Indexer(path: index.path)
        try writer.index(SampleDocuments.minutes(date: "2025-01-15", items: [("7", "ALLOTMENTS", "Waiting lists for allotments.", [])]),
                         path: "/corpus/new.txt")
        try writer.commit()
        try searcher.reopen()
        #expect(try ids(SearchRequest(query: "allotments")) == ["new:1.1"])
    }

    @Test func dateBoundsAcceptPartialDates() {
        #expect(MeetingDate(bound: "2024", endOfSpan: false)?.iso == "2024-01-01")
        #expect(MeetingDate(bound: "2024", endOfSpan: true)?.iso == "2024-12-31")
        #expect(MeetingDate(bound: "2024-02", endOfSpan: true)?.iso == "2024-02-29")
        #expect(MeetingDate(bound: "2024-06-03", endOfSpan: true)?.iso == "2024-06-03")
        #expect(MeetingDate(bound: "24-06-03", endOfSpan: true) == nil)
        #expect(MeetingDate(bound: "2024-13", endOfSpan: true) == nil)
    }
}
