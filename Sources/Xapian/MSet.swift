import CXapian

/// One hit, copied out of an ``MSet`` so it can be kept and passed around freely.
public struct MatchHit: Sendable, Equatable {
    /// 0-based rank among all matches (not just this page).
    public let rank: Int
    /// Relevance as a percentage of the best possible match.
    public let percent: Int
    /// Relevance weight.
    public let weight: Double
    /// The document's id.
    public let documentID: DocumentID
    /// How many other matches collapsing folded into this hit (0 without collapsing).
    public let collapseCount: Int
    /// The collapse key value of this hit ("" without collapsing).
    public let collapseKey: String
}

/// A page of results from ``Enquire/mset(offset:limit:checkAtLeast:relevantDocuments:)``.
public final class MSet {
    let handle: OpaquePointer
    /// The enquire that produced this page: snippets and documents need its query and database.
    public let enquire: Enquire
    private var cachedHits: [MatchHit]?

    init(handle: OpaquePointer, enquire: Enquire) {
        self.handle = handle
        self.enquire = enquire
    }

    deinit {
        cx_mset_free(handle)
    }

    /// Number of hits in this page.
    public var size: Int { Int(cx_mset_size(handle)) }
    /// Xapian's estimate of the total number of matches.
    public var matchesEstimated: Int { Int(cx_mset_matches_estimated(handle)) }
    /// At least this many documents match.
    public var matchesLowerBound: Int { Int(cx_mset_matches_lower_bound(handle)) }
    /// At most this many documents match.
    public var matchesUpperBound: Int { Int(cx_mset_matches_upper_bound(handle)) }

    /// The hits of this page, best first (copied once, then cached).
    public var hits: [MatchHit] {
        if let cachedHits { return cachedHits }
        let loaded = (0..<cx_mset_size(handle)).compactMap { index -> MatchHit? in
            var hit = cx_hit()
            guard (try? check({ cx_mset_get_hit(handle, index, &hit, $0) })) != nil else { return nil }
            defer { cx_free_string(hit.collapse_key) }
            let key = hit.collapse_key.map { Array(UnsafeRawBufferPointer(start: $0, count: hit.collapse_key_len)) } ?? []
            return MatchHit(rank: Int(hit.rank), percent: Int(hit.percent), weight: hit.weight,
                            documentID: hit.docid, collapseCount: Int(hit.collapse_count),
                            collapseKey: String(decoding: key, as: UTF8.self))
        }
        cachedHits = loaded
        return loaded
    }

    /// The document of hit `index` (an index into ``hits``); `.range` when out of bounds.
    public func document(at index: Int) throws -> Document {
        guard index >= 0 else {
            throw XapianError(kind: .range, xapianClass: "RangeError", message: "MSet index \(index) is negative")
        }
        return Document(handle: try create { cx_mset_get_document(handle, u32(index), $0, $1) })
    }

    /// Snippet options (Xapian's `MSet::SNIPPET_*` bits).
    public struct SnippetFlags: OptionSet, Sendable {
        public let rawValue: UInt32
        /// Creates flags from Xapian's `SNIPPET_*` bits.
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// Plain highlighting of matched terms: no bits set (the empty set).
        public static let highlighted: SnippetFlags = []
        /// Prefer passages with rare words even without query terms (Xapian's background model).
        public static let backgroundModel = SnippetFlags(rawValue: UInt32(CX_SNIPPET_BACKGROUND_MODEL))
        /// Look at the whole text for the best passage, not just until a good-enough one.
        public static let exhaustive = SnippetFlags(rawValue: UInt32(CX_SNIPPET_EXHAUSTIVE))
        /// Return "" when no query term occurs in the text.
        public static let emptyWithoutMatch = SnippetFlags(rawValue: UInt32(CX_SNIPPET_EMPTY_WITHOUT_MATCH))
        /// Treat CJK text as n-grams (match a `.cjkNgram` index).
        public static let cjkNgram = SnippetFlags(rawValue: UInt32(CX_SNIPPET_CJK_NGRAM))
    }

    /// A passage of about `length` bytes of `text` around the query's matches, with matched
    /// words between the markers. Pass the indexing stemmer so stemmed matches ("educated" for
    /// "education") are highlighted too. The markers are inserted as given (no escaping).
    public func snippet(_ text: String, length: Int = 200, stemmer: Stem? = nil, flags: SnippetFlags = .exhaustive,
                        highlightStart: String = "<b>", highlightEnd: String = "</b>", omit: String = "...") -> String {
        let result = try? withBytes(text) { tp, tn in
            try withBytes(highlightStart) { sp, sn in
                try withBytes(highlightEnd) { ep, en in
                    try withBytes(omit) { op, on in
                        try fetchString {
                            cx_mset_snippet(handle, tp, tn, max(0, length), stemmer?.handle, flags.rawValue,
                                            sp, sn, ep, en, op, on, $0, $1, $2)
                        }
                    }
                }
            }
        }
        return result ?? ""
    }

    /// The number of documents `term` indexes, as this match saw it (0 if unknown).
    public func termFrequency(_ term: String) -> Int {
        var frequency: UInt32 = 0
        return (try? withBytes(term) { p, n in try check { cx_mset_termfreq(handle, p, n, &frequency, $0) } })
            .map { Int(frequency) } ?? 0
    }
}
