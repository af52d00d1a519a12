import CXapian

/// The single writer of a database. Opening a second writer on the same path fails with
/// `.databaseLock`. Changes become durable and visible to readers only on ``commit()``.
public final class WritableDatabase: Database {
    /// What to do when the database exists, or does not.
    public enum OpenMode: Sendable {
        /// Open it, creating it if missing.
        case createOrOpen
        /// Create it; fail if it exists.
        case create
        /// Create it, replacing any existing one.
        case createOrOverwrite
        /// Open it; fail if missing.
        case open

        var cValue: cx_open_mode {
            switch self {
            case .createOrOpen: return CX_OPEN_CREATE_OR_OPEN
            case .create: return CX_OPEN_CREATE
            case .createOrOverwrite: return CX_OPEN_CREATE_OR_OVERWRITE
            case .open: return CX_OPEN_OPEN
            }
        }
    }

    let writableHandle: OpaquePointer

    /// Opens (or creates) the database at `path` for writing.
    public init(path: String, mode: OpenMode = .createOrOpen) throws {
        let writable = try create { cx_writable_database_open(path, mode.cValue, $0, $1) }
        writableHandle = writable
        super.init(handle: cx_writable_database_as_database(writable), ownsHandle: false)
    }

    deinit {
        // Xapian commits here too but swallows errors, which is why commit() is explicit.
        cx_writable_database_free(writableHandle)
    }

    /// Adds `document` and returns its new id.
    @discardableResult
    public func addDocument(_ document: Document) throws -> DocumentID {
        var id: UInt32 = 0
        try check { cx_writable_database_add_document(writableHandle, document.handle, &id, $0) }
        return id
    }

    /// Replaces every document indexed by `uniqueTerm` with `document` (adding it if none), the
    /// idempotent upsert for documents carrying a `Q…` id term.
    @discardableResult
    public func replaceDocument(uniqueTerm: String, with document: Document) throws -> DocumentID {
        var id: UInt32 = 0
        try withBytes(uniqueTerm) { p, n in
            try check { cx_writable_database_replace_document_by_term(writableHandle, p, n, document.handle, &id, $0) }
        }
        return id
    }

    /// Replaces the document with `id` (or creates it with that id).
    public func replaceDocument(_ id: DocumentID, with document: Document) throws {
        try check { cx_writable_database_replace_document(writableHandle, id, document.handle, $0) }
    }

    /// Deletes the document with `id`; `.documentNotFound` when there is none.
    public func deleteDocument(_ id: DocumentID) throws {
        try check { cx_writable_database_delete_document(writableHandle, id, $0) }
    }

    /// Deletes every document indexed by `term` (no error when there are none).
    public func deleteDocuments(withTerm term: String) throws {
        try withBytes(term) { p, n in try check { cx_writable_database_delete_documents_by_term(writableHandle, p, n, $0) } }
    }

    /// Makes pending changes durable and visible to readers that ``Database/reopen()``.
    public func commit() throws {
        try check { cx_writable_database_commit(writableHandle, $0) }
    }

    /// Starts a transaction. `flushed: true` commits it as its own revision; `false` lets it ride
    /// along with the next ``commit()`` (cheaper when batching).
    public func beginTransaction(flushed: Bool = true) throws {
        try check { cx_writable_database_begin_transaction(writableHandle, flushed, $0) }
    }

    /// Ends the transaction, keeping its changes.
    public func commitTransaction() throws {
        try check { cx_writable_database_commit_transaction(writableHandle, $0) }
    }

    /// Ends the transaction, discarding its changes.
    public func cancelTransaction() throws {
        try check { cx_writable_database_cancel_transaction(writableHandle, $0) }
    }

    /// Runs `body` inside a transaction: committed if it returns, cancelled if it throws.
    public func withTransaction<T>(flushed: Bool = true, _ body: () throws -> T) throws -> T {
        try beginTransaction(flushed: flushed)
        let result: T
        do {
            result = try body()
        } catch {
            // The body's error matters more than a failure to cancel.
            try? cancelTransaction()
            throw error
        }
        try commitTransaction()
        return result
    }

    /// Stores `value` under `key` (an empty value deletes the key).
    public func setMetadata(_ value: String, forKey key: String) throws {
        try withBytes(key) { kp, kn in
            try withBytes(value) { vp, vn in try check { cx_writable_database_set_metadata(writableHandle, kp, kn, vp, vn, $0) } }
        }
    }

    /// Adds `word` to the spelling dictionary.
    public func addSpelling(_ word: String, frequencyIncrement: Int = 1) throws {
        try withBytes(word) { p, n in
            try check { cx_writable_database_add_spelling(writableHandle, p, n, u32(frequencyIncrement), $0) }
        }
    }

    /// Lowers `word`'s spelling frequency, removing it at zero.
    public func removeSpelling(_ word: String, frequencyDecrement: Int = 1) throws {
        try withBytes(word) { p, n in
            try check { cx_writable_database_remove_spelling(writableHandle, p, n, u32(frequencyDecrement), $0) }
        }
    }

    /// Records `synonym` for `term`. Terms are as indexed: a stemmed term needs its `Z` prefix.
    public func addSynonym(_ synonym: String, for term: String) throws {
        try withBytes(term) { tp, tn in
            try withBytes(synonym) { sp, sn in try check { cx_writable_database_add_synonym(writableHandle, tp, tn, sp, sn, $0) } }
        }
    }

    /// Removes `synonym` for `term`.
    public func removeSynonym(_ synonym: String, for term: String) throws {
        try withBytes(term) { tp, tn in
            try withBytes(synonym) { sp, sn in try check { cx_writable_database_remove_synonym(writableHandle, tp, tn, sp, sn, $0) } }
        }
    }

    /// Removes every synonym of `term`.
    public func clearSynonyms(for term: String) throws {
        try withBytes(term) { p, n in try check { cx_writable_database_clear_synonyms(writableHandle, p, n, $0) } }
    }
}
