#if canImport(Glibc)
import Glibc
#endif

/// Walks the folder tree of a corpus by ``CorpusFileFilter``'s rules, never following symbolic
/// links (a link to a folder could make the walk loop or leave the corpus, and inotify would
/// not see changes behind it anyway): the one walk of `quorum index`, quorumd's start-up scan
/// and its watcher, which only differ in what they do at each folder and document.
public struct CorpusWalk: Sendable {
    /// Which folders are descended into and which files are documents.
    public let filter: CorpusFileFilter

    /// A walk by `filter`'s rules.
    public init(filter: CorpusFileFilter = CorpusFileFilter()) {
        self.filter = filter
    }

    /// What the walk meets.
    public enum Visit {
        /// A folder, before it is listed; answer false to leave it out.
        case folder(String)
        /// A document's path (a file, or a link or other non-folder entry with a document's
        /// name, which the indexer refuses with a reason rather than the walk hiding it).
        case document(String, EntryKind)
    }

    /// Walks `root` and every folder below it that the filter descends into, calling `visit`
    /// for each folder before listing it and for each document in it. A folder that cannot be
    /// listed goes to `unreadable` with its error and whether it is `root`; its contents are
    /// left out.
    public func walk<E: Error>(_ root: String, visit: (Visit) throws(E) -> Bool,
                               unreadable: (CorpusFolderError, _ isRoot: Bool) throws(E) -> Void) throws(E) {
        try walk(root, isRoot: true, visit: visit, unreadable: unreadable)
    }

    private func walk<E: Error>(_ folder: String, isRoot: Bool, visit: (Visit) throws(E) -> Bool,
                                unreadable: (CorpusFolderError, _ isRoot: Bool) throws(E) -> Void) throws(E) {
        guard try visit(.folder(folder)) else { return }
        let entries: [DirectoryEntry]
        do {
            entries = try Self.list(folder)
        } catch {
            try unreadable(error, isRoot)
            return
        }
        for entry in entries {
            let path = Self.join(folder, entry.name)
            switch entry.kind {
            case .folder where filter.descends(intoFolderNamed: entry.name):
                try walk(path, isRoot: false, visit: visit, unreadable: unreadable)
            case .folder:
                continue
            default:
                if filter.accepts(fileName: entry.name) { _ = try visit(.document(path, entry.kind)) }
            }
        }
    }

    /// What a folder entry is, without following links.
    public enum EntryKind: Sendable { case file, folder, link, other }

    /// One entry of a folder.
    struct DirectoryEntry {
        let name: String
        let kind: EntryKind
    }

    /// Lists a folder with `opendir`/`readdir`.
    static func list(_ path: String) throws(CorpusFolderError) -> [DirectoryEntry] {
        guard let dir = opendir(path) else {
            let code = errno
            throw CorpusFolderError(path: path, errorNumber: code, "cannot read folder \(path): \(String(cString: strerror(code)))")
        }
        defer { closedir(dir) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(dir) {
            // The name is read in place, up to its NUL: readdir's records are only as long as
            // their names (d_reclen), so copying `d_name` whole (256 bytes) reads past the last
            // record of glibc's buffer, which faults when the buffer ends at a page's end (it did
            // on a 1M-item corpus's folders).
            let nameField = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let name = String(cString: nameField.assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            let kind: EntryKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .link
            case Int32(DT_UNKNOWN):
                // Some file systems (older XFS, some FUSE) do not fill d_type: ask lstat.
                kind = kindOfEntry(atPath: join(path, name))
            default: kind = .other
            }
            entries.append(DirectoryEntry(name: name, kind: kind))
        }
        return entries
    }

    /// What is at `path`, without following a link (`.other` when nothing is).
    public static func kindOfEntry(atPath path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// Joins a folder and a name without doubling the slash at the root.
    public static func join(_ folder: String, _ name: String) -> String {
        folder == "/" ? "/" + name : folder + "/" + name
    }
}

/// A corpus folder that cannot be listed.
public struct CorpusFolderError: Error, Hashable, CustomStringConvertible {
    /// The folder.
    public let path: String
    /// The `errno` that `opendir` set.
    public let errorNumber: Int32
    /// A sentence a person can act on.
    public let description: String

    init(path: String, errorNumber: Int32, _ description: String) {
        self.path = path
        self.errorNumber = errorNumber
        self.description = description
    }
}
