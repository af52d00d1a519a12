import MinutesIngest

/// The filters of a search that decide what matches (not its order, page or facets): what a
/// saved search and a judged query keep beside their query text. Every key is optional in JSON.
public struct SearchFilters: Codable, Sendable, Equatable {
    public var from: MeetingDate?
    public var to: MeetingDate?
    public var committees: [String]
    public var kinds: [String]
    public var resolvedOnly: Bool
    public var excludeProcedural: Bool

    public init(from: MeetingDate? = nil, to: MeetingDate? = nil, committees: [String] = [], kinds: [String] = [],
                resolvedOnly: Bool = false, excludeProcedural: Bool = false) {
        self.from = from
        self.to = to
        self.committees = committees
        self.kinds = kinds
        self.resolvedOnly = resolvedOnly
        self.excludeProcedural = excludeProcedural
    }

    /// The filters of a request.
    public init(of request: SearchRequest) {
        self.init(from: request.from, to: request.to, committees: request.committees, kinds: request.kinds,
                  resolvedOnly: request.resolvedOnly, excludeProcedural: request.excludeProcedural)
    }

    /// A relevance-ordered request for `query` under these filters.
    public func request(query: String, limit: Int) -> SearchRequest {
        SearchRequest(query: query, from: from, to: to, committees: committees, kinds: kinds,
                      resolvedOnly: resolvedOnly, limit: limit, excludeProcedural: excludeProcedural)
    }

    enum CodingKeys: String, CodingKey {
        case from, to, committees, kinds
        case resolvedOnly = "resolved_only"
        case excludeProcedural = "exclude_procedural"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decodeIfPresent(MeetingDate.self, forKey: .from)
        to = try c.decodeIfPresent(MeetingDate.self, forKey: .to)
        committees = try c.decodeIfPresent([String].self, forKey: .committees) ?? []
        kinds = try c.decodeIfPresent([String].self, forKey: .kinds) ?? []
        resolvedOnly = try c.decodeIfPresent(Bool.self, forKey: .resolvedOnly) ?? false
        excludeProcedural = try c.decodeIfPresent(Bool.self, forKey: .excludeProcedural) ?? false
    }
}
