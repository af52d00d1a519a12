import Foundation
import MinutesIndex
import MinutesIngest
import Testing

/// The one wire form of a search: whatever a request holds comes back from its query items,
/// and bad parameters are refused by name.
@Suite struct SearchRequestCodecTests {
    /// A small deterministic generator (SplitMix64), so a failing case can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Text with the characters that break hand-written codecs: `+ & = # % ? "`, spaces,
    /// non-ASCII letters and emoji.
    static func text(_ random: inout SplitMix64) -> String {
        let pieces = ["home", "education", "+", "&", "=", "#", "%", "?", "\"", " ", "Children's", "café", "Ysgol Gymraeg",
                      "a+b", "%20", "committee:\"Cabinet\"", "🏫", "-draft", "year:2024", "EHE"]
        return (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    static func request(_ random: inout SplitMix64) -> SearchRequest {
        func date() -> MeetingDate? {
            Bool.random(using: &random) ? nil
                : MeetingDate(year: Int.random(in: 1990...2030, using: &random), month: Int.random(in: 1...12, using: &random),
                              day: Int.random(in: 1...28, using: &random))
        }
        var from = date(), to = date()
        if let f = from, let t = to, f > t { swap(&from, &to) }
        return SearchRequest(
            query: text(&random),
            filters: SearchFilters(
                from: from, to: to,
                committees: (0..<Int.random(in: 0...2, using: &random)).map { _ in text(&random) },
                kinds: Array(ItemKind.allCases.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random))),
                people: (0..<Int.random(in: 0...2, using: &random)).map { _ in text(&random) },
                resolvedOnly: Bool.random(using: &random), excludeProcedural: Bool.random(using: &random)),
            facets: Array(Facet.allCases.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))),
            sort: SearchOrder.allCases.randomElement(using: &random)!,
            offset: Int.random(in: 0...500, using: &random), limit: Int.random(in: 0...SearchRequest.maximumLimit, using: &random),
            collapseByMeeting: Bool.random(using: &random), exactCounts: Bool.random(using: &random))
    }

    @Test("every request comes back from its query items, and from its URL query string")
    func roundTrip() throws {
        var random = SplitMix64(state: 20261201)
        for _ in 0..<2000 {
            let request = Self.request(&random)
            #expect(try SearchRequest(queryItems: request.queryItems) == request)
            var components = URLComponents()
            components.percentEncodedQuery = request.urlQuery
            #expect(try SearchRequest(queryItems: components.queryItems ?? []) == request, "\(request.urlQuery)")
        }
    }

    @Test("a default request is an empty query string; defaults are left out")
    func defaultsLeftOut() throws {
        #expect(SearchRequest().queryItems.isEmpty)
        let request = SearchRequest(query: "school transport", kinds: [.section(.minutes), .procedural], facets: [.year, .committee],
                                    sort: .dateDescending)
        #expect(request.urlQuery == "q=school%20transport&kind=minutes&kind=procedural&facet=year&facet=committee&sort=-date")
    }

    @Test("bad parameters are refused by name", arguments: [
        ("colour=blue", IndexError.unknownParameter("colour", known: SearchRequest.Parameter.allCases.map(\.rawValue).sorted())),
        ("q=a&q=b", .repeatedParameter("q")),
        ("limit=ten", .invalidParameter(name: "limit", reason: "must be a whole number, got 'ten'")),
        ("limit=1000000", .invalidParameter(name: "limit", reason: "must be between 0 and 1000, got 1000000")),
        ("from=13/01/2025", .invalidParameter(name: "from", reason: "must be a date as YYYY-MM-DD, YYYY-MM or YYYY, got '13/01/2025'")),
        ("from=2025&to=2024", .invalidParameter(name: "from", reason: "2025-01-01 is after to=2024-12-31")),
        ("sort=colour", .invalidParameter(name: "sort", reason: "must be relevance, date or -date, got 'colour'")),
        ("facet=colour", .invalidParameter(name: "facet", reason: "unknown facet 'colour' (known: year, month, committee, kind, meeting, person)")),
        ("kind=nonsense", .invalidParameter(name: "kind", reason: "unknown kind 'nonsense' (known: agenda, minutes, report, appendix, work_programme, other, procedural)")),
        ("procedural=maybe", .invalidParameter(name: "procedural", reason: "must be include or exclude, got 'maybe'")),
        ("exact=maybe", .invalidParameter(name: "exact", reason: "must be true or false, got 'maybe'")),
        ("collapse=committee", .invalidParameter(name: "collapse", reason: "must be meeting, got 'committee'")),
    ])
    func refused(query: String, error: IndexError) {
        var components = URLComponents()
        components.percentEncodedQuery = query
        #expect(throws: error) { try SearchRequest(queryItems: components.queryItems ?? []) }
    }

    @Test("the values people write are read as they mean them")
    func readsValues() throws {
        var components = URLComponents()
        components.percentEncodedQuery = "q=a%2Bb&to=2024&resolved=1&procedural=include&collapse=meeting&exact=0&committee=Cabinet&committee=cabinet"
        let request = try SearchRequest(queryItems: components.queryItems ?? [])
        #expect(request.query == "a+b")
        #expect(request.filters.to == MeetingDate(year: 2024, month: 12, day: 31))
        #expect(request.filters.resolvedOnly && !request.filters.excludeProcedural && request.collapseByMeeting && !request.exactCounts)
        #expect(request.filters.committees == ["Cabinet", "cabinet"])
    }
}
