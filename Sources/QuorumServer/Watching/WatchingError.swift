#if canImport(Glibc)
import Glibc
#endif

/// Why the corpus folders could not be scanned or watched.
///
/// A struct over a set of kinds, so new kinds never break callers that switch on `kind`.
public struct WatchingError: Error, Hashable, CustomStringConvertible {
    /// What went wrong, for callers that react differently (for example to an exhausted watch limit).
    public struct Kind: Hashable, Sendable {
        private enum Value: Hashable, Sendable {
            case folderUnreadable, inotifyUnavailable, watchLimitReached, alreadyRunning, readFailed
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A folder does not exist, is not a folder, or may not be read.
        public static let folderUnreadable = Kind(.folderUnreadable)
        /// inotify could not be set up (too many inotify instances, or no inotify at all).
        public static let inotifyUnavailable = Kind(.inotifyUnavailable)
        /// The per-user inotify watch limit (`fs.inotify.max_user_watches`) is exhausted.
        public static let watchLimitReached = Kind(.watchLimitReached)
        /// `run()` was called on a watcher that had already run.
        public static let alreadyRunning = Kind(.alreadyRunning)
        /// Reading the inotify descriptor failed; the watcher stopped.
        public static let readFailed = Kind(.readFailed)
    }

    /// What went wrong.
    public let kind: Kind
    /// The folder concerned, when there is one.
    public let path: String?
    /// The `errno` the failing call set, when there is one.
    public let errorNumber: Int32?
    /// A sentence a person can act on.
    public let description: String

    init(_ kind: Kind, path: String? = nil, errorNumber: Int32? = nil, _ description: String) {
        self.kind = kind
        self.path = path
        self.errorNumber = errorNumber
        self.description = description
    }
}

/// The C library's text for an `errno` value.
func errnoText(_ code: Int32) -> String {
    String(cString: strerror(code))
}
