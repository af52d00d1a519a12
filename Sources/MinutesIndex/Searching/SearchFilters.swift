import MinutesIngest

/// The filters of a search that decide what matches (not its order, page or facets): part of
/// every ``SearchRequest``, and what a saved search and a judged query keep beside their query
/// text. Every key is optional in JSON.
public struct SearchFilters: Codable, Sendable, Hashable {
    /// Only meetings on or after this day.
    public var from: MeetingDate?
    /// Only meetings on or before this day.
    public var to: MeetingDate?
    /// Only these committees (names or slugs); empty means all.
    public var committees: [String]
    /// Only these kinds of item; empty means all.
    public var kinds: [ItemKind]
    /// Only items whose attendance names one of these people (surnames, as `person:` takes them).
    public var people: [String]
    /// Only items that record a resolution.
    public var resolvedOnly: Bool
    /// Leave out procedural items (apologies, declarations of interest, minutes of the previous
    /// meeting…); by default they are found but ranked below substantive items.
    public var excludeProcedural: Bool

    /// Filters with these values; the defaults filter nothing.
    public init(from: MeetingDate? = nil, to: MeetingDate? = nil, committees: [String] = [], kinds: [ItemKind] = [],
                people: [String] = [], resolvedOnly: Bool = false, excludeProcedural: Bool = false) {
        self.from = from
        self.to = to
        self.committees = committees
        self.kinds = kinds
        self.people = people
        self.resolvedOnly = resolvedOnly
        self.excludeProcedural = excludeProcedural
    }

    /// A relevance-ordered request for `query` under these filters.
    public func request(query: String, limit: Int) -> SearchRequest {
        SearchRequest(query: query, filters: self, limit: limit)
    }

    /// Checks that the date bounds are in order.
    public func validate() throws(IndexError) {
        if let from, let to, from > to {
            throw .invalidParameter(name: "from", reason: "\(from) is after to=\(to)")
        }
    }

    enum CodingKeys: String, CodingKey {
        case from, to, committees, kinds, people
        case resolvedOnly = "resolved_only"
        case excludeProcedural = "exclude_procedural"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decodeIfPresent(MeetingDate.self, forKey: .from)
        to = try c.decodeIfPresent(MeetingDate.self, forKey: .to)
        committees = try c.decodeIfPresent([String].self, forKey: .committees) ?? []
        kinds = try c.decodeIfPresent([ItemKind].self, forKey: .kinds) ?? []
        people = try c.decodeIfPresent([String].self, forKey: .people) ?? []
        resolvedOnly = try c.decodeIfPresent(Bool.self, forKey: .resolvedOnly) ?? false
        excludeProcedural = try c.decodeIfPresent(Bool.self, forKey: .excludeProcedural) ?? false
    }
}

extension SearchFilters {
    /// Encodes the filters, leaving out `people` when empty, so saved searches and judged
    /// queries written before it read and write the same.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(from, forKey: .from)
        try c.encodeIfPresent(to, forKey: .to)
        try c.encode(committees, forKey: .committees)
        try c.encode(kinds, forKey: .kinds)
        if !people.isEmpty { try c.encode(people, forKey: .people) }
        try c.encode(resolvedOnly, forKey: .resolvedOnly)
        try c.encode(excludeProcedural, forKey: .excludeProcedural)
    }
}
