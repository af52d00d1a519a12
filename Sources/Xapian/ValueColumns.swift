import CXapian

/// Value slots held in memory, a code per document id, for counting facets without reading
/// Xapian's value table (what Lucene calls doc values). Give one to every searcher of an index
/// and pass it to ``ValueCountMatchSpy/init(slot:columns:database:)``.
///
/// A slot's column is built the first time it is counted and extended to new document ids
/// after later commits. That holds because ids are never given new values (documents are added
/// and deleted, not replaced by id); an index with another UUID starts the columns afresh.
/// About four bytes per document per slot counted.
public final class ValueColumns: @unchecked Sendable {  // the shim serialises access under a mutex
    let handle: OpaquePointer

    /// Empty columns, filled as slots are counted.
    public init() {
        handle = mustCreate("value columns") { cx_value_columns_new($0, $1) }
    }

    deinit {
        cx_value_columns_free(handle)
    }

    /// Builds or extends the column of `slot` to every document of `database` now, so that
    /// the next count does not wait for it (nothing when `database` is not one local index).
    public func prepare(slot: ValueSlot, for database: Database) throws {
        try check { cx_value_columns_prepare(handle, database.handle, slot, $0) }
    }

    /// The bytes the columns hold.
    public var memoryBytes: Int {
        var bytes: UInt64 = 0
        _ = try? check { cx_value_columns_memory(handle, &bytes, $0) }
        return Int(bytes)
    }
}
