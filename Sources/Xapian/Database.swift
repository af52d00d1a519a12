import CXapian

/// A Xapian document id (1-based; 0 means "none").
public typealias DocumentID = UInt32
/// A Xapian value slot number.
public typealias ValueSlot = UInt32

/// A read-only view of one or more Xapian databases (shards). Not thread-safe: use one per thread.
///
/// A reader sees the revision current when it was opened; call ``reopen()`` to see later commits,
/// and after a `.databaseModified` error (the writer overwrote the revision being read).
public class Database {
    /// The shim handle. For a ``WritableDatabase`` it is borrowed from the writable handle.
    let handle: OpaquePointer
    private let ownsHandle: Bool
    /// Shards added with ``add(_:)``, kept so their Swift owners outlive this combination.
    private var shards: [Database] = []

    /// Opens the database at `path` read-only.
    public init(path: String) throws {
        handle = try create { cx_database_open(path, $0, $1) }
        ownsHandle = true
    }

    /// Opens a database served by `xapian-tcpsrv` at `host`:`port` (Xapian's remote backend).
    ///
    /// Every later call fails with `.network` when the server takes longer than `timeout`, or
    /// has gone away; a broken connection is not repaired, so open a new handle to reconnect.
    /// The remote protocol serves no spelling or synonym data (those answers come back empty),
    /// and a combination of shards reads metadata from its first shard only.
    public init(remoteHost host: String, port: Int, timeout: Duration = .seconds(2), connectTimeout: Duration? = nil) throws {
        let milliseconds = { (d: Duration) in UInt32(clamping: d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000) }
        handle = try create {
            cx_database_open_remote_tcp(host, UInt32(clamping: port), milliseconds(timeout), milliseconds(connectTimeout ?? timeout), $0, $1)
        }
        ownsHandle = true
    }

    /// An empty database with no shards; combine shards with ``add(_:)``.
    public init() {
        handle = mustCreate("empty database") { cx_database_new_empty($0, $1) }
        ownsHandle = true
    }

    init(handle: OpaquePointer, ownsHandle: Bool) {
        self.handle = handle
        self.ownsHandle = ownsHandle
    }

    deinit {
        if ownsHandle { cx_database_free(handle) }
    }

    /// Adds the shards of `other`, so searches span both (Xapian's `add_database`).
    public func add(_ other: Database) throws {
        try check { cx_database_add_database(handle, other.handle, $0) }
        shards.append(other)
    }

    /// Moves to the latest committed revision; returns whether anything changed.
    @discardableResult
    public func reopen() throws -> Bool {
        var changed = false
        try check { cx_database_reopen(handle, &changed, $0) }
        return changed
    }

    /// Releases files and locks now rather than at deinit; later reads fail with `.database`
    /// (`DatabaseClosedError`), though cached statistics such as ``documentCount`` may still answer.
    public func close() {
        try? check { cx_database_close(handle, $0) }
    }

    /// The number of documents (0 if the database cannot be read).
    public var documentCount: Int {
        var count: UInt32 = 0
        return (try? check { cx_database_get_doccount(handle, &count, $0) }).map { Int(count) } ?? 0
    }

    /// The highest document id ever assigned (0 when none, or if the database cannot be read).
    public var lastDocumentID: DocumentID {
        var id: UInt32 = 0
        return (try? check { cx_database_get_lastdocid(handle, &id, $0) }).map { id } ?? 0
    }

    /// The document with `id`; `.documentNotFound` when there is none.
    public func document(_ id: DocumentID) throws -> Document {
        Document(handle: try create { cx_database_get_document(handle, id, $0, $1) })
    }

    /// Whether any document is indexed by `term` (false if the database cannot be read).
    public func termExists(_ term: String) -> Bool {
        var exists = false
        return (try? withBytes(term) { p, n in try check { cx_database_term_exists(handle, p, n, &exists, $0) } })
            .map { exists } ?? false
    }

