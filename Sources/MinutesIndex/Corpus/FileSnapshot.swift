#if canImport(Glibc)
import Glibc
#endif

/// What one `lstat` says of a file: the facts that decide whether it must be read again. The
/// scanner, the indexer's refusal check and the source records all take it, so they compare
/// the same figures (the modification time to the nanosecond, so a rewrite within the same
/// second is seen, and the inode, so a different file renamed into place is too).
public struct FileSnapshot: Sendable, Hashable {
    /// The file's standard path (``CorpusPath``).
    public let path: String
    /// Size in bytes.
    public let size: Int
    /// Last modification, in nanoseconds since 1970.
    public let modifiedNanoseconds: Int64
    /// The inode number.
    public let inode: UInt64
    /// What the path is, not following a link.
    public let kind: CorpusWalk.EntryKind

    /// `lstat` of `path`; `POSIXError` when there is nothing there or it cannot be reached.
    public init(lstatOf path: String) throws(SnapshotError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw SnapshotError(path: path, errorNumber: errno) }
        self.path = path
        size = Int(info.st_size)
        modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
        kind = switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .folder
        case S_IFLNK: .link
        default: .other
        }
    }

    /// The modification time in seconds since 1970, as source records have always kept it.
    public var modified: Double { Double(modifiedNanoseconds) / 1e9 }
}

/// A file that `lstat` could not look at (gone, or its folder unreadable).
public struct SnapshotError: Error, Hashable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// The `errno` that `lstat` set.
    public let errorNumber: Int32
    public var description: String { "cannot read file: \(String(cString: strerror(errorNumber)))" }
}
