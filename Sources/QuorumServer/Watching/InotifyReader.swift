#if canImport(Glibc)
import Glibc
#endif
import Logging
import MinutesIndex

/// The inotify descriptor, its watches and the read loop behind ``FolderWatcher``.
///
/// `@unchecked Sendable` because its mutable state (the watch tables) is touched by one thread
/// at a time: the initialiser's thread until `loop()` starts, then only the reader thread.
/// `requestStop()`, the one method other threads call, only writes to an immutable pipe fd.
final class InotifyReader: @unchecked Sendable {
    // The events a corpus needs. IN_CLOSE_WRITE rather than IN_MODIFY: a file is indexed once,
    // when its writer closes it, not at every write(2). IN_CREATE only matters for folders.
    private static let watchMask: UInt32 =
        UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)
        | UInt32(IN_CREATE) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW) | UInt32(IN_EXCL_UNLINK)

    private let inotifyFD: Int32
    private let stopReadFD: Int32
    private let stopWriteFD: Int32
    private let roots: Set<String>
    private let filter: CorpusFileFilter
    private let walk: CorpusWalk
    private let logger: Logger
    private let emit: @Sendable (FileEvent) -> Void

    private var pathByWatch: [Int32: String] = [:]
    private var watchByPath: [String: Int32] = [:]

    init(roots: [String], filter: CorpusFileFilter, logger: Logger, emit: @escaping @Sendable (FileEvent) -> Void)
        throws(WatchingError)
    {
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else {
            let code = errno
            throw WatchingError(
                .inotifyUnavailable, errorNumber: code,
                "cannot start inotify: \(errnoText(code)) (see fs.inotify.max_user_instances)")
        }
        var pipeFDs: [Int32] = [-1, -1]
        // pipe2(2) and eventfd(2) are not exported by Swift's Glibc module; pipe + fcntl does the same.
        guard pipe(&pipeFDs) == 0 else {
            let code = errno
            close(fd)
            throw WatchingError(.inotifyUnavailable, errorNumber: code, "cannot create the watcher's stop pipe: \(errnoText(code))")
        }
        for pipeFD in pipeFDs {
            _ = fcntl(pipeFD, F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeFD, F_SETFL, O_NONBLOCK)
        }
        self.inotifyFD = fd
        self.stopReadFD = pipeFDs[0]
        self.stopWriteFD = pipeFDs[1]
        self.roots = Set(roots)
        self.filter = filter
        self.walk = CorpusWalk(filter: filter)
        self.logger = logger
        self.emit = emit
        for root in roots {
            guard CorpusWalk.kindOfEntry(atPath: root) == .folder else {
                throw WatchingError(.folderUnreadable, path: root, "corpus folder \(root) does not exist or is not a folder")
            }
            // Files already in the folders are the start-up scan's business, not events.
            try addTree(root, reportFiles: false)
        }
    }

    deinit {
        close(inotifyFD)
        close(stopReadFD)
        close(stopWriteFD)
    }

    /// Number of folders being watched (for tests and `status`).
    var watchCount: Int { watchByPath.count }

    /// Wakes the reader thread so that `loop()` returns. Safe from any thread, any number of times.
    func requestStop() {
        var byte: UInt8 = 1
        // A full pipe already holds a wake-up, so a failed write loses nothing.
        _ = write(stopWriteFD, &byte, 1)
    }

    /// Blocks in poll(2) and turns inotify events into ``FileEvent``s until `requestStop()`.
    func loop() throws(WatchingError) {
        var fds = [
            pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stopReadFD, events: Int16(POLLIN), revents: 0),
        ]
        // Room for many events per read(2); inotify never splits one event across reads.
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw WatchingError(.readFailed, errorNumber: code, "waiting for inotify events failed: \(errnoText(code))")
            }
            // Stopping wins over pending events: whatever is left is found by the next start-up scan.
            if fds[1].revents != 0 { return }
            if fds[0].revents != 0 {
                try drain(buffer, capacity: capacity)
            }
        }
    }

    private func drain(_ buffer: UnsafeMutableRawPointer, capacity: Int) throws(WatchingError) {
        while true {
            let count = read(inotifyFD, buffer, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { return }
                let code = errno
                throw WatchingError(.readFailed, errorNumber: code, "reading inotify events failed: \(errnoText(code))")
            }
            if count == 0 { return }
            var offset = 0
            // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
            let headerSize = 16
            while offset + headerSize <= count {
                let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let nameLength = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                var name = ""
                if nameLength > 0 {
                    // The name is NUL-padded to an alignment boundary.
                    let start = buffer.advanced(by: offset + headerSize).assumingMemoryBound(to: CChar.self)
                    name = String(cString: start)
                }
                handle(wd: wd, mask: mask, name: name)
                offset += headerSize + nameLength
            }
        }
    }

    private func has(_ mask: UInt32, _ flag: Int32) -> Bool { mask & UInt32(flag) != 0 }

    private func handle(wd: Int32, mask: UInt32, name: String) {
        if has(mask, Int32(IN_Q_OVERFLOW)) {
            logger.warning("inotify queue overflowed; the corpus must be rescanned")
            emit(.eventsLost)
            return
        }
        guard let folder = pathByWatch[wd] else { return }  // a watch we already dropped
        if has(mask, Int32(IN_IGNORED)) {
            pathByWatch[wd] = nil
            if watchByPath[folder] == wd { watchByPath[folder] = nil }
            return
        }
        if has(mask, Int32(IN_DELETE_SELF)) || has(mask, Int32(IN_MOVE_SELF)) {
            // A sub-folder's removal is reported by its parent's IN_DELETE/IN_MOVED_FROM. A root
            // has no watched parent, so it is reported here. A moved folder's watch would go on
            // reporting under the old path, so drop it.
            if roots.contains(folder) {
                logger.error("corpus folder was removed or moved away", metadata: ["path": "\(folder)"])
                forgetTree(folder)
                emit(.folderRemoved(folder))
            }
            return
        }
        let path = CorpusWalk.join(folder, name)
        if has(mask, Int32(IN_ISDIR)) {
            guard filter.descends(intoFolderNamed: name) else { return }
            if has(mask, Int32(IN_DELETE)) || has(mask, Int32(IN_MOVED_FROM)) {
                forgetTree(path)
                emit(.folderRemoved(path))
            } else if has(mask, Int32(IN_CREATE)) || has(mask, Int32(IN_MOVED_TO)) {
                do {
                    try addTree(path, reportFiles: true)
                } catch {
                    logger.error("cannot watch new corpus folder", metadata: ["path": "\(path)", "error": "\(error)"])
                }
            }
            return
        }
        guard filter.accepts(fileName: name) else { return }
        if has(mask, Int32(IN_CLOSE_WRITE)) || has(mask, Int32(IN_MOVED_TO)) {
            emit(.changed(path))
        } else if has(mask, Int32(IN_DELETE)) || has(mask, Int32(IN_MOVED_FROM)) {
            emit(.removed(path))
        }
    }

    /// Watches `folder` and every folder below it. The watch goes on before the listing, so a
    /// file arriving meanwhile is seen by the listing, the event, or both, never by neither.
    private func addTree(_ folder: String, reportFiles: Bool) throws(WatchingError) {
        try walk.walk(folder) { (visit) throws(WatchingError) -> Bool in
            switch visit {
            case let .folder(path):
                return try addWatch(path)
            case let .document(path, kind):
                if reportFiles && kind == .file { emit(.changed(path)) }
                return true
            }
        } unreadable: { (error, _) throws(WatchingError) in
            if roots.contains(error.path) {
                throw WatchingError(.folderUnreadable, path: error.path, errorNumber: error.errorNumber, error.description)
            }
            logger.warning("cannot list new corpus folder", metadata: ["path": "\(error.path)", "error": "\(error)"])
        }
    }

    /// Watches one folder; false when it is gone again before we got to it.
    private func addWatch(_ folder: String) throws(WatchingError) -> Bool {
        let wd = inotify_add_watch(inotifyFD, folder, Self.watchMask)
        guard wd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return false }
            if code == ENOSPC {
                throw WatchingError(
                    .watchLimitReached, path: folder, errorNumber: code,
                    "cannot watch \(folder): the inotify watch limit is reached; raise fs.inotify.max_user_watches")
            }
            throw WatchingError(.folderUnreadable, path: folder, errorNumber: code, "cannot watch \(folder): \(errnoText(code))")
        }
        pathByWatch[wd] = folder
        watchByPath[folder] = wd
        return true
    }

    /// Drops the watches on `folder` and below (it was deleted or moved away).
    private func forgetTree(_ folder: String) {
        let prefix = folder + "/"
        for (path, wd) in watchByPath where path == folder || path.hasPrefix(prefix) {
            // EINVAL when the kernel already dropped it (folder deleted): nothing to undo.
            _ = inotify_rm_watch(inotifyFD, wd)
            watchByPath[path] = nil
            pathByWatch[wd] = nil
        }
    }
}
