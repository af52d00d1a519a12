#if canImport(Glibc)
import Glibc
#endif
public import Hummingbird
public import Logging
public import NIOCore
import Synchronization

/// The daemon's Unix socket file: checked and cleared before Hummingbird binds it, given its
/// access mode once bound, and removed when the server has stopped.
///
/// Order of use: `init` (validates the path) → ``prepare(logger:)`` → Hummingbird binds
/// ``bindAddress`` and calls ``onServerRunning(logger:)`` → after the server returns,
/// ``removeSocketFile(logger:)``.
public final class UnixSocketBinding: Sendable {
    /// The longest socket path Linux accepts (`sun_path` holds 108 bytes with the NUL).
    public static let maximumPathLength = unixSocketPathCapacity
    /// Owner and group may connect, others not (the unit's group is the access list).
    public static let defaultMode: mode_t = 0o660

    /// The socket file's path, as given.
    public let path: String
    /// The access mode set on the socket file once bound.
    public let mode: mode_t
    /// The group given the socket file once bound (nil: the daemon's own group).
    public let group: gid_t?
    // (device, inode) of the socket we bound, so we only ever delete our own socket file.
    private let boundFile = Mutex<(dev: UInt64, ino: UInt64)?>(nil)

    /// The address to give Hummingbird's `ApplicationConfiguration(address:)`.
    public var bindAddress: BindAddress { .unixDomainSocket(path: path) }

    /// A binding for `path` with access `mode`.
    ///
    /// - Throws: ``UnixSocketBindingError`` with kind `.pathTooLong` when `path` exceeds
    ///   ``maximumPathLength`` bytes (bind(2) would fail with a less helpful message).
    public init(path: String, mode: mode_t = UnixSocketBinding.defaultMode, group: gid_t? = nil) throws(UnixSocketBindingError) {
        guard !path.isEmpty else {
            throw UnixSocketBindingError(.pathTooLong, path: path, "the socket path is empty")
        }
        let length = path.utf8.count
        guard length <= Self.maximumPathLength else {
            throw UnixSocketBindingError(
                .pathTooLong, path: path,
                "socket path \(path) is \(length) bytes long; Linux allows at most \(Self.maximumPathLength): choose a shorter path")
        }
        self.path = path
        self.mode = mode
        self.group = group
    }

