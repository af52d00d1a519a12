import Xapian

/// Where a search runs: one index (a folder, or databases joined by hand), or shards searched
/// as one (``ShardSet``), some of them perhaps remote.
enum SearchBackend {
    case index
    case shards(ShardSet)

    /// Whether some shard is served by `xapian-tcpsrv`, whose matcher miscounts match spies and
    /// collapse counts when the same pass returns a page (tested in ShardFederationTests).
    var hasRemoteShards: Bool {
        if case let .shards(shards) = self { return shards.hasRemoteShards }
        return false
    }

    /// Whether no shard answers now.
    var answersNothing: Bool {
        if case let .shards(shards) = self { return shards.isEmpty }
        return false
    }
}

/// What one search does, decided from the request and the backend before anything runs; the
/// ``Searcher`` then takes its steps in turn: the page, the facets, the hits, the spelling.
struct SearchPlan {
    let request: SearchRequest
    /// What every match satisfies: the person's query (with its acronyms' other forms), the
    /// filters, and any restriction.
    let matching: Query
    /// The query that ranks: `matching`, with procedural items weighed down when they are
    /// (``ProceduralWeighting/split(_:)``).
    let ranking: Query
    /// Whether the page is reranked from one pass of `matching`, which gives it exactly and
    /// costs half the split query. Collapsing picks each meeting's best item by weight, so it
    /// needs the split weights from the start; shards are not reranked.
    let reranksPage: Bool
    /// Whether facets are counted in a pass of their own that returns no page (remote shards).
    let countsFacetsApart: Bool
    /// Whether that pass also counts each meeting's matches, for collapsed hits' counts.
    let countsMeetingsApart: Bool
    /// Whether very many matches may have their facets counted in a sample (``FacetSampling``).
    let maySampleFacets: Bool
    /// Whether a search that finds few hits looks for a spelling correction that finds more.
    let offersCorrection: Bool

    /// The plan for `request`, whose matches are `matching`.
    /// - Parameters:
    ///   - weighsDownProcedural: whether procedural items rank below substantive ones (a ranked
    ///     search that does not leave them out), keeping `proceduralFactor` of their weight.
    ///   - mayRerank: whether a one-pass rerank is allowed (tests turn it off to compare).
    init(request: SearchRequest, matching: Query, weighsDownProcedural: Bool, proceduralFactor: Double = Schema.ranking.proceduralFactor,
         backend: SearchBackend, mayRerank: Bool, offersCorrection: Bool) {
        self.request = request
        self.matching = matching
        ranking = weighsDownProcedural ? ProceduralWeighting.split(matching, factor: proceduralFactor) : matching
        if case .index = backend {
            reranksPage = mayRerank && weighsDownProcedural && !request.collapseByMeeting
        } else {
            reranksPage = false
        }
        let remote = backend.hasRemoteShards
        countsMeetingsApart = remote && request.collapseByMeeting
        countsFacetsApart = remote && (!request.facets.isEmpty || countsMeetingsApart)
        maySampleFacets = !request.facets.isEmpty && !request.exactCounts && !remote
        self.offersCorrection = offersCorrection
    }

    /// The query the first pass runs: `matching` when the page is reranked from it.
    var firstPass: Query { reranksPage ? matching : ranking }
}
