import Xapian

/// How one search counts its facets and its total, as its plan says: by match spies on the
/// page's own pass (every match, so the total is exact too), on a pass of their own (remote
/// shards), or over a hashed sample of very many matches (``FacetSampling``).
struct FacetCounting {
    private let plan: SearchPlan
    /// The pass the spies are on: the page's unless facets are counted apart.
    private let facetEnquire: Enquire
    /// Each meeting's matches, when collapse counts over remote shards cannot be trusted.
    private let meetingSpy: ValueCountMatchSpy?
    /// Set when the facets are counted in a sample instead of by the spies.
    private let sampleRate: Int?
    /// A spy per facet, on ``facetEnquire``; none when sampling.
    let spies: [(name: String, spy: ValueCountMatchSpy)]

    /// Sets the counting up before the page's pass runs, so its spies see every match.
    init(plan: SearchPlan, pageEnquire: Enquire, searcher: Searcher) throws {
        self.plan = plan
        facetEnquire = plan.countsFacetsApart
            ? searcher.makeEnquire(plan.firstPass, for: plan.request, collapsing: false) : pageEnquire
        meetingSpy = plan.countsMeetingsApart ? ValueCountMatchSpy(slot: Schema.meeting.slot!) : nil
        if let meetingSpy { facetEnquire.addMatchSpy(meetingSpy) }
        sampleRate = plan.maySampleFacets ? try Self.sampleRate(of: pageEnquire, sampling: searcher.facetSampling) : nil
        spies = sampleRate == nil ? try Self.spies(for: plan.request, on: facetEnquire, searcher: searcher) : []
    }

    /// What was counted, the total and its bounds among it.
    struct Counts {
        var total: Int
        var totalBounds: ClosedRange<Int>
        var facets: [String: [FacetCount]]
        /// The sample's rate, when the facets were counted in one.
        var sampleRate: Int?
        /// Each meeting's matches, when counted apart.
        var meetingMatches: [String: Int]?
    }

    /// The counts, once the page's pass (`mset`) has run: running the facets' own pass or the
    /// sample first when the plan has one.
    func finish(matches mset: MSet, searcher: Searcher) throws -> Counts {
        if plan.countsFacetsApart {
            _ = try facetEnquire.mset(offset: 0, limit: 0, checkAtLeast: searcher.database.documentCount)
        }
        let lower = mset.matchesLowerBound
        var counts = Counts(total: mset.matchesEstimated, totalBounds: lower...max(lower, mset.matchesUpperBound),
                            facets: Self.counts(of: spies), sampleRate: nil,
                            meetingMatches: meetingSpy.map { Dictionary($0.values.map { ($0.value, $0.count) }, uniquingKeysWith: +) })
        if let sampleRate {
            let sampled = try Self.countInSample(plan.matching, request: plan.request, oneIn: sampleRate, searcher: searcher)
            counts.facets = sampled.facets
            counts.sampleRate = sampled.rate
            if !plan.request.collapseByMeeting {
                // The sample's estimate of all matches, within the bounds Xapian knows for sure;
                // or all of them, counted.
                counts.total = min(max(sampled.matches, counts.totalBounds.lowerBound), counts.totalBounds.upperBound)
                if sampled.rate == nil { counts.totalBounds = sampled.matches...sampled.matches }
            }
        }
        return counts
    }

    /// The sample rate for counting the facets of `enquire`'s query, or nil to count every
    /// match: from Xapian's estimate of the matches, which a page of no hits gets without
    /// running the match.
    private static func sampleRate(of enquire: Enquire, sampling: FacetSampling) throws -> Int? {
        let estimate = try enquire.mset(offset: 0, limit: 0).matchesEstimated
        guard estimate > sampling.exactUpTo else { return nil }
        return sampling.rate(forMatches: estimate)
    }

    /// Facet counts from the matches in a 1-in-`rate` hashed sample of the index, scaled up,
    /// with the sample's estimate of all matches. When the sample shows the matches are few
    /// after all (Xapian's estimate of an AND query can be far out), they are counted in full
    /// and `rate` comes back nil.
    private static func countInSample(_ query: Query, request: SearchRequest, oneIn rate: Int, searcher: Searcher)
        throws -> (facets: [String: [FacetCount]], matches: Int, rate: Int?) {
        func count(_ query: Query, scaledBy scale: Int) throws -> (facets: [String: [FacetCount]], matches: Int) {
            let enquire = Enquire(database: searcher.database)
            enquire.query = query
            enquire.setWeightingScheme(.boolean)  // counting only: no page, no weights
            let spies = try spies(for: request, on: enquire, searcher: searcher)
            let mset = try enquire.mset(offset: 0, limit: 0, checkAtLeast: searcher.database.documentCount)
            return (counts(of: spies, scaledBy: scale), mset.matchesEstimated * scale)
        }
        let sample = try count(Query(.filter, [query, try .sample(oneIn: rate)]), scaledBy: rate)
        if sample.matches <= searcher.facetSampling.exactUpTo {
            let all = try count(query, scaledBy: 1)
            return (all.facets, all.matches, nil)
        }
        return (sample.facets, sample.matches, rate)
    }

    /// A match spy for each facet the request asks for, added to `enquire`: counting from the
    /// searcher's ``Searcher/valueColumns`` when it has them, and terms for a facet of many
    /// values an item.
    private static func spies(for request: SearchRequest, on enquire: Enquire, searcher: Searcher) throws
        -> [(name: String, spy: ValueCountMatchSpy)] {
        try request.facets.compactMap { facet in
            let spy: ValueCountMatchSpy
            if let slot = facet.slot {
                let columnSpy = try searcher.valueColumns.flatMap {
                    try ValueCountMatchSpy(slot: slot, columns: $0, database: searcher.database)
                }
                spy = columnSpy ?? ValueCountMatchSpy(slot: slot)
            } else if !searcher.backend.hasRemoteShards {
                spy = ValueCountMatchSpy(termPrefix: facet.field.prefix)
            } else {
                return nil  // a remote matcher cannot run a term spy: the facet is left out
            }
            enquire.addMatchSpy(spy)
            return (facet.rawValue, spy)
        }
    }

    /// What the spies counted, most frequent first, each count multiplied by `scale`.
    private static func counts(of spies: [(name: String, spy: ValueCountMatchSpy)], scaledBy scale: Int = 1)
        -> [String: [FacetCount]] {
        Dictionary(spies.map { name, spy in
            (name, spy.topValues(1000).map { FacetCount(value: $0.value, count: $0.count * scale) })
        }, uniquingKeysWith: { first, _ in first })
    }
}
