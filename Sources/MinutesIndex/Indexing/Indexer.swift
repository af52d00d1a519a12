import Foundation
import MinutesIngest
import Xapian

/// The outcome of asking the indexer to index one file.
public enum IndexOutcome: Sendable, Equatable {
    /// The file's items now stand in the index (replacing any it had before).
    case indexed(sourceID: String, itemIDs: [String])
    /// The file has not changed since it was last indexed; nothing was written.
    case unchanged(sourceID: String)
    /// The file could not be ingested; the index keeps whatever it had of it before, and the reason is recorded.
    case failed(sourceID: String, reason: String)
}

/// Writes items into the index: idempotent per source file (indexing the same file twice
/// leaves the same items; a changed file replaces its items; a removed file removes them).
///
/// Each file is written inside one Xapian transaction, so a file is never half-indexed;
/// commits are explicit and batched by the caller (``commit()``), never one per item.
public final class Indexer {
    /// The database this indexer writes; one writer per index.
    public let database: WritableDatabase
    private let builder: DocumentBuilder
    private let parser = MinutesParser()
    private var sourcesByID: [String: SourceRecord]
    /// The id of the source at each path: every file's job looks its path up, and a scan of
    /// every record per file made a load quadratic in its number of files.
    private var sourceIDsByPath: [String: String]
    private let acronyms: AcronymRegistry
    /// Finds what each saved search matches among a file's new items.
    let savedSearchMatcher: SavedSearchMatcher
    /// Limits for formats read through helper programs (PDF), and whether scans get OCR.
    public var readOptions = ReadOptions.standard
    /// The index folder, when opened by path: saved searches are copied into it
    /// (``IndexRecovery/savedSearchesFileName``) so that a rebuild of a damaged index keeps them.
    private(set) var folder: String?

    /// Opens (or creates) the index at `path` for writing.
    public convenience init(path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try self.init(database: WritableDatabase(path: path, mode: .createOrOpen))
        folder = path
    }

    /// Writes into an open database; `savedSearchMatcher` finds saved searches' matches in
    /// what is written.
    public init(database: WritableDatabase, savedSearchMatcher: SavedSearchMatcher? = nil) throws {
        self.database = database
        self.savedSearchMatcher = try savedSearchMatcher ?? SavedSearchMatcher()
        builder = try DocumentBuilder(spellingDatabase: database)
        sourcesByID = try SourceRegistry.load(from: database)
        sourceIDsByPath = Dictionary(sourcesByID.values.map { ($0.path, $0.id) }, uniquingKeysWith: { first, _ in first })
        acronyms = try AcronymRegistry(database: database)
        let version = try database.metadata(forKey: Schema.versionMetadataKey)
        if version.isEmpty {
            try database.setMetadata(Schema.version, forKey: Schema.versionMetadataKey)
        } else if version != Schema.version {
            throw IndexError.incompatibleSchema(found: version, expected: Schema.version)
        }
    }

    /// Every source the index knows of, indexed or failed, by path.
    public var sources: [SourceRecord] {
        sourcesByID.values.sorted { $0.path < $1.path }
    }

    /// The record of the source with this id, if the index knows it.
    public func source(id: String) -> SourceRecord? {
        sourcesByID[id]
    }

    /// The record of the source at `path`, if the index knows it.
    public func source(atPath path: String) -> SourceRecord? {
        sourceIDsByPath[path].flatMap { sourcesByID[$0] }
    }

    /// Indexes the file at `path` unless it is unchanged since last time. Reading or parsing
    /// failures are recorded against the source and returned, not thrown; only index
    /// (Xapian) failures throw.
    @discardableResult
    public func indexFile(atPath rawPath: String) throws -> IndexOutcome {
        let path = CorpusPath.standard(rawPath)
        return try index(PreparedFile.read(path: path, options: readOptions, knownFingerprint: knownFingerprint(atPath: path),
                                           parser: parser))
    }

