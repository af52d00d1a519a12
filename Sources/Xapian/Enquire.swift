import CXapian

/// How matches are weighted.
public enum WeightingScheme: Sendable {
    /// Okapi BM25, Xapian's default scheme. Note: `k1` defaults to the textbook 1.2 here, while
    /// Xapian's own `BM25Weight()` uses k1 = 1; pass `k1: 1` to match an Enquire left untouched.
    case bm25(k1: Double = 1.2, k2: Double = 0, k3: Double = 1, b: Double = 0.5, minNormLen: Double = 0.5)
    /// Every match weighs 0: order comes from docids or the sort key alone (cheapest).
    case boolean
    /// TF-IDF with Xapian's default normalisations.
    case tfidf
}

/// The order of equally-ranked hits by document id (see ``Enquire/docidOrder``).
public typealias DocidOrder = Enquire.DocidOrder

/// Runs queries against a ``Database``: sorting, collapsing, match spies, pages of results.
/// Not thread-safe: use one per query or per thread.
public final class Enquire {
    /// The order of equally-ranked hits by document id.
    public enum DocidOrder: Sendable {
        /// Lower ids first (Xapian's default).
        case ascending
        /// Higher ids first, e.g. newest additions first under boolean weighting.
        case descending
        /// Whatever is fastest.
        case dontCare

        var cValue: cx_docid_order {
            switch self {
            case .ascending: return CX_DOCID_ASCENDING
            case .descending: return CX_DOCID_DESCENDING
            case .dontCare: return CX_DOCID_DONT_CARE
            }
        }
    }

    let handle: OpaquePointer
    /// The database searched (kept alive for the MSets and documents that refer to it).
    public let database: Database
    private var spies: [ValueCountMatchSpy] = []

    /// An enquire session over `database`.
    public init(database: Database) {
        self.database = database
        handle = mustCreate("enquire") { cx_enquire_new(database.handle, $0, $1) }
    }

    deinit {
        cx_enquire_free(handle)
    }

    /// The query to run; nil runs the empty query, which matches nothing.
    public var query: Query? {
        didSet { _ = cx_enquire_set_query(handle, query?.handle, nil) }
    }

    /// Chooses the weighting scheme (BM25 by default).
    public func setWeightingScheme(_ scheme: WeightingScheme) {
        switch scheme {
        case let .bm25(k1, k2, k3, b, minNormLen):
            _ = cx_enquire_set_weighting_bm25(handle, k1, k2, k3, b, minNormLen, nil)
        case .boolean:
            _ = cx_enquire_set_weighting_bool(handle, nil)
        case .tfidf:
            _ = cx_enquire_set_weighting_tfidf(handle, nil)
        }
    }

    /// Orders hits by relevance (the default).
    public func sortByRelevance() {
        cx_enquire_sort_by_relevance(handle)
    }

    /// Orders hits by the value in `slot` (bytewise), ignoring relevance.
    public func sortByValue(_ slot: ValueSlot, descending: Bool) {
        cx_enquire_sort_by_value(handle, slot, descending)
    }

    /// Orders hits by the value in `slot`, ties broken by relevance.
    public func sortByValueThenRelevance(_ slot: ValueSlot, descending: Bool) {
        cx_enquire_sort_by_value_then_relevance(handle, slot, descending)
    }

    /// Orders hits by relevance, ties broken by the value in `slot`.
    public func sortByRelevanceThenValue(_ slot: ValueSlot, descending: Bool) {
        cx_enquire_sort_by_relevance_then_value(handle, slot, descending)
    }

    /// Keeps at most `maxPerKey` hits per distinct value of `slot` (e.g. one hit per meeting);
    /// nil turns collapsing off. Each hit reports how many it stands for in `collapseCount`.
    public func setCollapseKey(_ slot: ValueSlot?, maxPerKey: Int = 1) {
        cx_enquire_set_collapse_key(handle, slot != nil, slot ?? 0, u32(maxPerKey))
    }

    /// The order of equally-ranked hits by document id (ascending by default).
    public var docidOrder: DocidOrder = .ascending {
        didSet { cx_enquire_set_docid_order(handle, docidOrder.cValue) }
    }

    /// Adds a spy that sees every matching document (e.g. for facet counts). The spy's counts
    /// accumulate over every ``mset(offset:limit:checkAtLeast:relevantDocuments:)`` call.
    public func addMatchSpy(_ spy: ValueCountMatchSpy) {
        spies.append(spy)
        _ = cx_enquire_add_matchspy(handle, spy.handle, nil)
    }

    /// Removes every match spy.
    public func clearMatchSpies() {
        cx_enquire_clear_matchspies(handle)
        spies.removeAll()
    }

    /// Runs the query and returns hits `offset ..< offset+limit`. `checkAtLeast` makes Xapian
    /// look at that many matches (exact counts and complete facets at some cost).
    /// `relevantDocuments` feed relevance feedback.
    public func mset(offset: Int, limit: Int, checkAtLeast: Int = 0, relevantDocuments: [DocumentID] = []) throws -> MSet {
        let result = try relevantDocuments.withUnsafeBufferPointer { relevant in
            try create {
                cx_enquire_get_mset(handle, u32(offset), u32(limit), u32(checkAtLeast),
                                    relevant.baseAddress, relevant.count, $0, $1)
            }
        }
        return MSet(handle: result, enquire: self)
    }

    /// Terms that best characterise `relevantDocuments` (Xapian's ESet), by weight descending:
    /// the ingredients of a "more like this" query. Terms of the current query are left out
    /// unless `excludingQueryTerms` is false.
    public func expandTerms(relevantDocuments: [DocumentID], limit: Int, excludingQueryTerms: Bool = true) throws -> [(term: String, weight: Double)] {
        try relevantDocuments.withUnsafeBufferPointer { relevant in
            try fetchTermList {
                cx_enquire_get_eset(handle, relevant.baseAddress, relevant.count, u32(limit), excludingQueryTerms, $0, $1)
            }
        }.map { (term: $0.string, weight: $0.weight) }
    }
}
