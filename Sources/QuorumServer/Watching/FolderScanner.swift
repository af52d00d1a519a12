#if canImport(Glibc)
import Glibc
#endif
public import Logging
public import MinutesIndex

/// Lists the documents under the corpus folders, recursively, each with its ``FileSnapshot``:
/// what start-up reconciliation compares with the index to find files that arrived, changed or
/// vanished while the daemon was down.
///
/// It follows the same rules as ``FolderWatcher`` (``CorpusFileFilter``): hidden files and
/// folders and partial files are skipped. Symbolic links (and FIFOs, sockets) with a document's name are listed but
/// never followed (links to folders are not descended into): the indexer refuses them with a
/// reason, so `/status` says why `minutes.txt` is not searchable instead of ignoring it.
public struct FolderScanner: Sendable {
    /// Which files count as documents.
    public let filter: CorpusFileFilter

    /// A scanner that keeps the files `filter` accepts.
    public init(filter: CorpusFileFilter = CorpusFileFilter()) {
        self.filter = filter
    }

    /// The documents under `folders`, sorted by path.
    ///
    /// A top-level folder that cannot be read is an error (the daemon was started with a wrong
    /// path); a sub-folder that cannot be read is logged and skipped, so one bad permission
    /// does not stop the rest of the corpus from being indexed.
    public func scan(folders: [String], logger: Logger) throws(WatchingError) -> [FileSnapshot] {
        var files: [FileSnapshot] = []
        for folder in folders {
            let root = CorpusPath.standard(folder)
            guard CorpusWalk.kindOfEntry(atPath: root) == .folder else {
                throw WatchingError(
                    .folderUnreadable, path: root, "corpus folder \(root) does not exist or is not a folder")
            }
            try CorpusWalk(filter: filter).walk(root) { (visit) throws(WatchingError) -> Bool in
                guard case let .document(path, _) = visit else { return true }
                // The file may vanish between readdir and lstat; then it is simply not there.
                // Anything but a folder is listed (a FIFO named minutes.txt too): the indexer
                // refuses what is not a regular file, with a reason, without opening it.
                if let file = try? FileSnapshot(lstatOf: path), file.kind != .folder { files.append(file) }
                return true
            } unreadable: { (error, isRoot) throws(WatchingError) in
                if isRoot { throw WatchingError(.folderUnreadable, path: error.path, errorNumber: error.errorNumber, error.description) }
                logger.warning("skipping unreadable corpus folder", metadata: ["path": "\(error.path)", "error": "\(error)"])
            }
        }
        files.sort { $0.path < $1.path }
        return files
    }
}
