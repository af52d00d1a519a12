import Foundation
public import MinutesIndex
import MinutesIngest

/// The daemon's requests and answers as plain values: no sockets, no HTTP framing
/// (mu's `Server::invoke`). The router maps HTTP onto these; tests can call them directly.
public final class QuorumAPI: Sendable {
    private let readers: ReaderPool
    /// The single writer; nil when the daemon federates shards, which their own daemons write.
    private let writer: WriteQueue?
    /// The index folder (for its size on disk).
    public let indexPath: String
    /// Watched folders; posted documents are written into the first.
    public let watchFolders: [String]
    private let startedAt = Date()

    /// The largest document `POST /documents` accepts.
    public static let maximumDocumentBytes = 64 << 20

    /// Answers of recent searches, until the next commit; nil to search every time.
    private let searchCache: SearchCache?
    /// The reconciliations' backlog and the rebuild after a recovery, if the daemon watches folders.
    private let progress: BacklogProgress?

    /// The replica this daemon serves, when it is one (``ReplicaCopy``): it only reads.
    private let replica: ReplicaCopy?

    /// Handlers over these readers and writer (nil: a daemon that only reads shards).
    public convenience init(readers: ReaderPool, writer: WriteQueue?, indexPath: String, watchFolders: [String],
                            searchCache: SearchCache? = nil, progress: BacklogProgress? = nil) {
        self.init(readers: readers, writer: writer, indexPath: indexPath, watchFolders: watchFolders,
                  searchCache: searchCache, progress: progress, replica: nil)
    }

    init(readers: ReaderPool, writer: WriteQueue?, indexPath: String, watchFolders: [String],
         searchCache: SearchCache? = nil, progress: BacklogProgress? = nil, replica: ReplicaCopy?) {
        self.replica = replica
        self.progress = progress
        self.readers = readers
        self.searchCache = searchCache
        self.writer = writer
        self.indexPath = indexPath
        self.watchFolders = watchFolders
    }

    /// A search, as `GET /search` and the search page answer it.
    public func search(_ request: SearchRequest) async throws -> SearchResponse {
        var response = try await read { try $0.search(request) }
        response.partial = progress?.answersArePartial == true
        return response
    }

    /// `GET /search` as the JSON body the router sends: the cached one when the same search
    /// was answered since the last commit.
    public func searchBody(_ parameters: [(name: String, value: String)]) async throws -> Data {
        let request = try SearchParameters.request(from: parameters)
        return try await searchBody(request)
    }

    /// The JSON body of `request`'s answer, from the cache when it was answered since the last commit.
    public func searchBody(_ request: SearchRequest) async throws -> Data {
        if let searchCache, let body = searchCache.body(for: request, generation: readers.generation) {
            return body
        }
        let partial = progress?.answersArePartial == true
        var answer = try await readAtGeneration { try $0.search(request) }
        answer.value.partial = partial
        let body = try JSONResponse.encode(answer.value)
        // A partial answer is not kept: the rebuild's end changes it without a commit after.
        if !partial { searchCache?.store(body, for: request, generation: answer.generation) }
        return body
    }

    /// `GET /items/{id}`.
    public func item(id: String) async throws -> ItemRecord {
        try await read { try $0.item(id: id) }
    }

    /// An item's paragraphs and resolutions with the words of `query` marked (the item page).
    public func markedText(ofItem id: String, query: String, paragraphs: [String], resolutions: [String])
        async throws -> (paragraphs: [String], resolutions: [String])? {
        try await read { try $0.markedText(ofItem: id, query: query, paragraphs: paragraphs, resolutions: resolutions) }
    }

    /// How many items the index holds.
    public func itemCount() async throws -> Int {
        try await read { $0.itemCount }
    }

    /// Whether the daemon takes writes (adding documents, saved searches).
    public var isWritable: Bool { writer != nil }

    /// `GET /items/{id}/similar`.
    public func similar(id: String, limit: Int = 10) async throws -> SearchResponse {
        guard (1...SearchRequest.maximumLimit).contains(limit) else {
            throw APIError.badRequest(code: .badParameter, "parameter 'limit' must be between 1 and \(SearchRequest.maximumLimit)")
        }
        return try await read { try $0.similar(to: id, limit: limit) }
    }

