import Foundation
import MinutesIngest

#if canImport(Glibc)
import Glibc
#endif

/// Files the indexer refuses before reading a byte, each with a reason for `/status`: anything
/// but a regular file (a symbolic link could lead outside the watched folder, or loop; a FIFO
/// would block the writer for ever), and text files too large to be minutes.
enum FileRefusal {
    /// Why the file `snapshot` describes is refused, or nil when it may be read.
    static func reason(for snapshot: FileSnapshot, options: ReadOptions) -> String? {
        switch snapshot.kind {
        case .file:
            break
        case .link:
            return "a symbolic link: links are not followed, so no document can reach outside the watched folder\(linkTarget(snapshot.path))"
        case .folder, .other:
            return "not a regular file (a folder, FIFO, socket or device)"
        }
        let ext = (snapshot.path as NSString).pathExtension.lowercased()
        if ext != "pdf", snapshot.size > options.maxTextFileBytes {
            return "the file is \(megabytes(snapshot.size)) MB; text and HTML files over \(megabytes(options.maxTextFileBytes)) MB are not read"
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