    /// How many documents `term` indexes (0 if the database cannot be read).
    public func termFrequency(_ term: String) -> Int {
        var frequency: UInt32 = 0
        return (try? withBytes(term) { p, n in try check { cx_database_get_termfreq(handle, p, n, &frequency, $0) } })
            .map { Int(frequency) } ?? 0
    }

    /// The ids of the documents `term` indexes, ascending.
    public func postings(for term: String) throws -> [DocumentID] {
        var ids: UnsafeMutablePointer<UInt32>?
        var count = 0
        try withBytes(term) { p, n in try check { cx_database_postings(handle, p, n, &ids, &count, $0) } }
        defer { cx_free(ids) }
        guard let ids else { return [] }
        return Array(UnsafeBufferPointer(start: ids, count: count))
    }

    /// For each of `ids`, whether `term` indexes that document (in the order of `ids`). Skips
    /// along the term's posting list, so it costs about the ids, however long the list.
    public func documents(_ ids: [DocumentID], haveTerm term: String) throws -> [Bool] {
        guard !ids.isEmpty else { return [] }
        var found = [Bool](repeating: false, count: ids.count)
        try withBytes(term) { p, n in
            try ids.withUnsafeBufferPointer { idBuffer in
                try found.withUnsafeMutableBufferPointer { out in
                    try check { cx_database_which_have_term(handle, p, n, idBuffer.baseAddress, idBuffer.count, out.baseAddress, $0) }
                }
            }
        }
        return found
    }

    /// Every term starting with `prefix`, in byte order (e.g. all `XC` committee terms).
    public func allTerms(withPrefix prefix: String) throws -> [String] {
        try withBytes(prefix) { p, n in try fetchTermList { cx_database_all_terms(handle, p, n, $0, $1) } }.map(\.string)
    }

    /// Every term starting with `prefix`, in byte order, with how many documents each indexes.
    public func termFrequencies(withPrefix prefix: String) throws -> [(term: String, frequency: Int)] {
        try withBytes(prefix) { p, n in try fetchTermList { cx_database_all_terms(handle, p, n, $0, $1) } }
            .map { ($0.string, $0.frequency) }
    }

    /// The user metadata stored under `key`; "" when absent.
    public func metadata(forKey key: String) throws -> String {
        try withBytes(key) { p, n in try fetchString { cx_database_get_metadata(handle, p, n, $0, $1, $2) } }
    }

    /// The metadata keys starting with `prefix`.
    public func metadataKeys(withPrefix prefix: String) throws -> [String] {
        try withBytes(prefix) { p, n in try fetchTermList { cx_database_metadata_keys(handle, p, n, $0, $1) } }.map(\.string)
    }

    /// The best spelling correction for `word` from the spelling data; "" when none (or when
    /// `word` is itself a known spelling).
    public func spellingSuggestion(for word: String, maxEditDistance: Int = 2) throws -> String {
        try withBytes(word) { p, n in
            try fetchString { cx_database_spelling_suggestion(handle, p, n, u32(maxEditDistance), $0, $1, $2) }
        }
    }

    /// The synonyms recorded for `term`.
    public func synonyms(of term: String) throws -> [String] {
        try withBytes(term) { p, n in try fetchTermList { cx_database_synonyms(handle, p, n, $0, $1) } }.map(\.string)
    }

    /// The terms that have synonyms, starting with `prefix`.
    public func synonymKeys(withPrefix prefix: String) throws -> [String] {
        try withBytes(prefix) { p, n in try fetchTermList { cx_database_synonym_keys(handle, p, n, $0, $1) } }.map(\.string)
    }

    /// The revision this handle reads: the number of the commit it sees.
    public func revision() throws -> UInt64 {
        var revision: UInt64 = 0
        try check { cx_database_get_revision(handle, &revision, $0) }
        return revision
    }

    /// The database's UUID, stable across copies; "" for combinations without one.
    public var uuid: String {
        (try? fetchString { cx_database_get_uuid(handle, $0, $1, $2) }) ?? ""
    }
}
