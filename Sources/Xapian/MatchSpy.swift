import CXapian

/// Counts the values of one slot over the matching documents: facet counts such as
/// "committee → hits". Add it with ``Enquire/addMatchSpy(_:)`` before running the match.
public final class ValueCountMatchSpy {
    let handle: OpaquePointer
    /// The slot being counted (nil for a spy counting terms by prefix).
    public let slot: ValueSlot?

    /// A spy counting the values of `slot`, each read from the value table.
    public init(slot: ValueSlot) {
        self.slot = slot
        handle = mustCreate("match spy") { cx_valuecount_matchspy_new(slot, $0, $1) }
    }

    /// A spy counting, over the matches, the terms that start with `prefix` (the values are the
    /// terms with the prefix cut off): a facet with many values per document, such as the
    /// people at a meeting. It reads each match's term list; local databases only.
    public init(termPrefix prefix: String) {
        slot = nil
        handle = mustCreate("match spy") { out, err in
            withBytes(prefix) { pp, pn in cx_termprefix_matchspy_new(pp, pn, out, err) }
        }
    }

    /// A spy counting the values of `slot` from `columns`, which are first brought up to date
    /// with `database`; the same counts as ``init(slot:)`` without reading the value table. Nil
    /// when `database` is not one local index (shards searched as one, a remote database).
    public init?(slot: ValueSlot, columns: ValueColumns, database: Database) throws {
        var made: OpaquePointer?
        try check { cx_value_columns_matchspy_new(columns.handle, database.handle, slot, &made, $0) }
        guard let made else { return nil }
        self.slot = slot
        handle = made
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
