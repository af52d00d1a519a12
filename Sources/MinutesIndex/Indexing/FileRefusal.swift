import Foundation
import MinutesIngest

#if canImport(Glibc)
import Glibc
#endif

/// Files the indexer refuses before reading a byte, each with a reason for `/status`: anything
/// but a regular file (a symbolic link could lead outside the watched folder, or loop; a FIFO
/// would block the writer for ever), and text files too large to be minutes.
struct FileRefusal {
    var reason: String
    /// What `lstat` says of the path, so a rescan sees the refused file as unchanged.
    var size: Int
    var modified: Double

    /// Why the file at `path` is refused, or nil when it may be read. Throws when `lstat` fails
    /// (the file is gone or its folder unreadable); the caller reports that as a read failure.
    static func check(path: String, options: ReadOptions) throws -> FileRefusal? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        let size = Int(info.st_size)
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        func refuse(_ reason: String) -> FileRefusal { FileRefusal(reason: reason, size: size, modified: modified) }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFLNK:
            return refuse("a symbolic link: links are not followed, so no document can reach outside the watched folder\(linkTarget(path))")
        default:
            return refuse("not a regular file (a folder, FIFO, socket or device)")
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if ext != "pdf", size > options.maxTextFileBytes {
            return refuse("the file is \(megabytes(size)) MB; text and HTML files over \(megabytes(options.maxTextFileBytes)) MB are not read")
        }
        return nil
    }

    private static func linkTarget(_ path: String) -> String {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return "" }
        var resolved = stat()
        let broken = stat(path, &resolved) != 0 ? " (\(String(cString: strerror(errno))))" : ""
        return " (it points to \(target))\(broken)"
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}
