import Foundation
import MinutesIngest

/// A file read and parsed, ready for ``Indexer/index(_:)``: the part of indexing that needs no
/// index. A bulk load prepares the next files on another core while the writer indexes this one
/// (`quorum index`), since reading and parsing are about a sixth of the work.
public struct PreparedFile: Sendable {
    /// The file's standardized path.
    public let path: String
    let content: Content

    enum Content: Sendable {
        /// Refused before reading (too large, not a regular file, …), as `lstat` saw it.
        case refused(size: Int, modified: Double, reason: String)
        /// Could not be read.
        case unreadable(reason: String)
        /// Read: its fingerprint, and what parsing gave (an `IngestError` is the file's fault and
        /// recorded against it; another error is thrown by the indexer) — nil when the
        /// fingerprint is the one the index already holds, so parsing was skipped.
        case read(snapshot: FileSnapshot, fingerprint: String, parsed: Result<MinutesDocument, any Error>?)
    }

    /// Reads and parses the file at `path`. `knownFingerprint` is what the index recorded for
    /// the file (``Indexer/knownFingerprint(atPath:)``): when the file still has it, it is not
    /// parsed again.
    public static func read(path rawPath: String, options: ReadOptions, knownFingerprint: String?,
                            parser: MinutesParser = MinutesParser()) -> PreparedFile {
        let path = URL(fileURLWithPath: rawPath).standardizedFileURL.path
        let snapshot: FileSnapshot
        let data: Data
        do {
            if let refusal = try FileRefusal.check(path: path, options: options) {
                return PreparedFile(path: path, content: .refused(size: refusal.size, modified: refusal.modified, reason: refusal.reason))
            }
            snapshot = try FileSnapshot(path: path)
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return PreparedFile(path: path, content: .unreadable(reason: "cannot read file: \(error.localizedDescription)"))
        }
        let print = fingerprint(data)
        guard print != knownFingerprint else {
            return PreparedFile(path: path, content: .read(snapshot: snapshot, fingerprint: print, parsed: nil))
        }
        let parsed = Result<MinutesDocument, any Error> {
            let text = try DocumentReader.text(of: data, at: URL(fileURLWithPath: path), options: options)
            return parser.parse(text, fileName: (path as NSString).lastPathComponent)
        }
        return PreparedFile(path: path, content: .read(snapshot: snapshot, fingerprint: print, parsed: parsed))
    }
}
