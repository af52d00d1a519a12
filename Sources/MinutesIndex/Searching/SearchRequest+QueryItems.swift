import Foundation
import MinutesIngest

/// The one wire form of a search: URL query parameters named as the CLI's flags are, each
/// repeatable one (`committee`, `kind`, `facet`) given once per value. A parameter at its
/// default is left out, so a permalink says only what was asked.
///
/// | parameter | value |
/// | --- | --- |
/// | `q` | the query text |
/// | `from`, `to` | `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (`to=2024` is 31 December) |
/// | `committee`, `kind`, `person`, `facet` | repeatable |
/// | `sort` | `relevance`, `date` or `-date` |
/// | `offset`, `limit` | whole numbers |
/// | `resolved`, `exact`, `explain` | `true` or `false` (`1`, `0`) |
/// | `collapse` | `meeting` |
/// | `procedural` | `include` or `exclude` |
extension SearchRequest {
    /// The parameter names a search understands.
    public enum Parameter: String, CaseIterable, Sendable {
        case q, from, to, committee, kind, person, facet, sort, offset, limit, resolved, collapse, procedural, exact, explain
    }

    /// The request as query items, in ``Parameter``'s order, defaults left out.
    public var queryItems: [URLQueryItem] {
        var items: [URLQueryItem] = []
        func add(_ parameter: Parameter, _ value: String) { items.append(URLQueryItem(name: parameter.rawValue, value: value)) }
        if !query.isEmpty { add(.q, query) }
        if let from = filters.from { add(.from, from.iso) }
        if let to = filters.to { add(.to, to.iso) }
        filters.committees.forEach { add(.committee, $0) }
        filters.kinds.forEach { add(.kind, $0.name) }
        filters.people.forEach { add(.person, $0) }
        facets.forEach { add(.facet, $0.rawValue) }
        if sort != .relevance { add(.sort, sort.rawValue) }
        if offset != 0 { add(.offset, String(offset)) }
        if limit != Self.defaultLimit { add(.limit, String(limit)) }
        if filters.resolvedOnly { add(.resolved, "true") }
        if collapseByMeeting { add(.collapse, "meeting") }
        if filters.excludeProcedural { add(.procedural, "exclude") }
        if exactCounts { add(.exact, "true") }
        if explains { add(.explain, "true") }
        return items
    }

    /// The request as a URL query string (no leading `?`), every value percent-encoded but
    /// RFC 3986's unreserved characters, so that `+`, `&` and `#` in a query survive any reader.
    public var urlQuery: String {
        queryItems.map { item in
            "\(item.name)=\(Self.percentEncoded(item.value ?? ""))"
        }.joined(separator: "&")
    }

    /// The page size when none is asked for.
    public static let defaultLimit = 10

    /// Reads a search from query items; unknown names, repeated single parameters and bad
    /// values are refused with the parameter's name, and the whole request is validated.
    public init(queryItems: [URLQueryItem]) throws(IndexError) {
        var values: [Parameter: [String]] = [:]
        for item in queryItems {
            guard let parameter = Parameter(rawValue: item.name) else {
                throw .unknownParameter(item.name, known: Parameter.allCases.map(\.rawValue).sorted())
            }
            values[parameter, default: []].append(item.value ?? "")
        }
        let reader = ParameterReader(values: values)
        self.init(
            query: try reader.one(.q) ?? "",
            filters: SearchFilters(
                from: try reader.date(.from, endOfSpan: false), to: try reader.date(.to, endOfSpan: true),
                committees: reader.all(.committee), kinds: try reader.all(.kind, as: "a kind", ItemKind.init(name:)),
                people: reader.all(.person),
                resolvedOnly: try reader.flag(.resolved), excludeProcedural: try reader.choice(.procedural, ["include", "exclude"]) == "exclude"),
            facets: try reader.all(.facet, as: "a facet", Facet.init(rawValue:)),
            sort: try reader.one(.sort, as: "relevance, date or -date", SearchOrder.init(rawValue:)) ?? .relevance,
            offset: try reader.integer(.offset) ?? 0, limit: try reader.integer(.limit) ?? Self.defaultLimit,
            collapseByMeeting: try reader.choice(.collapse, ["meeting"]) != nil, exactCounts: try reader.flag(.exact))
        explains = try reader.flag(.explain)
        try validate()
    }

    /// RFC 3986's unreserved characters, ASCII only.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `value` percent-encoded as one URL component (a query value or a path segment): every
    /// character but the unreserved ones.
    public static func percentEncoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }
}

/// The values of each parameter of one request, read as the types a search holds.
private struct ParameterReader {
    let values: [SearchRequest.Parameter: [String]]

    func all(_ parameter: SearchRequest.Parameter) -> [String] { values[parameter] ?? [] }

    func all<T>(_ parameter: SearchRequest.Parameter, as what: String, _ make: (String) -> T?) throws(IndexError) -> [T] {
        var found: [T] = []
        for text in all(parameter) {
            guard let value = make(text) else { throw unknown(parameter, text, what) }
            found.append(value)
        }
        return found
    }

    func one(_ parameter: SearchRequest.Parameter) throws(IndexError) -> String? {
        let given = all(parameter)
        if given.count > 1 { throw .repeatedParameter(parameter.rawValue) }
        return given.first
    }

    func one<T>(_ parameter: SearchRequest.Parameter, as what: String, _ make: (String) -> T?) throws(IndexError) -> T? {
        guard let text = try one(parameter) else { return nil }
        guard let value = make(text) else { throw .invalidParameter(name: parameter.rawValue, reason: "must be \(what), got '\(text)'") }
        return value
    }

    func integer(_ parameter: SearchRequest.Parameter) throws(IndexError) -> Int? {
        try one(parameter, as: "a whole number", { Int($0) })
    }

    func date(_ parameter: SearchRequest.Parameter, endOfSpan: Bool) throws(IndexError) -> MeetingDate? {
        try one(parameter, as: "a date as YYYY-MM-DD, YYYY-MM or YYYY") { MeetingDate(bound: $0, endOfSpan: endOfSpan) }
    }

    func flag(_ parameter: SearchRequest.Parameter) throws(IndexError) -> Bool {
        let truth = ["true": true, "1": true, "false": false, "0": false]
        return try one(parameter, as: "true or false") { truth[$0] } ?? false
    }

    func choice(_ parameter: SearchRequest.Parameter, _ choices: [String]) throws(IndexError) -> String? {
        try one(parameter, as: choices.joined(separator: " or ")) { choices.contains($0) ? $0 : nil }
    }

    private func unknown(_ parameter: SearchRequest.Parameter, _ text: String, _ what: String) -> IndexError {
        let known: [String] = switch parameter {
        case .facet: Facet.allCases.map(\.rawValue)
        case .kind: ItemKind.allCases.map(\.name)
        default: []
        }
        return .invalidParameter(name: parameter.rawValue, reason: "unknown \(parameter.rawValue) '\(text)' (known: \(known.joined(separator: ", ")))")
    }
}
