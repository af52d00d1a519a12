import CXapian

/// One Xapian document: terms (with positions), value slots and an opaque data blob.
///
/// Xapian documents are shared handles: a ``TermGenerator`` set to this document writes into it.
public final class Document {
    let handle: OpaquePointer

    /// An empty document.
    public init() {
        handle = mustCreate("document") { cx_document_new($0, $1) }
    }

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        cx_document_free(handle)
    }

    /// The data blob of a document read from a database, as UTF-8 text; throws what Xapian
    /// throws when it fetches it lazily — `DatabaseModifiedError` when a writer's commit moved
    /// the database on — so the caller can reopen and retry rather than read "".
    public func readData() throws -> String {
        try fetchString { cx_document_get_data(handle, $0, $1, $2) }
    }

    /// The data blob as UTF-8 text ("" if it cannot be read, e.g. the database moved on: read
    /// a stored document's with ``readData()``).
    public var data: String {
        get { String(decoding: dataBytes, as: UTF8.self) }
        set { dataBytes = Array(newValue.utf8) }
    }

    /// The data blob as raw bytes.
    public var dataBytes: [UInt8] {
        get { (try? fetchBytes { cx_document_get_data(handle, $0, $1, $2) }) ?? [] }
        set { _ = withBytes(newValue) { p, n in cx_document_set_data(handle, p, n, nil) } }
    }

    /// Adds `term` without a position (wdf grows by `wdfIncrement`). Empty terms are ignored.
    public func addTerm(_ term: String, wdfIncrement: Int = 1) {
        _ = withBytes(term) { p, n in cx_document_add_term(handle, p, n, u32(wdfIncrement), nil) }
    }

    /// Adds a filter term (wdf 0, so it never changes relevance), e.g. `XCcabinet`.
    public func addBooleanTerm(_ term: String) {
        _ = withBytes(term) { p, n in cx_document_add_boolean_term(handle, p, n, nil) }
    }

    /// Adds `term` at `position`, for phrase and NEAR searches.
    public func addPosting(_ term: String, position: Int, wdfIncrement: Int = 1) {
        _ = withBytes(term) { p, n in cx_document_add_posting(handle, p, n, u32(position), u32(wdfIncrement), nil) }
    }

    /// Removes `term` and its positions; `.invalidArgument` when the document lacks it.
    public func removeTerm(_ term: String) throws {
        try withBytes(term) { p, n in try check { cx_document_remove_term(handle, p, n, $0) } }
    }

    /// The document's terms in byte order ([] if they cannot be read).
    public var terms: [String] {
        ((try? fetchTermList { cx_document_terms(handle, $0, $1) }) ?? []).map(\.string)
    }

    /// Sets the UTF-8 `value` in `slot` (an empty value clears the slot).
    public func setValue(_ value: String, slot: ValueSlot) {
        _ = withBytes(value) { p, n in cx_document_set_value(handle, slot, p, n, nil) }
    }

    /// Sets raw bytes in `slot`, e.g. from ``sortableSerialise(_:)``.
    public func setValue(_ bytes: [UInt8], slot: ValueSlot) {
        _ = withBytes(bytes) { p, n in cx_document_set_value(handle, slot, p, n, nil) }
    }

    /// The value in `slot` as UTF-8 text ("" when unset).
    public func value(_ slot: ValueSlot) -> String {
        String(decoding: valueBytes(slot), as: UTF8.self)
    }

    /// The value in `slot` as raw bytes ([] when unset).
    public func valueBytes(_ slot: ValueSlot) -> [UInt8] {
        (try? fetchBytes { cx_document_get_value(handle, slot, $0, $1, $2) }) ?? []
    }

    /// The id this document has in its database (0 for a document not read from one).
    public var id: DocumentID {
        cx_document_get_docid(handle)
    }
}