    /// The fingerprint of the file at `path` (standardized) when the index holds it indexed:
    /// what ``PreparedFile/read(path:options:knownFingerprint:parser:)`` skips parsing for.
    public func knownFingerprint(atPath path: String) -> String? {
        source(atPath: path).flatMap { $0.state == .indexed ? $0.fingerprint : nil }
    }

    /// Indexes a file read and parsed already, unless it is unchanged since last time; as
    /// ``indexFile(atPath:)``, which is this after ``PreparedFile/read(path:options:knownFingerprint:parser:)``.
    @discardableResult
    public func index(_ file: PreparedFile) throws -> IndexOutcome {
        let path = file.path
        let id = sourceID(forPath: path)
        switch file.content {
        case let .refused(snapshot, reason):
            return try recordFailure(id: id, path: path, snapshot: snapshot, fingerprint: "", reason: reason)
        case let .unreadable(reason):
            return try recordFailure(id: id, path: path, snapshot: nil, fingerprint: "", reason: reason)
        case let .read(snapshot, print, parsed):
            if let known = sourcesByID[id], known.state == .indexed, known.fingerprint == print {
                var touched = known
                touched.take(snapshot)
                if touched != known { try store(touched) }
                return .unchanged(sourceID: id)
            }
            switch parsed {
            case nil:
                // Prepared as unchanged, but the index has moved on since: parse it now.
                return try index(PreparedFile.read(path: path, options: readOptions, knownFingerprint: nil, parser: parser))
            case let .failure(error as IngestError)?:
                return try recordFailure(id: id, path: path, snapshot: snapshot, fingerprint: print, reason: error.reason)
            case let .failure(error)?:
                throw error
            case let .success(document)?:
                // Items prepared under another id (a new file whose name another took meanwhile) are remade.
                let items = try file.items.flatMap { $0.sourceID == id ? $0 : nil }
                    ?? PreparedItems(document: document, sourceID: id, path: path)
                return try write(items, path: path, snapshot: snapshot, fingerprint: print)
            }
        }
    }

    /// Indexes an already parsed document as the source at `path`, replacing what that
    /// source had. Used by tools and tests that build documents themselves.
    @discardableResult
    public func index(_ document: MinutesDocument, path rawPath: String) throws -> IndexOutcome {
        let path = CorpusPath.standard(rawPath)
        // No fingerprint: the next indexFile(atPath:) of a real file at this path always rewrites it.
        let items = try PreparedItems(document: document, sourceID: sourceID(forPath: path), path: path)
        return try write(items, path: path, snapshot: nil, fingerprint: "")
    }

    private func write(_ items: PreparedItems, path: String, snapshot: FileSnapshot?,
                       fingerprint print: String) throws -> IndexOutcome {
        let (id, records) = (items.sourceID, items.records)
        if records.isEmpty {
            return try recordFailure(id: id, path: path, snapshot: snapshot, fingerprint: print,
                                     reason: "no meetings, sections or items were found in the text")
        }
        // Item ids are the source id and the item's position in it, so they are distinct and,
        // once the source's items are deleted, no other document holds one: each item is added,
        // not replaced by its id term. Replacing opens the term's posting list first, which
        // makes Xapian (glass) flush the buffered changes it holds for that term and every
        // buffered position list (interleaved runs on 10k items: 8.27 / 8.40 s → 7.81 / 7.92 s).
        try database.withTransaction(flushed: false) {
            try database.deleteDocuments(withTerm: Schema.source.term(id))
            for (index, record) in records.enumerated() {
                _ = try database.addDocument(builder.document(for: record, data: items.data[index],
                                                              spelledOutTerms: items.spelledOutTerms[index]))
            }
            try acronyms.update(source: id, definitions: items.acronyms, in: database)
            try recordSavedSearchMatches(sourceID: id)
            var record = SourceRecord(id: id, path: path, size: 0, modified: 0, fingerprint: print,
                                      state: .indexed, reason: nil, itemCount: records.count, indexedAt: Date().timeIntervalSince1970,
                                      undatedCount: records.filter { $0.meetingDate == nil }.count, foundItemCount: items.foundItemCount)
            record.take(snapshot)
            try store(record)
        }
        return .indexed(sourceID: id, itemIDs: records.map(\.id))
    }

