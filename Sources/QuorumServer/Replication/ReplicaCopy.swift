import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Xapian

/// A read-only copy of a primary's index kept by Xapian's replication client.
///
/// `xapian-replicate` connects to the primary's `xapian-replicate-server` every second and
/// applies the changesets of each new commit to the copy (a full copy the first time, or when
/// the primary's index was replaced). The copy is a folder holding a stub file, `XAPIANDB`,
/// that names the live database of two (`replica_0`, `replica_1`): changesets land in the live
/// one as commits do; a full copy fills the other, and the stub is switched to it atomically.
///
/// This service runs the client and watches the copy: after each change the reader pool is told
/// (a commit: handles reopen; a switch: handles are opened afresh), so searches answer from the
/// newest copy.
final class ReplicaCopy: Service, Sendable {
    let primary: ReplicaAddress
    let path: String
    private let readers: ReaderPool
    private let copier: SupervisedProcess
    private let logger: Logger
    private let state = Mutex(WatchState())

    private struct WatchState {
        var stub: String?
        var live: FileStamp?
        var revision: UInt64?
        var lastUpdate: Date?
    }

    /// Identifies one version of the live database's version file.
    private struct FileStamp: Equatable {
        var inode: UInt64
        var size: Int64
        var modified: Int
        var modifiedNanoseconds: Int
    }

    /// Checks the copy this often: what bounds how late a commit appears after it arrives.
    static let pollInterval = Duration.milliseconds(200)

    init(primary: ReplicaAddress, path: String, readers: ReaderPool, logger: Logger) {
        self.primary = primary
        self.path = path
        self.readers = readers
        self.logger = logger
        // -i 1: connect every second; -r 0: apply a session's changesets one after another
        // (readers reopen on the next search anyway); no -o, so network errors are retried.
        copier = SupervisedProcess(name: "xapian-replicate", executable: "/usr/bin/xapian-replicate",
                                   arguments: ["-h", primary.host, "-p", String(primary.port), "-m", primary.name,
                                               "-i", "1", "-r", "0", "-q", path],
                                   logger: logger)
    }

    /// Refuses a folder that holds something other than a replica (an index of a primary
    /// would be overwritten): it must be missing, empty of everything but a replica's files.
    static func validate(path: String) throws(ReplicaFolderError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // xapian-replicate makes the folder, but not the folders above it.
            let parent = (path as NSString).deletingLastPathComponent
            do { try manager.createDirectory(atPath: parent.isEmpty ? "." : parent, withIntermediateDirectories: true) } catch {
                throw ReplicaFolderError(path: path, reason: "cannot make the folder above it: \(error.localizedDescription)")
            }
            return
        }
        guard isDirectory.boolValue else { throw ReplicaFolderError(path: path, reason: "it is a file") }
        let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        if entries.isEmpty {
            // xapian-replicate makes the folder itself and cannot start in an empty one.
            try? manager.removeItem(atPath: path)
            return
        }
        guard entries.contains("XAPIANDB") else {
            throw ReplicaFolderError(path: path, reason: "it holds files but no replica (no XAPIANDB stub); give a new folder, or the one a replica wrote")
        }
    }

    func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await self.copier.run() }
            group.addTask { await self.watch() }
        }
    }

    private func watch() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            check()
            try? await Task.sleep(for: Self.pollInterval)
        }
    }

    /// Looks at the stub and the live database's version file; tells the readers of a change.
    func check() {
        let stubPath = (path as NSString).appendingPathComponent("XAPIANDB")
        guard let stub = try? String(contentsOfFile: stubPath, encoding: .utf8) else { return }
        let liveName = stub.split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
        let live = Self.stamp(((path as NSString).appendingPathComponent(liveName) as NSString).appendingPathComponent("iamglass"))
        let (switched, changed) = state.withLock { s -> (Bool, Bool) in
            let switched = s.stub != nil && s.stub != stub
            let changed = s.stub != stub || s.live != live
            s.stub = stub
            s.live = live
            return (switched, changed)
        }
        guard changed else { return }
        if switched { readers.indexWasReplaced() } else { readers.indexDidCommit() }
        let revision = try? Database(path: path).revision()
        state.withLock { $0.revision = revision ?? $0.revision; $0.lastUpdate = Date() }
        logger.debug("replica at revision \(revision.map(String.init) ?? "?")\(switched ? " (a full copy switched in)" : "")")
    }

    private static func stamp(_ file: String) -> FileStamp? {
        var info = stat()
        guard stat(file, &info) == 0 else { return nil }
        return FileStamp(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modified: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec))
    }

    var report: ReplicaStatus {
        let s = state.withLock { $0 }
        let copierState = copier.snapshot
        let copied = FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("XAPIANDB"))
        return ReplicaStatus(primary: primary.description, copied: copied, revision: s.revision,
                      lastUpdate: s.lastUpdate.map { ISO8601DateFormatter().string(from: $0) },
                      copierRunning: copierState.running, copierStarts: copierState.starts, copierMessage: copierState.lastMessage)
    }
}

/// A `--index` folder a replica cannot use.
struct ReplicaFolderError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot keep a replica in \(path): \(reason)" }
}
