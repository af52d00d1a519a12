import Foundation

/// How a path names a document or folder everywhere in Quorum: absolute (against the working
/// directory), with `.` and `..` resolved, repeated and trailing slashes removed. Every path is
/// made standard once, where it comes in (the command line, the API, the watcher's roots), so
/// that the scanner, the watcher, the indexer and the source records compare the same strings.
public enum CorpusPath {
    /// `path` in standard form.
    public static func standard(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
