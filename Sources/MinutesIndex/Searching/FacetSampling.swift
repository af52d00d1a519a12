/// When a search counts its facets over a sample of its matches instead of every one.
///
/// Exact facet counts visit every match: over a million items a common word matches a third of
/// them, and counting those takes 40 ms even in Xapian's own Python bindings. Above
/// ``exactUpTo`` matches the counts come instead from the matches among a hashed 1-in-N sample
/// of the index (``Query/sample(oneIn:seed:)``), scaled up by N: about ``sampleSize`` matches
/// are counted, so a facet value holding a twentieth of them is off by about 3 % (one standard
/// deviation), and the response says so (``SearchResponse/sampleRate``). This is what search
/// servers do at scale: Elasticsearch stops counting hits at 10,000 and samples aggregations
/// with `random_sampler`. A request that needs exact figures asks for them
/// (``SearchRequest/exactCounts``).
public struct FacetSampling: Sendable, Equatable {
    /// Up to this many matches (Xapian's estimate), every match is counted.
    public var exactUpTo: Int
    /// Above it, about this many matches are counted.
    public var sampleSize: Int

    /// Sampling above `exactUpTo` matches, counting about `sampleSize` of them.
    public init(exactUpTo: Int, sampleSize: Int) {
        self.exactUpTo = exactUpTo
        self.sampleSize = sampleSize
    }

    /// 20,000 both ways: a sample costs a few milliseconds at any index size.
    public static let standard = FacetSampling(exactUpTo: 20_000, sampleSize: 20_000)

    /// The sample rate for about `matches` matches: the power of two that leaves about
    /// ``sampleSize`` of them (at least 2).
    func rate(forMatches matches: Int) -> Int {
        var rate = 2
        while matches / (rate * 2) >= sampleSize { rate *= 2 }
        return rate
    }
}