    /// `POST /documents?name=FILE`: writes the document atomically into the first watched
    /// folder (a hidden temporary file, then a rename) and indexes it.
    public func addDocument(name: String, body: [UInt8]) async throws -> DocumentResult {
        _ = try writable()
        try DocumentName.validate(name)
        guard let folder = watchFolders.first else {
            throw APIError(status: .conflict, code: .noWatchFolder, message: "the daemon watches no folder to add documents to; start it with --watch DIR")
        }
        let destination = (folder as NSString).appendingPathComponent(name)
        // Hidden, and short whatever the name's length (a name of 255 bytes plus a UUID would
        // not fit in a file name).
        let temporary = (folder as NSString).appendingPathComponent(".quorum-\(UUID().uuidString).part")
        // The watcher sees the rename too and may index the file before this request's job
        // runs; then this job finds it unchanged. Only a byte-identical earlier copy is "unchanged".
        let sameAsBefore = FileManager.default.contents(atPath: destination) == Data(body)
        do {
            try Data(body).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, destination) == 0 else {
                throw APIError.internalError(code: .writeFailed, "cannot move the document into place: \(String(cString: strerror(errno)))")
            }
        } catch let error as APIError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw APIError.internalError(code: .writeFailed, "cannot write the document: \(error.localizedDescription)")
        }
        let result = try await write(.indexFile(destination))
        switch result {
        case let .file(.indexed(sourceID, itemIDs)):
            return DocumentResult(sourceID: sourceID, path: destination, state: .indexed, items: itemIDs)
        case let .file(.unchanged(sourceID)):
            let items = try await read { searcher in
                try searcher.search(SearchRequest(query: "source:\(sourceID)", sort: .date, limit: SearchRequest.maximumLimit))
            }
            return DocumentResult(sourceID: sourceID, path: destination, state: sameAsBefore ? .unchanged : .indexed,
                                  items: items.hits.map(\.id))
        case let .file(.failed(sourceID, reason)):
            throw APIError(status: .unprocessableContent, code: .ingestFailed,
                           message: "\(name) was saved as \(destination) but could not be indexed: \(reason) (source \(sourceID))")
        default:
            throw APIError.internalError("unexpected result for an indexing job")
        }
    }

    /// `DELETE /documents/{source-id}`: removes the items, and the file if it is in a watched folder.
    public func removeDocument(sourceID: String) async throws -> DocumentResult {
        guard let source = try writable().sources.first(where: { $0.id == sourceID }) else {
            throw APIError.notFound(code: .sourceNotFound, "no document with source id '\(sourceID)'")
        }
        let result = try await write(.removeSource(sourceID))
        if watchFolders.contains(where: { source.path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) {
            // Removing the file too, or the watcher's next scan would index it again.
            unlink(source.path)
        }
        guard case let .removed(ids) = result, ids == [sourceID] else {
            throw APIError.notFound(code: .sourceNotFound, "no document with source id '\(sourceID)'")
        }
        return DocumentResult(sourceID: sourceID, path: source.path, state: .removed, items: [])
    }

    /// `GET /acronyms`: the acronym definitions mined from the indexed text.
    public func acronyms() async throws -> AcronymList {
        AcronymList(acronyms: try await read { try $0.acronyms() })
    }

    /// `GET /saved`: the saved searches.
    public func savedSearches() async throws -> SavedSearchList {
        _ = try writable()
        return SavedSearchList(saved: try await read { try $0.read { try SavedSearchStore(database: $0).list() } })
    }

    /// `POST /saved?name=NAME&q=…` (and the `/search` filters): saves a search; items indexed from
    /// now on that match it are recorded for its feed.
    public func saveSearch(name: String, parameters: [(name: String, value: String)]) async throws -> SavedSearch {
        let request = try SearchParameters.request(from: parameters.filter { $0.name != "name" })
        do {
            try SavedSearch(name: name, request: request).validate()
        } catch {
            throw APIError.badRequest(code: .badName, "\(error)")
        }
        // A query Xapian cannot parse would be saved and then match nothing: refuse it now.
        _ = try await read { try $0.search(SearchRequest(query: request.query, limit: 0)) }
        guard case let .savedSearch(saved) = try await write(.saveSearch(name: name, request: request)) else {
            throw APIError.internalError("unexpected result for a saved search")
        }
        return saved
    }

    /// `POST /backup?name=NAME`: a consistent copy of the index at its latest commit, into
    /// ``backupFolder``/NAME (default: the time, `2026-12-02T103000Z`), while writing goes on;
    /// the writer holds its commits until the copy is done (``WriteQueue/holdingCommits(_:)``).
    public func backup(name: String?) async throws -> IndexBackup.Manifest {
        let writer = try writable()
        let name = name ?? ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withFullDate, .withTime, .withTimeZone])
            .replacingOccurrences(of: ":", with: "")
        guard name.range(of: #"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"#, options: .regularExpression) != nil else {
            throw APIError.badRequest(code: .badName, "a backup name is 1 to 64 of A–Z a–z 0–9 - _ . and does not start with '.'")
        }
        let (folder, index) = (backupFolder, indexPath)
        let destination = folder + "/" + name
        if FileManager.default.fileExists(atPath: destination) {
            throw APIError(status: .conflict, code: .badName, message: "a backup named '\(name)' exists already in \(folder)")
        }
        // The copy reads the whole index: off the cooperative pool, which serves the searches.
        return try await writer.holdingCommits {
            try await withCheckedThrowingContinuation { done in
                DispatchQueue.global(qos: .utility).async {
                    done.resume(with: Result {
                        do {
                            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                            return try IndexBackup.backup(index: index, to: destination)
                        } catch {
                            throw APIError(status: .internalServerError, code: .writeFailed, message: "the backup failed: \(error)")
                        }
                    })
                }
            }
        }
    }

    /// Where `POST /backup` writes: the folder `INDEX.backups` beside the index.
    public var backupFolder: String { indexPath + ".backups" }

    /// `DELETE /saved/{name}`.
    public func removeSavedSearch(name: String) async throws -> SavedSearchList {
        guard case .savedSearchRemoved(true) = try await write(.removeSavedSearch(name)) else {
            throw APIError.notFound(code: .savedSearchNotFound, "no saved search named '\(name)'")
        }
        return try await savedSearches()
    }

    /// `GET /saved/{name}`: the saved search and its newest matches.
    public func savedSearchMatches(name: String) async throws -> SavedSearchMatches {
        _ = try writable()
        let found: SavedSearchMatches? = try await read { searcher in
            try searcher.read { database in
                let store = SavedSearchStore(database: database)
                guard let saved = try store.savedSearch(named: name) else { return nil }
                return SavedSearchMatches(search: saved, matches: try store.matches(of: name) ?? [])
            }
        }
        guard let found else {
            throw APIError.notFound(code: .savedSearchNotFound, "no saved search named '\(name)'")
        }
        return found
    }

    /// `GET /status`.
    public func status() async -> StatusReport {
        guard let writer else { return await federatedStatus() }
        let sources = writer.sources
        var report = StatusReport(
            items: writer.itemCount,
            sourceCount: sources.count,
            indexedCount: sources.filter { $0.state == .indexed }.count,
            failedCount: sources.filter { $0.state == .failed }.count,
            sources: sources.map(StatusReport.Source.init),
            lastCommit: writer.lastCommit.map { ISO8601DateFormatter().string(from: $0) },
            lastError: writer.lastError,
            indexBytes: Self.folderSize(indexPath),
            queueDepth: writer.depth,
            uptimeSeconds: Int(Date().timeIntervalSince(startedAt)),
            index: indexPath,
            watching: watchFolders)
        report.failed = FailedFiles.list(sources, watchFolders: watchFolders)
        report.undatedItems = sources.reduce(0) { $0 + ($1.state == .indexed ? $1.undatedCount : 0) }
        report.needsALook = sources.filter(\.needsALook).map(\.path).sorted()
        report.backlog = progress?.report(items: writer.itemCount)
        report.rebuilding = progress?.rebuilding
        report.writerError = writer.writerError.map {
            StatusReport.WriterFailure(message: $0.message, since: ISO8601DateFormatter().string(from: $0.since))
        }
        return report
    }

    /// `GET /status` of a daemon that federates shards: the items and shards that answer now.
    private func federatedStatus() async -> StatusReport {
        let (items, shards) = (try? await readers.withSearcher { searcher in
            let shards = searcher.shardSummary()  // first: it reconnects and reopens shards when due
            return (searcher.itemCount, shards)
        }) ?? (0, nil)
        var report = StatusReport(
            items: items, sourceCount: 0, indexedCount: 0, failedCount: 0, sources: [], lastCommit: nil, lastError: nil,
            indexBytes: replica == nil ? 0 : Self.folderSize(indexPath), queueDepth: 0,
            uptimeSeconds: Int(Date().timeIntervalSince(startedAt)), index: indexPath,
            watching: [], shards: shards, degraded: shards?.isDegraded)
        report.replica = replica?.report
        return report
    }

    // MARK: -

    /// The writer, or the error a federating daemon (which only reads) answers writes with.
    private func writable() throws(APIError) -> WriteQueue {
        if let replica {
            var error = APIError(status: .methodNotAllowed, code: .readOnly,
                                 message: "this daemon is a read-only replica of \(replica.primary): add and remove documents and saved searches on the primary, whose commits reach this copy")
            error.allowedMethods = [.get, .head]
            throw error
        }
        guard let writer else {
            throw APIError(status: .conflict, code: .readOnly,
                           message: "this daemon searches shards that other daemons write: add, remove and saved searches belong to each shard's own daemon")
        }
        return writer
    }

    private func read<T: Sendable>(_ body: @escaping @Sendable (Searcher) throws -> T) async throws -> T {
        try await readAtGeneration(body).value
    }

    /// Like ``read(_:)``, and says which reader generation answered (what the cache keys by).
    private func readAtGeneration<T: Sendable>(_ body: @escaping @Sendable (Searcher) throws -> T)
        async throws -> (value: T, generation: Int) {
        do {
            return try await readers.withSearcherAndGeneration(body)
        } catch let error as IndexError {
            throw APIError(indexError: error)
        }
    }

    private func write(_ job: WriteJob) async throws -> WriteResult {
        do {
            return try await writable().submit(job)
        } catch let error as WriteQueueError {
            throw APIError.unavailable(code: .closing, error.description)
        }
    }

    private static func folderSize(_ path: String) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return 0 }
        return names.reduce(0) { total, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).appendingPathComponent(name))
            return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }
}

