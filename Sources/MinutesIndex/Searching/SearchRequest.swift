import MinutesIngest

/// The order of search results.
public enum SearchOrder: String, Codable, Sendable, CaseIterable {
    /// Best match first; among equals, the newer meeting first.
    case relevance
    /// Oldest meeting first.
    case date
    /// Newest meeting first.
    case dateDescending = "-date"
}

/// A search: the user's query, its filters, facets, order and page.
///
/// It travels as URL query parameters (``init(queryItems:)`` and ``queryItems``): the CLI, the
/// API, saved searches and the web pages all speak that one form.
public struct SearchRequest: Sendable, Hashable {
    /// Xapian query syntax: words, "phrases", AND/OR/NOT, `title:`, `resolved:`, `committee:`,
    /// `kind:`, `person:`, `year:2024`, `date:2020-01-01..2024-12-31`. Empty matches every item.
    public var query: String
    /// What may match: dates, committees, kinds, resolutions, standing business.
    public var filters: SearchFilters
    /// The facets to count.
    public var facets: [Facet]
    /// The order of the hits.
    public var sort: SearchOrder
    /// How many hits to skip (for paging).
    public var offset: Int
    /// How many hits a page holds, at most ``maximumLimit``.
    public var limit: Int
    /// When true, the best item per meeting only, with the count of the others.
    public var collapseByMeeting: Bool
    /// Count facets and the total over every match, however many (by default a search with
    /// very many matches estimates them from a sample: ``FacetSampling``).
    public var exactCounts: Bool
    /// Say why each hit ranks where it does (``SearchResponse/explanation``, ``SearchHit/explanation``).
    public var explains = false

    /// A request with these values; the defaults ask for the first ten items of everything, best first.
    public init(query: String = "", filters: SearchFilters = SearchFilters(), facets: [Facet] = [],
                sort: SearchOrder = .relevance, offset: Int = 0, limit: Int = 10, collapseByMeeting: Bool = false,
                exactCounts: Bool = false) {
        self.query = query
        self.filters = filters
        self.facets = facets
        self.sort = sort
        self.offset = offset
        self.limit = limit
        self.collapseByMeeting = collapseByMeeting
        self.exactCounts = exactCounts
    }

    /// A request with its filters given one by one (``SearchFilters``'s fields).
    public init(query: String = "", from: MeetingDate? = nil, to: MeetingDate? = nil, committees: [String] = [],
                kinds: [ItemKind] = [], people: [String] = [], resolvedOnly: Bool = false, facets: [Facet] = [], sort: SearchOrder = .relevance,
                offset: Int = 0, limit: Int = 10, collapseByMeeting: Bool = false, excludeProcedural: Bool = false,
                exactCounts: Bool = false) {
        self.init(query: query,
                  filters: SearchFilters(from: from, to: to, committees: committees, kinds: kinds, people: people,
                                         resolvedOnly: resolvedOnly, excludeProcedural: excludeProcedural),
                  facets: facets, sort: sort, offset: offset, limit: limit, collapseByMeeting: collapseByMeeting,
                  exactCounts: exactCounts)
    }

    /// The query text without the white space around it: what is parsed, corrected and expanded.
    var queryText: String { query.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Whether the ranking weighs procedural items down: a ranked search (it has words) that
    /// keeps them (``ProceduralWeighting``). A search and the saved-search matcher rank alike.
    var weighsDownProcedural: Bool { !queryText.isEmpty && !filters.excludeProcedural }

    /// The most results one page may hold.
    public static let maximumLimit = 1000

    /// The furthest a page may start: Xapian counts in 32 bits, and the reranking depth is
    /// twice offset plus limit.
    public static let maximumOffset = 1_000_000_000

    /// Checks the parameters, naming the first one that is wrong. (Facet and kind names are
    /// checked where text becomes a ``Facet`` or an ``ItemKind``: ``init(queryItems:)``.)
    public func validate() throws(IndexError) {
        if offset < 0 || offset > Self.maximumOffset {
            throw .invalidParameter(name: "offset", reason: "must be between 0 and \(Self.maximumOffset), got \(offset)")
        }
        if Set(facets).count < facets.count { throw .invalidParameter(name: "facet", reason: "each facet may be asked for once") }
        if limit < 0 || limit > Self.maximumLimit {
            throw .invalidParameter(name: "limit", reason: "must be between 0 and \(Self.maximumLimit), got \(limit)")
        }
        try filters.validate()
    }
}

extension MeetingDate {
    /// Parses a date bound as people write one: `2024-03-05`, `2024-03` or `2024`. A partial date
    /// means the first day of its span, or the last when `endOfSpan` is true (`--to 2024` is 31 Dec).
    public init?(bound text: String, endOfSpan: Bool) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : (endOfSpan ? 12 : 1)
        guard let month, parts.count < 2 || parts[1].count == 2 else { return nil }
        let day: Int?
        if parts.count == 3 {
            day = parts[2].count == 2 ? Int(parts[2]) : nil
        } else {
            day = endOfSpan ? MeetingDate.daysIn(month: month, year: year) : 1
        }
        guard let day else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
