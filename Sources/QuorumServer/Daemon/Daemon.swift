import Foundation
public import Logging
import Hummingbird
import HummingbirdCore
import NIOCore
public import MinutesIndex
public import MinutesIngest
import ServiceLifecycle
import Synchronization

/// How a daemon is set up: its index, the folders it watches and its socket.
public struct DaemonConfiguration: Sendable {
    /// The index folder.
    public var indexPath: String
    /// The folders whose documents are indexed as they arrive.
    public var watchFolders: [String]
    /// Where the Unix socket is made.
    public var socketPath: String
    /// The socket's permissions.
    public var socketMode: mode_t
    /// The group given the socket (name or number); nil keeps the daemon's own group.
    public var socketGroup: String?
    /// How often the watched folders are reconciled again while running (retries failed reads
    /// and failed writes); nil for only at start.
    public var rescanInterval: Duration? = .seconds(30)
    /// Limits for helper programs (pdftotext) and whether scans are read with OCR.
    public var readOptions: ReadOptions
    /// Shards to search as one index instead of the index folder. When set, the daemon only
    /// reads: no index of its own, no watched folders, no writer.
    public var shards: [ShardAddress] = []
    /// Timeouts and retry intervals for shards.
    public var shardOptions = ShardSet.Options()
    /// How long a connection may sit with no request before the daemon closes it, so idle and
    /// silent clients cannot hold its descriptors; nil for never.
    public var idleTimeout: Duration? = .seconds(60)
    /// Bytes of search answers kept until the next commit (``SearchCache``); 0 for none.
    public var searchCacheBytes = 32 << 20
    /// A TCP address to serve on too (pages for a browser, and the API), besides the socket.
    public var http: HTTPListener?
    /// What to do when the index cannot be opened because it is damaged or of another schema.
    public var onDamage = IndexRecovery.Policy.rebuild
    /// Keep the index folder as a read-only replica of this primary (Xapian's replication) and
    /// serve searches from it: no watched folders, no writer.
    public var replicaOf: ReplicaAddress?
    /// Serve the index to replicas with `xapian-replicate-server` on this address (the index's
    /// folder name is its name there), writing a changeset with each commit.
    public var serveReplicas: HTTPListener?
    /// A first scan of at least this many files into an empty index is one bulk load on every
    /// core (``CorpusSync/BulkLoad``); 0 for never.
    public var bulkLoadThreshold = 1000

    /// A configuration with these values and the defaults for the rest.
    public init(indexPath: String, watchFolders: [String], socketPath: String, socketMode: mode_t = UnixSocketBinding.defaultMode,
                readOptions: ReadOptions = .standard) {
        self.indexPath = indexPath
        self.watchFolders = watchFolders
        self.socketPath = socketPath
        self.socketMode = socketMode
        self.readOptions = readOptions
    }
}

