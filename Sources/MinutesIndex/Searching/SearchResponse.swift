import MinutesIngest

/// One page of search results with facet counts: what `quorum search --json` and `GET /search` print.
public struct SearchResponse: Codable, Sendable, Equatable {
    /// How many items match: exact when facets are counted over every match, else an estimate
    /// (Xapian's, or the facet sample's when ``sampleRate`` is set).
    public var total: Int
    /// Lower and upper bounds of that estimate.
    public var totalBounds: ClosedRange<Int>
    /// The matching items on this page, in the order asked for.
    public var hits: [SearchHit]
    /// Per facet name, the values among the matches with their counts, most frequent first.
    public var facets: [String: [FacetCount]]
    /// Set when the facet counts (and ``total``) are estimates: counted over the matches in a
    /// 1-in-`sampleRate` sample of the index and multiplied by it (``FacetSampling``).
    public var sampleRate: Int?
    /// "Did you mean": the query with its spelling corrected from the indexed words, set only when
    /// the query as written has few hits (below ``Searcher/fewHitsThreshold``) and the
    /// correction has more. The hits are still those of the query as written.
    public var correctedQuery: String?
    /// How many items the corrected query matches (Xapian's estimate), alongside ``correctedQuery``.
    public var correctedTotal: Int?
    /// How Xapian understood the query, for debugging.
    public var parsedQuery: String
    /// Set when few items hold all the words of a plain query, so the hits are items holding
    /// any of them, the items with more of them first.
    public var matchedAnyWords = false
    /// With `explain=true`: how the query was read and weighed.
    public var explanation: QueryExplanation?
    /// Set while the index is being rebuilt from the watched folders (``IndexRecovery``): the
    /// hits and counts are those of what is rebuilt so far.
    public var partial = false
    /// When searching shards: which answered. A shard that did not makes the answer degraded.
    public var shards: ShardSummary?
    /// Whether some shard did not answer, so hits and counts may be incomplete.
    public var isDegraded: Bool { shards?.isDegraded ?? false }

    enum CodingKeys: String, CodingKey {
        case total, hits, facets, shards, degraded
        case totalBounds = "total_bounds"
        case correctedQuery = "corrected_query"
        case correctedTotal = "corrected_total"
        case parsedQuery = "parsed_query"
        case sampleRate = "sample_rate"
        case matchedAnyWords = "matched_any_words"
        case explanation, partial
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        total = try c.decode(Int.self, forKey: .total)
        let bounds = try c.decodeIfPresent([Int].self, forKey: .totalBounds) ?? [total, total]
        totalBounds = (bounds.first ?? total)...(bounds.last ?? total)
        hits = try c.decode([SearchHit].self, forKey: .hits)
        facets = try c.decodeIfPresent([String: [FacetCount]].self, forKey: .facets) ?? [:]
        sampleRate = try c.decodeIfPresent(Int.self, forKey: .sampleRate)
        correctedQuery = try c.decodeIfPresent(String.self, forKey: .correctedQuery)
        correctedTotal = try c.decodeIfPresent(Int.self, forKey: .correctedTotal)
        parsedQuery = try c.decodeIfPresent(String.self, forKey: .parsedQuery) ?? ""
        shards = try c.decodeIfPresent(ShardSummary.self, forKey: .shards)
        matchedAnyWords = try c.decodeIfPresent(Bool.self, forKey: .matchedAnyWords) ?? false
        explanation = try c.decodeIfPresent(QueryExplanation.self, forKey: .explanation)
        partial = try c.decodeIfPresent(Bool.self, forKey: .partial) ?? false
    }

    /// An answer with these values, neither sampled nor from shards.
    public init(total: Int, totalBounds: ClosedRange<Int>, hits: [SearchHit], facets: [String: [FacetCount]],
                correctedQuery: String?, correctedTotal: Int? = nil, parsedQuery: String) {
        self.total = total
        self.totalBounds = totalBounds
        self.hits = hits
        self.facets = facets
        self.correctedQuery = correctedQuery
        self.correctedTotal = correctedTotal
        self.parsedQuery = parsedQuery
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(total, forKey: .total)
        try c.encode([totalBounds.lowerBound, totalBounds.upperBound], forKey: .totalBounds)
        try c.encode(hits, forKey: .hits)
        try c.encode(facets, forKey: .facets)
        try c.encodeIfPresent(sampleRate, forKey: .sampleRate)
        try c.encodeIfPresent(correctedQuery, forKey: .correctedQuery)
        try c.encodeIfPresent(correctedTotal, forKey: .correctedTotal)
        try c.encode(parsedQuery, forKey: .parsedQuery)
        if matchedAnyWords { try c.encode(true, forKey: .matchedAnyWords) }
        try c.encodeIfPresent(explanation, forKey: .explanation)
        if partial { try c.encode(true, forKey: .partial) }
        if let shards {
            try c.encode(shards.isDegraded, forKey: .degraded)
            try c.encode(shards, forKey: .shards)
        }
    }
}

/// One value of a facet and how many matching items have it.
public struct FacetCount: Codable, Sendable, Equatable {
    /// The value as the index holds it: a year, a committee's slug, a kind…
    public var value: String
    /// How many matching items have it (an estimate when the counts are sampled).
    public var count: Int

    /// A value with its count.
    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}

/// One matching item, with what a result list shows.
public struct SearchHit: Codable, Sendable, Equatable {
    /// The item's stable id (``ItemRecord/id``).
    public var id: String
    /// 1-based position in the whole result list.
    public var rank: Int
    /// Xapian's relevance percentage and weight.
    public var percent: Int
    /// Xapian's relevance weight.
    public var weight: Double
    /// The day of the meeting, if one was found.
    public var meetingDate: MeetingDate?
    /// The committee, as the document names it.
    public var committee: String?
    /// The section the item belongs to.
    public var section: ItemRecord.SectionSummary
    /// The item's number and title.
    public var item: ItemRecord.ItemSummary
    /// An extract of the item text around the matched words, which are wrapped in `<b>…</b>`
    /// (the rest is HTML-escaped).
    public var snippet: String
    /// Where the item sits in its source file.
    public var source: ItemRecord.SourceLocation
    /// The meeting key (`committee-slug/YYYY-MM-DD`) shared by all items of one meeting.
    public var meeting: String
    /// Whether the item records a resolution.
    public var resolved: Bool
    /// The text of each resolution the item records.
    public var resolutions: [String]
    /// Whether the item is standing business (ranked below substantive items).
    public var procedural: Bool
    /// With collapsing by meeting: how many other matching items the meeting has.
    public var collapsedCount: Int?
    /// With `explain=true`: which words it holds where, and the factors its weight got.
    public var explanation: HitExplanation?

    enum CodingKeys: String, CodingKey {
        case id, rank, percent, weight, committee, section, item, snippet, source, meeting, resolved, resolutions, procedural, explanation
        case meetingDate = "meeting_date"
        case collapsedCount = "collapsed_count"
    }
}
