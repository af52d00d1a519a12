public import MinutesIndex
import MinutesIngest

/// Reads a search from URL query parameters, the same names the CLI's flags use:
/// `q`, `from`, `to`, `committee`, `kind`, `facet` (each repeatable), `sort`, `limit`,
/// `offset`, `resolved`, `collapse=meeting`, `procedural=exclude`, `exact`.
public enum SearchParameters {
    /// Parameter names the API understands; others are refused so typos do not pass silently.
    public static let known: Set<String> = ["q", "from", "to", "committee", "kind", "facet", "sort", "limit", "offset",
                                            "resolved", "collapse", "procedural", "exact"]

    /// The search the parameters describe, or an ``APIError`` naming the bad parameter.
    public static func request(from parameters: [(name: String, value: String)]) throws(APIError) -> SearchRequest {
        func all(_ name: String) -> [String] { parameters.filter { $0.name == name }.map(\.value) }
        func one(_ name: String) throws(APIError) -> String? {
            let values = all(name)
            if values.count > 1 { throw .badRequest(code: "bad_parameter", "parameter '\(name)' may be given once") }
            return values.first
        }
        func integer(_ name: String, default value: Int) throws(APIError) -> Int {
            guard let text = try one(name) else { return value }
            guard let number = Int(text) else {
                throw .badRequest(code: "bad_parameter", "parameter '\(name)' must be a whole number, got '\(text)'")
            }
            return number
        }
        func date(_ name: String, end: Bool) throws(APIError) -> MeetingDate? {
            guard let text = try one(name) else { return nil }
            guard let date = MeetingDate(bound: text, endOfSpan: end) else {
                throw .badRequest(code: "bad_parameter", "parameter '\(name)' must be a date as YYYY-MM-DD, YYYY-MM or YYYY, got '\(text)'")
            }
            return date
        }
        for parameter in parameters where !known.contains(parameter.name) {
            throw .badRequest(code: "unknown_parameter",
                              "unknown parameter '\(parameter.name)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        var sort = SearchOrder.relevance
        if let text = try one("sort") {
            guard let order = SearchOrder(rawValue: text) else {
                throw .badRequest(code: "bad_parameter", "parameter 'sort' must be relevance, date or -date, got '\(text)'")
            }
            sort = order
        }
        var collapse = false
        if let text = try one("collapse") {
            guard text == "meeting" else {
                throw .badRequest(code: "bad_parameter", "parameter 'collapse' can only be 'meeting', got '\(text)'")
            }
            collapse = true
        }
        func flag(_ name: String) throws(APIError) -> Bool {
            guard let text = try one(name) else { return false }
            guard ["true", "false", "1", "0"].contains(text) else {
                throw .badRequest(code: "bad_parameter", "parameter '\(name)' must be true or false, got '\(text)'")
            }
            return text == "true" || text == "1"
        }
        let procedural = try one("procedural")
        if let procedural, !["include", "exclude"].contains(procedural) {
            throw .badRequest(code: "bad_parameter", "parameter 'procedural' must be include or exclude, got '\(procedural)'")
        }
        let request = SearchRequest(
            query: try one("q") ?? "", from: try date("from", end: false), to: try date("to", end: true),
            committees: all("committee"), kinds: all("kind"), resolvedOnly: try flag("resolved"),
            facets: all("facet"), sort: sort, offset: try integer("offset", default: 0), limit: try integer("limit", default: 10),
            collapseByMeeting: collapse, excludeProcedural: procedural == "exclude", exactCounts: try flag("exact"))
        do {
            try request.validate()
        } catch let error as IndexError {
            throw APIError(indexError: error)
        } catch {
            throw .badRequest("\(error)")
        }
        return request
    }
}

extension APIError {
    /// The API's answer to an index error.
    init(indexError error: IndexError) {
        switch error {
        case .itemNotFound: self = .notFound(code: "item_not_found", error.description)
        case let .invalidParameter(name, _):
            self = .badRequest(code: name == "q" ? "bad_query" : "bad_parameter", error.description)
        case .incompatibleSchema: self = .unavailable(code: "incompatible_index", error.description)
        }
    }
}
