#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// "One daemon per index": an exclusive `flock(2)` on `<index>/quorumd.lock`, which records the
/// holder's pid so that a second daemon can say who holds it.
///
/// flock rather than a pid file alone: the kernel drops the lock when the process dies, however
/// it dies, so a crash never leaves a stale lock behind. The file is never deleted: unlinking a
/// lock file lets a third process lock a new file while the second still holds the old one.
/// The descriptor is close-on-exec, so a child process cannot keep the lock alive after us.
public final class IndexLock: Sendable {
    /// Name of the lock file inside the index folder.
    public static let fileName = "quorumd.lock"

    /// The index folder this lock guards.
    public let indexDirectory: String
    /// Full path of the lock file.
    public let lockFilePath: String
    private let descriptor: Mutex<Int32>

    /// Takes the lock, or fails at once if another process holds it (it never waits).
    ///
    /// - Parameters:
    ///   - indexDirectory: the index folder; created (with its parents) if missing.
    ///   - processID: recorded in the lock file for the error a second daemon reports.
    /// - Throws: ``IndexLockError`` with kind ``IndexLockError/Kind/locked`` and the holder's pid,
    ///   or ``IndexLockError/Kind/unusable`` if the folder or file cannot be created or opened.
    public init(indexDirectory: String, processID: Int32 = getpid()) throws(IndexLockError) {
        self.indexDirectory = indexDirectory
        self.lockFilePath = indexDirectory + "/" + Self.fileName
        if let failure = createDirectories(indexDirectory) {
            throw IndexLockError(
                .unusable, indexDirectory: indexDirectory,
                "cannot create index folder \(indexDirectory): \(String(cString: strerror(failure)))")
        }
        let fd = open(lockFilePath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            throw IndexLockError(
                .unusable, indexDirectory: indexDirectory,
                "cannot open lock file \(lockFilePath): \(String(cString: strerror(code)))")
        }
        var result: Int32
        repeat { result = flock(fd, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        if result != 0 {
            let code = errno
            let holder = code == EWOULDBLOCK ? Self.readProcessID(fd) : nil
            close(fd)
            guard code == EWOULDBLOCK else {
                throw IndexLockError(
                    .unusable, indexDirectory: indexDirectory,
                    "cannot lock \(lockFilePath): \(String(cString: strerror(code)))")
            }
            let who = holder.map { "quorumd pid \($0)" } ?? "another process (pid unknown)"
            throw IndexLockError(
                .locked, indexDirectory: indexDirectory, holderProcessID: holder,
                "index \(indexDirectory) is locked by \(who); is another quorumd running on this index?")
        }
        // Only now that we hold the lock may we overwrite the previous holder's pid.
        let text = Array("\(processID)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, text, text.count, 0)
        descriptor = Mutex(fd)
    }

    deinit { release() }

    /// Whether this object still holds the lock.
    public var isHeld: Bool { descriptor.withLock { $0 >= 0 } }

    /// Releases the lock (closing the descriptor releases the flock). Safe to call twice;
    /// `deinit` calls it too.
    public func release() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            close(fd)
            fd = -1
        }
    }

    private static func readProcessID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        return Int32(text.trimmingWhitespace())
    }
}

/// Why the index lock could not be taken.
public struct IndexLockError: Error, Hashable, CustomStringConvertible {
    /// The kind of failure; a struct over a private enum so new kinds never break callers.
    public struct Kind: Hashable, Sendable {
        private enum Value: Hashable, Sendable { case locked, unusable }
        private let value: Value
        private init(_ value: Value) { self.value = value }
        /// Another process holds the lock: another daemon is running on this index.
        public static let locked = Kind(.locked)
        /// The index folder or lock file cannot be created, opened or locked.
        public static let unusable = Kind(.unusable)
    }

    /// The kind of failure.
    public let kind: Kind
    /// The index folder concerned.
    public let indexDirectory: String
    /// The pid recorded by the holder, when the lock is held and the pid could be read.
    public let holderProcessID: Int32?
    /// A sentence a person can act on, naming the folder and the holder.
    public let description: String

    init(_ kind: Kind, indexDirectory: String, holderProcessID: Int32? = nil, _ description: String) {
        self.kind = kind
        self.indexDirectory = indexDirectory
        self.holderProcessID = holderProcessID
        self.description = description
    }
}

/// `mkdir -p`; returns the errno of the failure, or nil.
func createDirectories(_ path: String, mode: mode_t = 0o755) -> Int32? {
    var current = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
        current += "/" + component
        if mkdir(current, mode) != 0 && errno != EEXIST { return errno }
    }
    var info = stat()
    guard stat(path, &info) == 0 else { return errno }
    return (info.st_mode & S_IFMT) == S_IFDIR ? nil : ENOTDIR
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
