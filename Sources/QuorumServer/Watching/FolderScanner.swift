#if canImport(Glibc)
import Glibc
#endif
public import Logging
public import MinutesIndex

/// A document found by ``FolderScanner``: what start-up reconciliation compares with the index
/// to find files that arrived, changed or vanished while the daemon was down.
public struct ScannedFile: Sendable, Hashable {
    /// Absolute path of the document.
    public let path: String
    /// Size in bytes.
    public let size: Int64
    /// Last modification time, in nanoseconds since 1970 (the full precision `stat` gives, so a
    /// rewrite within the same second is still seen as a change).
    public let modificationTime: Int64

    /// A scanned file with these attributes.
    public init(path: String, size: Int64, modificationTime: Int64) {
        self.path = path
        self.size = size
        self.modificationTime = modificationTime
    }
}

/// Lists the documents under the corpus folders, recursively, with size and mtime.
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
    public func scan(folders: [String], logger: Logger) throws(WatchingError) -> [ScannedFile] {
        var files: [ScannedFile] = []
        for folder in folders {
            let root = absoluteFolderPath(folder)
            guard fileKind(atPath: root) == .folder else {
                throw WatchingError(
                    .folderUnreadable, path: root, "corpus folder \(root) does not exist or is not a folder")
            }
            try walk(root, into: &files, isRoot: true, logger: logger)
        }
        files.sort { $0.path < $1.path }
        return files
    }

    private func walk(_ folder: String, into files: inout [ScannedFile], isRoot: Bool, logger: Logger)
        throws(WatchingError)
    {
        let entries: [DirectoryEntry]
        do {
            entries = try listDirectory(folder)
        } catch {
            if isRoot { throw error }
            logger.warning("skipping unreadable corpus folder", metadata: ["path": "\(folder)", "error": "\(error)"])
            return
        }
        for entry in entries {
            let path = joinPath(folder, entry.name)
            switch entry.kind {
            case .folder where filter.descends(intoFolderNamed: entry.name):
                try walk(path, into: &files, isRoot: false, logger: logger)
            case .file where filter.accepts(fileName: entry.name), .link where filter.accepts(fileName: entry.name),
                 .other where filter.accepts(fileName: entry.name):
                var info = stat()
                // The file may vanish between readdir and lstat; then it is simply not there.
                // Anything but a folder is listed (a FIFO named minutes.txt too): the indexer
                // refuses what is not a regular file, with a reason, without opening it.
                guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { continue }
                let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                files.append(ScannedFile(path: path, size: Int64(info.st_size), modificationTime: mtime))
            default:
                continue
            }
        }
    }
}
