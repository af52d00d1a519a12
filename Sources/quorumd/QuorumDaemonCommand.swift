import ArgumentParser
import Foundation
import Logging
import MinutesIndex
import MinutesIngest
import QuorumServer

/// `quorumd`: the Quorum search daemon.
@main
struct QuorumDaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorumd",
        abstract: "Serve a Quorum index over a Unix socket, indexing new minutes as they arrive in the watched folders.",
        discussion: """
            With no flags it serves the shipped corpus: index Indexes/default, watching Corpus/, socket Indexes/quorum.sock.
            Try: curl --unix-socket Indexes/quorum.sock 'http://localhost/search?q=elective+home+education'
            """)

    @Option(help: ArgumentHelp("The index folder (created if missing).", valueName: "DIR"))
    var index = "Indexes/default"

    @Option(name: .customLong("watch"), help: ArgumentHelp("A folder of documents to index and watch; repeatable. Default: Corpus.", valueName: "DIR"))
    var watchFolders: [String] = []

    @Option(help: ArgumentHelp("The Unix socket to serve on.", valueName: "PATH"))
    var socket = "Indexes/quorum.sock"

    @Option(help: ArgumentHelp("The socket file's permissions, in octal.", valueName: "MODE"))
    var socketMode = "0660"

    @Option(help: ArgumentHelp("Search the shards listed in a Xapian stub file ('auto PATH' or 'remote HOST:PORT' per line) as one index, read-only.", valueName: "FILE"))
    var shards: String?

    @Option(name: .customLong("shard"), help: ArgumentHelp("A shard to search: an index folder, or tcp://HOST:PORT for xapian-tcpsrv; repeatable. Read-only, like --shards.", valueName: "SHARD"))
    var shardArguments: [String] = []

    @Option(help: ArgumentHelp("Seconds a remote shard may take to answer before it is reported missing.", valueName: "SECONDS"))
    var shardTimeout: Double = 2

    @Option(help: ArgumentHelp("Give the socket to this group (name or number), so its members may connect.", valueName: "NAME"))
    var socketGroup: String?

    @Option(help: ArgumentHelp("Reconcile the watched folders again every so many seconds (retries unreadable files and failed writes); 0 for only at start.", valueName: "SECONDS"))
    var rescanInterval = 30.0

    @Option(help: ArgumentHelp("A first scan of at least this many files into an empty index is one bulk load on every core, merged at the end; 0 for never.", valueName: "FILES"))
    var bulkLoadThreshold = 1000

    @Option(help: ArgumentHelp("Close a connection that sends no request for this many seconds; 0 for never.", valueName: "SECONDS"))
    var idleTimeout = 60.0

    @Option(help: ArgumentHelp("Keep answers to recent searches, up to this many MiB, until the index next changes; 0 to search every time.", valueName: "MIB"))
    var searchCache = 32

    @Option(help: ArgumentHelp("Serve the pages and the API on TCP too, for a browser: HOST:PORT, loopback only unless --http-public.", valueName: "HOST:PORT"))
    var http: String?

    @Flag(help: "Allow --http on an address other than loopback (the network can then reach the pages and the API).")
    var httpPublic = false

    @Flag(help: "Read PDFs without a text layer (scans) with OCR; needs tesseract-ocr and poppler-utils.")
    var ocr = false

    @Option(help: ArgumentHelp("When the index is damaged: set it aside and rebuild it from the watched folders while serving; when another schema wrote it: rebuild it beside it while it serves, then swap (rebuild); or stop with the error (refuse).", valueName: "rebuild|refuse"))
    var onDamage: IndexRecovery.Policy = .rebuild

    @Option(help: ArgumentHelp("Keep --index as a read-only replica of a primary's index, copied with Xapian's replication from the primary's --serve-replicas address, and serve searches from it (no watching, no writes). NAME is the primary's index folder name; default: this --index folder's name.", valueName: "HOST:PORT[/NAME]"))
    var replicaOf: String?

    @Option(help: ArgumentHelp("Serve this index to replicas with xapian-replicate-server (xapian-tools) on HOST:PORT, loopback only unless --replicas-public; its folder name is its name there.", valueName: "HOST:PORT"))
    var serveReplicas: String?

    @Flag(help: "Allow --serve-replicas on an address other than loopback (other machines can then copy the index).")
    var replicasPublic = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        guard shardTimeout > 0, shardTimeout <= 600 else { throw ValidationError("--shard-timeout takes seconds between 0 and 600; got \(shardTimeout).") }
        if !shardArguments.isEmpty || shards != nil, !watchFolders.isEmpty {
            throw ValidationError("--watch cannot be combined with --shards or --shard: a daemon searching shards only reads; each shard's own daemon watches its folders.")
        }
        guard mode != nil else { throw ValidationError("--socket-mode takes an octal mode such as 0660; got '\(socketMode)'.") }
        guard rescanInterval >= 0, rescanInterval.isFinite else { throw ValidationError("--rescan-interval takes seconds, 0 or more; got \(rescanInterval).") }
        guard idleTimeout >= 0, idleTimeout <= 86_400 else { throw ValidationError("--idle-timeout takes seconds between 0 and 86400; got \(idleTimeout).") }
        guard (0...4096).contains(searchCache) else { throw ValidationError("--search-cache takes MiB between 0 and 4096; got \(searchCache).") }
        if httpPublic && http == nil { throw ValidationError("--http-public goes with --http HOST:PORT.") }
        if replicasPublic && serveReplicas == nil { throw ValidationError("--replicas-public goes with --serve-replicas HOST:PORT.") }
        if let replicaOf {
            if !watchFolders.isEmpty || shards != nil || !shardArguments.isEmpty || serveReplicas != nil {
                throw ValidationError("--replica-of cannot be combined with --watch, --shards, --shard or --serve-replicas: a replica only reads the copy its primary writes.")
            }
            do { _ = try ReplicaAddress(replicaOf, defaultName: "default") } catch { throw ValidationError(error.description) }
        }
        if let serveReplicas {
            do { _ = try HTTPListener(serveReplicas, public: replicasPublic) } catch { throw ValidationError("--serve-replicas: \(error.description)") }
        }
        if let http {
            do { _ = try HTTPListener(http, public: httpPublic) } catch { throw ValidationError(error.description) }
        }
    }

    /// The shards of --shards and --shard, in that order (none: serve the index folder).
    private func shardList() throws -> [ShardAddress] {
        var list = try shards.map { try StubFile.shards(atPath: $0) } ?? []
        for argument in shardArguments { list.append(try ShardAddress(argument: argument)) }
        return list
    }

    private var mode: mode_t? {
        mode_t(socketMode, radix: 8).flatMap { $0 <= 0o777 ? $0 : nil }
    }

    func run() async throws {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "quorumd")
        // Past a file-size limit (RLIMIT_FSIZE, systemd's LimitFSIZE=) a write should fail with
        // EFBIG, which the writer reports and retries, rather than SIGXFSZ killing the daemon.
        signal(SIGXFSZ, SIG_IGN)
        // A peer that goes away mid-write must cost an error, not the process: Xapian's remote
        // backend writes to shard sockets without MSG_NOSIGNAL (a killed xapian-tcpsrv would
        // otherwise end the daemon with SIGPIPE), as may helper programs' pipes.
        signal(SIGPIPE, SIG_IGN)
        var configuration = DaemonConfiguration(
            indexPath: index, watchFolders: watchFolders.isEmpty ? ["Corpus"] : watchFolders,
            socketPath: socket, socketMode: mode ?? UnixSocketBinding.defaultMode,
            readOptions: ReadOptions(ocr: ocr))
        configuration.socketGroup = socketGroup
        configuration.rescanInterval = rescanInterval > 0 ? .milliseconds(Int(rescanInterval * 1000)) : nil
        configuration.idleTimeout = idleTimeout > 0 ? .milliseconds(Int(idleTimeout * 1000)) : nil
        configuration.searchCacheBytes = searchCache << 20
        configuration.onDamage = onDamage
        guard bulkLoadThreshold >= 0 else { throw ValidationError("--bulk-load-threshold takes a number of files, 0 or more; got \(bulkLoadThreshold).") }
        configuration.bulkLoadThreshold = bulkLoadThreshold
        configuration.http = try http.map { try HTTPListener($0, public: httpPublic) }
        configuration.serveReplicas = try serveReplicas.map { try HTTPListener($0, public: replicasPublic) }
        configuration.replicaOf = try replicaOf.map { try ReplicaAddress($0, defaultName: (index as NSString).lastPathComponent) }
        do {
            configuration.shards = try shardList()
            configuration.shardOptions.timeout = .milliseconds(Int(shardTimeout * 1000))
            try await Daemon.run(configuration, logger: logger)
        } catch {
            logger.critical("quorumd cannot start: \(error)")
            throw ExitCode(1)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension IndexRecovery.Policy: ExpressibleByArgument {}
