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

/// A search: the user's query, filters, facets, order and page.
public struct SearchRequest: Sendable, Hashable {
    /// Xapian query syntax: words, "phrases", AND/OR/NOT, `title:`, `resolved:`, `committee:`,
    /// `kind:`, `person:`, `year:2024`, `date:2020-01-01..2024-12-31`. Empty matches every item.
    public var query: String
    /// Only meetings on or after this day.
    public var from: MeetingDate?
    /// Only meetings on or before this day.
    public var to: MeetingDate?
    /// Only these committees (names or slugs); empty means all.
    public var committees: [String]
    /// Only these section kinds (or `procedural`, for standing business); empty means all.
    public var kinds: [String]
    /// Only items that record a resolution.
    public var resolvedOnly: Bool
    /// Facet names to count (see ``Schema/facetFields``).
    public var facets: [String]
    public var sort: SearchOrder
    public var offset: Int
    public var limit: Int
    /// When true, the best item per meeting only, with the count of the others.
    public var collapseByMeeting: Bool
    /// Leave out procedural items (apologies, declarations of interest, minutes of the previous
    /// meeting…); by default they are found but ranked below substantive items.
    public var excludeProcedural: Bool
    /// Count facets and the total over every match, however many (by default a search with
    /// very many matches estimates them from a sample: ``FacetSampling``).
    public var exactCounts: Bool

    public init(query: String = "", from: MeetingDate? = nil, to: MeetingDate? = nil, committees: [String] = [],
                kinds: [String] = [], resolvedOnly: Bool = false, facets: [String] = [], sort: SearchOrder = .relevance,
                offset: Int = 0, limit: Int = 10, collapseByMeeting: Bool = false, excludeProcedural: Bool = false,
                exactCounts: Bool = false) {
        self.query = query
        self.from = from
        self.to = to
        self.committees = committees
        self.kinds = kinds
        self.resolvedOnly = resolvedOnly
        self.facets = facets
        self.sort = sort
        self.offset = offset
        self.limit = limit
        self.collapseByMeeting = collapseByMeeting
        self.excludeProcedural = excludeProcedural
        self.exactCounts = exactCounts
    }

    /// The most results one page may hold.
    public static let maximumLimit = 1000

    /// Checks the parameters, naming the first one that is wrong.
    public func validate() throws {
        if offset < 0 { throw IndexError.invalidParameter(name: "offset", reason: "must be 0 or more, got \(offset)") }
        if limit < 0 || limit > Self.maximumLimit {
            throw IndexError.invalidParameter(name: "limit", reason: "must be between 0 and \(Self.maximumLimit), got \(limit)")
        }
        if let from, let to, from > to {
            throw IndexError.invalidParameter(name: "from", reason: "\(from) is after to=\(to)")
        }
        let known = Schema.facetFields.map(\.name)
        for facet in facets where !known.contains(facet) {
            throw IndexError.invalidParameter(name: "facet", reason: "unknown facet '\(facet)' (known: \(known.joined(separator: ", ")))")
        }
        let kindNames = SectionKind.allCases.map(\.rawValue) + [Schema.proceduralKind]
        for kind in kinds where !kindNames.contains(kind) {
            throw IndexError.invalidParameter(name: "kind", reason: "unknown kind '\(kind)' (known: \(kindNames.joined(separator: ", ")))")
        }
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
