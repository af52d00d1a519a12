import CXapian

/// Counts the values of one slot over the matching documents: facet counts such as
/// "committee → hits". Add it with ``Enquire/addMatchSpy(_:)`` before running the match.
public final class ValueCountMatchSpy {
    let handle: OpaquePointer
    /// The slot being counted.
    public let slot: ValueSlot

    /// A spy counting the values of `slot`.
    public init(slot: ValueSlot) {
        self.slot = slot
        handle = mustCreate("match spy") { cx_valuecount_matchspy_new(slot, $0, $1) }
    }

    deinit {
        cx_matchspy_free(handle)
    }

    /// How many documents the spy has looked at (at least the MSet's lower bound; all matches
    /// when `checkAtLeast` covers them).
    public var documentsSeen: Int {
        Int(cx_matchspy_get_total(handle))
    }

    /// The `limit` most frequent values, by count descending (documents without a value in
    /// the slot are not counted).
    public func topValues(_ limit: Int) -> [(value: String, count: Int)] {
        ((try? fetchTermList { cx_matchspy_top_values(handle, u32(limit), $0, $1) }) ?? [])
            .map { (value: $0.string, count: $0.frequency) }
    }

    /// Every value seen, in byte order of the value.
    public var values: [(value: String, count: Int)] {
        ((try? fetchTermList { cx_matchspy_values(handle, $0, $1) }) ?? [])
            .map { (value: $0.string, count: $0.frequency) }
    }
}
