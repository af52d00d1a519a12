import Foundation

/// A query with the items a person judged relevant to it, by reading them: one entry of a
/// judged set such as `Tests/MinutesIndexTests/Judgements/corpus-queries.json`.
///
/// JSON: `{"query": "...", "filters": {...}, "relevant": ["item-id", ...], "grades": {"item-id": 2}}`;
/// `filters`, `grades` and `class` are optional. Without a grade an item listed as relevant has gain 1.
public struct JudgedQuery: Codable, Sendable, Equatable {
    /// The query, in the same syntax as ``SearchRequest/query``.
    public var query: String
    /// The filters the search runs with (none when the JSON leaves them out).
    public var filters: SearchFilters
    /// Items judged relevant (any order).
    public var relevant: [String]
    /// Graded relevance (e.g. 2 = what the query is about, 1 = touches on it), for nDCG.
    public var grades: [String: Int]
    /// Why these items, for the next person who edits the set.
    public var note: String?
    /// The kind of query ("question", "acronym", "two-word", "misspelling", "other-councils",
    /// …), for figures per kind.
    public var queryClass: String?

    /// A judged query with these judgements.
    public init(query: String, filters: SearchFilters = SearchFilters(), relevant: [String], grades: [String: Int] = [:],
                note: String? = nil, queryClass: String? = nil) {
        self.query = query
        self.filters = filters
        self.relevant = relevant
        self.grades = grades
        self.note = note
        self.queryClass = queryClass
    }

    /// The gain of an item: its grade, 1 when listed as relevant without one, else 0.
    public func grade(of id: String) -> Int {
        if let grade = grades[id] { return grade }
        return relevant.contains(id) ? 1 : 0
    }

    /// Every item with a gain above zero.
    var relevantIDs: Set<String> {
        Set(relevant).union(grades.filter { $0.value > 0 }.keys)
    }

    enum CodingKeys: String, CodingKey {
        case query, filters, relevant, grades, note
        case queryClass = "class"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        query = try c.decode(String.self, forKey: .query)
        filters = try c.decodeIfPresent(SearchFilters.self, forKey: .filters) ?? SearchFilters()
        relevant = try c.decode([String].self, forKey: .relevant)
        grades = try c.decodeIfPresent([String: Int].self, forKey: .grades) ?? [:]
        note = try c.decodeIfPresent(String.self, forKey: .note)
        queryClass = try c.decodeIfPresent(String.self, forKey: .queryClass)
    }
}