    /// Removes every item of the source with this id, and its record. Returns false when unknown.
    @discardableResult
    public func removeSource(id: String) throws -> Bool {
        guard sourcesByID[id] != nil else { return false }
        try database.withTransaction(flushed: false) {
            try database.deleteDocuments(withTerm: Schema.source.term(id))
            try database.setMetadata("", forKey: Schema.sourceMetadataPrefix + id)
            try acronyms.update(source: id, definitions: [], in: database)
        }
        if let path = sourcesByID[id]?.path, sourceIDsByPath[path] == id { sourceIDsByPath[path] = nil }
        sourcesByID[id] = nil
        return true
    }

    /// Removes the source that was indexed from `path`, if any.
    @discardableResult
    public func removeSource(atPath rawPath: String) throws -> Bool {
        let path = CorpusPath.standard(rawPath)
        guard let known = source(atPath: path) else { return false }
        return try removeSource(id: known.id)
    }

    /// Makes everything written so far durable and visible to readers.
    public func commit() throws {
        try database.commit()
    }

    /// The id of the source at `path`: the slug of its file name, or, when another path holds
    /// that slug already, the slug with a short hash of the path so neither replaces the other.
    public func sourceID(forPath path: String) -> String {
        if let known = source(atPath: path) { return known.id }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let base = slug(stem).isEmpty ? "document" : slug(stem)
        if let holder = sourcesByID[base], holder.path != path {
            return base + "-" + fingerprint(Data(path.utf8)).prefix(6)
        }
        return base
    }

    private func recordFailure(id: String, path: String, snapshot: FileSnapshot?, fingerprint print: String,
                               reason: String) throws -> IndexOutcome {
        // A failed file keeps whatever items an earlier good version left: nothing is lost
        // because a later copy is broken. The record says why, for status pages.
        let previous = sourcesByID[id]
        var record = SourceRecord(id: id, path: path, size: 0, modified: 0,
                                  fingerprint: print, state: .failed, reason: reason,
                                  itemCount: previous?.itemCount ?? 0, indexedAt: Date().timeIntervalSince1970)
        record.take(snapshot)
        if let previous, previous.state == .failed, previous.reason == reason, previous.fingerprint == print,
           previous.size == record.size, previous.modifiedNanoseconds == record.modifiedNanoseconds,
           previous.inode == record.inode {
            // The same failure again (a rescan retrying an unreadable file): nothing to write,
            // and the record keeps the time the failure was first seen.
            return .failed(sourceID: id, reason: reason)
        }
        try store(record)
        return .failed(sourceID: id, reason: reason)
    }

    private func store(_ record: SourceRecord) throws {
        try SourceRegistry.store(record, in: database)
        sourcesByID[record.id] = record
        sourceIDsByPath[record.path] = record.id
    }
}

/// Reads and writes ``SourceRecord``s in the index's metadata.
enum SourceRegistry {
    static func load(from database: Database) throws -> [String: SourceRecord] {
        let decoder = JSONDecoder()
        var records: [String: SourceRecord] = [:]
        for key in try database.metadataKeys(withPrefix: Schema.sourceMetadataPrefix) {
            let value = try database.metadata(forKey: key)
            guard !value.isEmpty, let record = try? decoder.decode(SourceRecord.self, from: Data(value.utf8)) else { continue }
            records[record.id] = record
        }
        return records
    }

    static func store(_ record: SourceRecord, in database: WritableDatabase) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try database.setMetadata(String(decoding: try encoder.encode(record), as: UTF8.self),
                                 forKey: Schema.sourceMetadataPrefix + record.id)
    }
}