    /// Makes the path ready to bind: creates the parent folder, and removes a stale socket left
    /// by a daemon that died, after checking nothing answers on it.
    ///
    /// - Throws: ``UnixSocketBindingError``: `.inUse` if a server answers on the socket,
    ///   `.notASocket` if the path is some other file (never removed), `.unusable` otherwise.
    public func prepare(logger: Logger) throws(UnixSocketBindingError) {
        let parent = Self.parentFolder(of: path)
        if let failure = createDirectories(parent) {
            throw UnixSocketBindingError(
                .unusable, path: path, "cannot create the socket's folder \(parent): \(String(cString: strerror(failure)))")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            let code = errno
            throw UnixSocketBindingError(.unusable, path: path, "cannot inspect \(path): \(String(cString: strerror(code)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFSOCK else {
            throw UnixSocketBindingError(
                .notASocket, path: path, "\(path) exists and is not a socket; refusing to replace it")
        }
        switch Self.probe(path) {
        case 0:
            throw UnixSocketBindingError(.inUse, path: path, "another quorumd is serving on \(path)")
        case ECONNREFUSED:
            // Nobody listens: a daemon died without removing it. NIO would unlink it too, but
            // only after this check do we know it is safe.
            guard unlink(path) == 0 || errno == ENOENT else {
                let code = errno
                throw UnixSocketBindingError(
                    .unusable, path: path, "cannot remove stale socket \(path): \(String(cString: strerror(code)))")
            }
            logger.info("removed stale socket file", metadata: ["path": "\(path)"])
        case ENOENT:
            return
        case EAGAIN, ETIMEDOUT:
            // A listener whose backlog is full is still a live listener.
            throw UnixSocketBindingError(.inUse, path: path, "another quorumd is serving on \(path) (it is not accepting connections)")
        case let code:
            throw UnixSocketBindingError(.unusable, path: path, "cannot check socket \(path): \(String(cString: strerror(code)))")
        }
    }

    /// Sets the socket file's mode and remembers which file is ours. Call it once the server is
    /// bound; ``onServerRunning(logger:)`` does.
    ///
    /// The mode is set after bind(2) because a socket file's mode can only come from the umask
    /// at bind time, and changing the process-wide umask would race with other threads creating
    /// files. The unit's `UMask=0007` keeps the moment before chmod closed to others.
    public func didBind() throws(UnixSocketBindingError) {
        // The group first, so the file is never open to the wrong group under the final mode.
        if let group, chown(path, uid_t.max, group) != 0 {
            let code = errno
            throw UnixSocketBindingError(
                .unusable, path: path, "cannot give \(path) to group \(group): \(String(cString: strerror(code)))")
        }
        guard chmod(path, mode) == 0 else {
            let code = errno
            throw UnixSocketBindingError(
                .unusable, path: path,
                "cannot set mode \(String(mode, radix: 8)) on \(path): \(String(cString: strerror(code)))")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            boundFile.withLock { $0 = (UInt64(info.st_dev), UInt64(info.st_ino)) }
        }
    }

    /// A callback for Hummingbird's `Application(onServerRunning:)`: applies the mode, and if
    /// that fails, logs why and closes the listener so the daemon stops instead of serving
    /// with the wrong permissions. `then` runs afterwards on success (e.g. systemd READY=1).
    public func onServerRunning(
        logger: Logger,
        then: @escaping @Sendable () async -> Void = {}
    ) -> @Sendable (any Channel) async -> Void {
        { channel in
            do {
                try self.didBind()
                logger.info("listening on unix socket", metadata: ["path": "\(self.path)", "mode": "\(String(self.mode, radix: 8))"])
                await then()
            } catch {
                logger.critical("cannot prepare the socket; stopping", metadata: ["error": "\(error)"])
                try? await channel.close()
            }
        }
    }

    /// Removes the socket file once the server has stopped, so clients get "no such file"
    /// rather than "connection refused". Only the file this binding bound is removed: if another
    /// process has since replaced it, it is left alone.
    public func removeSocketFile(logger: Logger) {
        guard let ours = boundFile.withLock({ $0 }) else { return }
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFSOCK,
            UInt64(info.st_dev) == ours.dev, UInt64(info.st_ino) == ours.ino
        else { return }
        if unlink(path) != 0 {
            logger.warning("cannot remove socket file", metadata: ["path": "\(path)", "errno": "\(errno)"])
        }
        boundFile.withLock { $0 = nil }
    }

    /// Tries to connect; returns 0 on success or the errno of the failure.
    private static func probe(_ path: String) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        // A blocking connect to a listener with a full backlog waits; bound it to one second.
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnixSocketAddress(path) { address, length in connect(fd, address, length) }
        guard let result else { return ENAMETOOLONG }
        return result == 0 ? 0 : errno
    }

    private static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// Why the Unix socket cannot be prepared or bound.
public struct UnixSocketBindingError: Error, Hashable, CustomStringConvertible {
    /// The kind of failure; a struct over a private enum so new kinds never break callers.
    public struct Kind: Hashable, Sendable {
        private enum Value: Hashable, Sendable { case pathTooLong, inUse, notASocket, unusable }
        private let value: Value
        private init(_ value: Value) { self.value = value }
        /// The path is empty or longer than Linux's 107-byte limit.
        public static let pathTooLong = Kind(.pathTooLong)
        /// A server answers on the socket: another daemon is running.
        public static let inUse = Kind(.inUse)
        /// Something other than a socket is at the path; it is not removed.
        public static let notASocket = Kind(.notASocket)
        /// The folder, the stale socket or the mode could not be handled.
        public static let unusable = Kind(.unusable)
    }

    /// The kind of failure.
    public let kind: Kind
    /// The socket path concerned.
    public let path: String
    /// A sentence a person can act on.
    public let description: String

    init(_ kind: Kind, path: String, _ description: String) {
        self.kind = kind
        self.path = path
        self.description = description
    }
}