/// The daemon: one writer, a pool of readers, the folder watcher and the HTTP API on a Unix
/// socket, run as one service group that stops gracefully on SIGTERM or SIGINT.
public enum Daemon {
    /// Runs until a signal stops it. Returns after the last batch is committed and the socket removed.
    /// The process must ignore SIGPIPE (quorumd does): Xapian's remote backend writes to shard
    /// sockets without MSG_NOSIGNAL, as helper programs' pipes may be written.
    ///
    /// - Throws: at start, with a message that names the problem (index locked by another
    ///   daemon, socket in use, folder missing); never once serving.
    public static func run(_ configuration: DaemonConfiguration, logger: Logger) async throws {
        if !configuration.shards.isEmpty {
            return try await runFederation(configuration, logger: logger)
        }
        if let primary = configuration.replicaOf {
            return try await runReplica(of: primary, configuration, logger: logger)
        }
        let indexPath = CorpusPath.standard(configuration.indexPath)
        let lock = try IndexLock(indexDirectory: indexPath)
        defer { lock.release() }
        for folder in configuration.watchFolders {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let folders = configuration.watchFolders.map(CorpusPath.standard)
        // An unfinished bulk load, or the empty index one replaced: nothing to keep.
        try? FileManager.default.removeItem(atPath: bulkLoadFolder(of: indexPath))
        try? FileManager.default.removeItem(atPath: bulkLoadFolder(of: indexPath) + ".parts")
        let start = try prepareIndex(at: indexPath, configuration, folders: folders, logger: logger)
        defer { start.upgradeLock?.release() }
        let (writerPath, upgrade) = (start.writerPath, start.upgrade)

        let readers = ReaderPool(path: indexPath)
        var replicationServer: [any Service] = []
        if let address = configuration.serveReplicas {
            // Glass writes a changeset per commit only while this is set when the database is
            // opened and after each commit (it reads it then); ten is what Xapian's
            // replication guide suggests, enough for a replica a few commits behind.
            if getenv("XAPIAN_MAX_CHANGESETS") == nil { setenv("XAPIAN_MAX_CHANGESETS", "10", 1) }
            let parent = (indexPath as NSString).deletingLastPathComponent
            replicationServer = [SupervisedProcess(name: "xapian-replicate-server", executable: "/usr/bin/xapian-replicate-server",
                                                   arguments: ["-I", address.host, "-p", String(address.port), parent.isEmpty ? "." : parent],
                                                   logger: logger)]
            logger.info("serving the index to replicas on \(address) as '\((indexPath as NSString).lastPathComponent)'")
        }
        let openIndexer: @Sendable (String) throws -> Indexer = { path in
            let indexer = try Indexer(path: path)
            indexer.readOptions = configuration.readOptions
            return indexer
        }
        let indexer = try openIndexer(writerPath)
        let rebuilding = IndexRecovery.rebuilding(of: indexer.database)
        if let rebuilding {
            logger.notice("rebuilding the index from the watched folders (since \(rebuilding.since): \(rebuilding.reason))")
        }
        let progress = BacklogProgress(rebuilding: rebuilding)
        // Only into an index that holds nothing the folders cannot give back.
        let fresh = indexer.database.documentCount == 0 && indexer.sources.isEmpty && rebuilding == nil
            && (try? indexer.savedSearches.list().isEmpty) == true
        let writer = WriteQueue(indexer: indexer, logger: logger,
                                onCommit: { readers.indexDidCommit() },
                                reopen: { [writerPath] in try openIndexer(writerPath) })
        let watcher = try FolderWatcher(folders: folders, logger: logger)
        let sync = CorpusSync(watcher: watcher, writer: writer, rescanInterval: configuration.rescanInterval,
                              progress: progress, afterRebuild: { [upgrade] in
                                  guard let upgrade else { return }
                                  try await Self.swapIn(upgrade, writer: writer, readers: readers, logger: logger) { try openIndexer(indexPath) }
                              },
                              bulkLoad: fresh && configuration.bulkLoadThreshold > 0 && System.coreCount > 1
                                  ? Self.bulkLoad(into: indexPath, configuration, writer: writer, readers: readers) { try openIndexer(indexPath) }
                                  : nil,
                              logger: logger)
        let binding = try socketBinding(configuration)
        try binding.prepare(logger: logger)

        let api = QuorumAPI(readers: readers, writer: writer, indexPath: indexPath, watchFolders: folders,
                            searchCache: configuration.searchCacheBytes > 0 ? SearchCache(capacity: configuration.searchCacheBytes) : nil,
                            progress: progress)
        let notifier = SystemdNotifier()
        let app = application(api: api, configuration, binding: binding, logger: logger) {
            logger.info("started: serving \(writer.itemCount) items from \(indexPath) on \(configuration.socketPath), watching \(folders.joined(separator: ", "))")
            notify(logger) { try notifier.ready(status: "serving \(writer.itemCount) items") }
            readers.prepareFacetColumns(for: Facet.defaults)  // what `quorum search` counts
        }
        let stopping = StoppingNotice(logger: logger) {
            // Finish the job in hand and drop the queue: a stop takes one job, not the backlog.
            writer.stopTakingJobs()
            notify(logger) { try notifier.stopping() }
        }
        // Graceful shutdown runs in reverse order: the notice, then the listener stops taking
        // requests and lets those in flight finish, then the watcher stops feeding the writer,
        // and last the writer commits what is done.
        let services = ServiceGroup(services: [writer, watcher, sync, app] as [any Service] + replicationServer
                                        + web(api: api, configuration, logger: logger) + [stopping],
                                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        defer { binding.removeSocketFile(logger: logger) }
        try await services.run()
        if writer.closingCommitSucceeded == true {
            logger.info("stopped: index committed with \(writer.itemCount) items")
        } else {
            // The index keeps its last good commit; the files behind the lost changes still
            // differ from their records, so the next start's reconciliation indexes them again.
            logger.error("stopped: the last changes could not be committed; the index holds \(writer.itemCount) items and the next start indexes the rest again")
        }
    }

    /// What the writer starts on, once the index has been checked (``IndexRecovery``).
    private struct IndexStart {
        /// Where the writer writes: the index folder, or during an upgrade the folder beside it.
        var writerPath: String
        var upgrade: SchemaUpgrade?
        /// The upgrade folder's lock, held like the index's: after the swap it is the index's.
        var upgradeLock: IndexLock?
    }

    /// Checks the index before the writer opens it: sets a damaged one aside, or starts (or
    /// resumes, or finishes) the upgrade of one of another schema; says each in the log.
    private static func prepareIndex(at indexPath: String, _ configuration: DaemonConfiguration, folders: [String],
                                     logger: Logger) throws -> IndexStart {
        var start = IndexStart(writerPath: indexPath)
        switch try IndexRecovery.prepare(indexPath: indexPath, policy: configuration.onDamage, keep: [IndexLock.fileName]) {
        case .ready(setAsideLeftover: nil):
            break
        case let .ready(setAsideLeftover: leftover?):
            logger.notice("an upgrade was stopped after its swap; its old index is kept in \(leftover)")
        case let .setAside(setAside):
            logger.error("\(setAside.reason); kept it in \(setAside.keptAt) and rebuilding from \(folders.joined(separator: ", ")) (\(setAside.savedSearches) saved searches carried over)")
        case let .upgrade(plan):
            start.upgradeLock = try IndexLock(indexDirectory: plan.path)
            switch try plan.start() {
            case .complete:
                let aside = try plan.swapIn()
                logger.notice("an upgrade was stopped before its swap; swapped the rebuilt index in now, the old one kept in \(aside)")
            case let .building(record):
                start.writerPath = plan.path
                start.upgrade = plan
                logger.warning("\(record.reason); it serves searches while a new index is built from \(folders.joined(separator: ", ")) in \(plan.path)")
            }
        }
        return start
    }

    /// A first scan in bulk: ``ParallelLoad`` on every core into `INDEX.bulk-load` (locked like
    /// the index, so that after the exchange the index folder's lock is held), then the two
    /// folders exchanged in one step and the empty index removed. A folder of that name left by
    /// a kill is removed at the next start: it is an unfinished load or the old empty index.
    private static func bulkLoad(into indexPath: String, _ configuration: DaemonConfiguration, writer: WriteQueue, readers: ReaderPool,
                                 reopen: @escaping @Sendable () throws -> Indexer) -> CorpusSync.BulkLoad {
        CorpusSync.BulkLoad(threshold: configuration.bulkLoadThreshold) { files, fileDone in
            let staging = bulkLoadFolder(of: indexPath)
            let lock = try IndexLock(indexDirectory: staging)
            defer { lock.release() }
            // A stop cancels the load: each writer stops before its next file.
            let stop = StopSignal()
            do {
                try await withTaskCancellationHandler {
                    try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
                        // The writers are threads of their own; this one only waits for them.
                        DispatchQueue.global().async {
                            done.resume(with: Result {
                                try ParallelLoad.load(files, into: staging, parts: System.coreCount, readOptions: configuration.readOptions,
                                                      itemsPerCommit: 10_000, keeping: [IndexLock.fileName],
                                                      shouldStop: { stop.isSet }) { _, outcome, _ in
                                    if case let .success(.indexed(_, ids)) = outcome { fileDone(ids.count) } else { fileDone(0) }
                                }
                            })
                        }
                    }
                } onCancel: {
                    stop.set()
                }
                try await writer.switchIndex(swap: { try DirectoryExchange.exchange(indexPath, staging) }, reopen: reopen)
            } catch {
                try? FileManager.default.removeItem(atPath: staging)
                throw error
            }
            readers.indexWasReplaced()
            try? FileManager.default.removeItem(atPath: staging)  // the empty index it replaced
        }
    }

    /// A flag set once, from any thread.
    private final class StopSignal: Sendable {
        private let flag = Atomic<Bool>(false)
        var isSet: Bool { flag.load(ordering: .relaxed) }
        func set() { flag.store(true, ordering: .relaxed) }
    }

    /// Where a bulk load builds its index, beside the index folder.
    static func bulkLoadFolder(of indexPath: String) -> String { indexPath + ".bulk-load" }

    /// The end of an upgrade: the writer closes the new index, the folders are exchanged, and
    /// both the writer and the readers open the new index in the index folder.
    private static func swapIn(_ upgrade: SchemaUpgrade, writer: WriteQueue, readers: ReaderPool, logger: Logger,
                               reopen: @escaping @Sendable () throws -> Indexer) async throws {
        let aside = try await writer.switchIndex(swap: { try upgrade.swapIn() }, reopen: reopen)
        readers.indexWasReplaced()
        logger.notice("upgraded: the rebuilt index serves from \(upgrade.indexPath) (\(writer.itemCount) items); the old one is kept in \(aside)")
    }

    /// The HTTP/1.1 server of `api` on the socket, with the configured idle timeout; `started`
    /// runs once it listens.
    private static func application(api: QuorumAPI, _ configuration: DaemonConfiguration, binding: UnixSocketBinding,
                                    logger: Logger, started: @escaping @Sendable () async -> Void) -> some Service {
        Application(
            router: QuorumRouter.make(api: api),
            server: .http1(configuration: .init(idleTimeout: configuration.idleTimeout.map(TimeAmount.init))),
            configuration: .init(address: binding.bindAddress, serverName: "quorumd"),
            onServerRunning: binding.onServerRunning(logger: logger, then: started),
            logger: logger)
    }

    /// The TCP listener of `--http`, when there is one: the same router as the socket's.
    private static func web(api: QuorumAPI, _ configuration: DaemonConfiguration, logger: Logger) -> [any Service] {
        guard let http = configuration.http else { return [] }
        return [Application(
            router: QuorumRouter.make(api: api),
            server: .http1(configuration: .init(idleTimeout: configuration.idleTimeout.map(TimeAmount.init))),
            configuration: .init(address: .hostname(http.host, port: http.port), serverName: "quorumd"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port.map { "http://\(http.host.contains(":") ? "[\(http.host)]" : http.host):\($0)/" } ?? http.description
                logger.info("pages for a browser: open \(bound)")
            },
            logger: logger)]
    }

    /// Serves searches over shards that other daemons write: readers and the API only.
    private static func runFederation(_ configuration: DaemonConfiguration, logger: Logger) async throws {
        let readers = ReaderPool(source: .shards(configuration.shards, configuration.shardOptions))
        let binding = try socketBinding(configuration)
        try binding.prepare(logger: logger)
        let names = configuration.shards.map(\.description).joined(separator: ", ")
        let api = QuorumAPI(readers: readers, writer: nil, indexPath: "shards: \(names)", watchFolders: [])
        let notifier = SystemdNotifier()
        let app = application(api: api, configuration, binding: binding, logger: logger) {
            let summary = try? await readers.withSearcher { $0.shardSummary() }
            let missing = summary?.missing.map { "\($0.name) (\($0.reason))" } ?? []
            logger.info("started: searching \(configuration.shards.count) shards (\(names)) on \(configuration.socketPath)")
            if !missing.isEmpty { logger.warning("shards not answering, retried every \(configuration.shardOptions.reconnectInterval): \(missing.joined(separator: ", "))") }
            notify(logger) { try notifier.ready(status: "searching \(configuration.shards.count) shards") }
        }
        let stopping = StoppingNotice(logger: logger) {
            notify(logger) { try notifier.stopping() }
        }
        let services = ServiceGroup(services: [app] as [any Service] + web(api: api, configuration, logger: logger) + [stopping],
                                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        defer { binding.removeSocketFile(logger: logger) }
        try await services.run()
        logger.info("stopped")
    }

    /// Keeps a read-only replica of `primary`'s index in the index folder and serves searches
    /// from it: readers, the API and the replication client (``ReplicaCopy``).
    private static func runReplica(of primary: ReplicaAddress, _ configuration: DaemonConfiguration, logger: Logger) async throws {
        let indexPath = CorpusPath.standard(configuration.indexPath)
        try ReplicaCopy.validate(path: indexPath)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xapian-replicate") else {
            throw ReplicaFolderError(path: indexPath, reason: "xapian-replicate is not installed (Debian: apt install xapian-tools)")
        }
        let readers = ReaderPool(path: indexPath)
        let copy = ReplicaCopy(primary: primary, path: indexPath, readers: readers, logger: logger)
        let binding = try socketBinding(configuration)
        try binding.prepare(logger: logger)
        let api = QuorumAPI(readers: readers, writer: nil, indexPath: indexPath, watchFolders: [], replica: copy)
        let notifier = SystemdNotifier()
        let app = application(api: api, configuration, binding: binding, logger: logger) {
            logger.info("started: a read-only replica of \(primary) in \(indexPath), on \(configuration.socketPath)")
            notify(logger) { try notifier.ready(status: "replica of \(primary)") }
        }
        let stopping = StoppingNotice(logger: logger) {
            notify(logger) { try notifier.stopping() }
        }
        let services = ServiceGroup(services: [copy, app] as [any Service] + web(api: api, configuration, logger: logger) + [stopping],
                                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        defer { binding.removeSocketFile(logger: logger) }
        try await services.run()
        logger.info("stopped")
    }

    /// The socket with its mode, and its group when one is configured.
    private static func socketBinding(_ configuration: DaemonConfiguration) throws -> UnixSocketBinding {
        var group: gid_t?
        if let name = configuration.socketGroup {
            group = try UnixSocketBinding.groupID(named: name, socketPath: configuration.socketPath)
        }
        return try UnixSocketBinding(path: configuration.socketPath, mode: configuration.socketMode, group: group)
    }

    private static func notify(_ logger: Logger, _ send: () throws -> Void) {
        do { try send() } catch { logger.warning("cannot notify systemd: \(error)") }
    }
}

/// A service that waits for graceful shutdown and says so (systemd's `STOPPING=1`, a log line).
struct StoppingNotice: Service {
    let logger: Logger
    let onStop: @Sendable () -> Void

    func run() async throws {
        try? await gracefulShutdown()
        logger.info("stopping: finishing the current batch")
        onStop()
    }
}