/// The answer of `GET /saved`.
public struct SavedSearchList: Codable, Sendable {
    /// Every saved search, by name.
    public var saved: [SavedSearch]
}

/// The answer of `GET /saved/{name}`: the search and what matched it, newest first.
public struct SavedSearchMatches: Codable, Sendable {
    /// The saved search.
    public var search: SavedSearch
    /// Its newest matches first.
    public var matches: [SavedSearchMatch]
}

/// The answer of `GET /acronyms`.
public struct AcronymList: Codable, Sendable {
    /// The acronyms, sorted.
    public var acronyms: [Acronym]
}

/// The answer to adding or removing a document.
public struct DocumentResult: Codable, Sendable, Equatable {
    /// The document's source id.
    public var sourceID: String
    /// Where the document is on disk.
    public var path: String
    /// What became of the document.
    public var state: State
    /// The ids of the document's items.
    public var items: [String]

    /// What became of a document that was added or removed.
    public enum State: String, Codable, Sendable {
        /// Its items were (re)indexed.
        case indexed
        /// The same bytes were indexed already.
        case unchanged
        /// Its items are gone.
        case removed
    }

    enum CodingKeys: String, CodingKey {
        case path, state, items
        case sourceID = "source_id"
    }
}

/// Checks names for `POST /documents` so that a document lands in the watched folder and nowhere else.
enum DocumentName {
    static func validate(_ name: String) throws(APIError) {
        guard !name.isEmpty else { throw .badRequest(code: .badName, "parameter 'name' is required: the document's file name") }
        guard name.utf8.count <= 255, !name.contains("/"), !name.contains("\0"), !name.hasPrefix(".") else {
            throw .badRequest(code: .badName, "the name must be a plain file name (no '/', no leading '.', at most 255 bytes), got '\(name)'")
        }
        let ext = (name as NSString).pathExtension.lowercased()
        guard DocumentReader.supportedExtensions.contains(ext) else {
            throw .badRequest(code: .badName, "unsupported file type '.\(ext)'; supported: \(DocumentReader.supportedExtensions.sorted().joined(separator: ", "))")
        }
    }
}
