#if canImport(Glibc)
import Glibc
#endif

/// One entry of a folder, as the scanner and the watcher need it.
struct DirectoryEntry {
    enum Kind { case file, folder, link, other }
    let name: String
    let kind: Kind
}

/// Lists a folder with `opendir`/`readdir`, without following symbolic links: a link to a
/// folder could make the walk loop or leave the corpus, and inotify would not see changes
/// behind it anyway.
func listDirectory(_ path: String) throws(WatchingError) -> [DirectoryEntry] {
    guard let dir = opendir(path) else {
        let code = errno
        throw WatchingError(
            .folderUnreadable, path: path, errorNumber: code,
            "cannot read folder \(path): \(errnoText(code))")
    }
    defer { closedir(dir) }
    var entries: [DirectoryEntry] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
            String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name == "." || name == ".." { continue }
        let kind: DirectoryEntry.Kind
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_REG): kind = .file
        case Int32(DT_DIR): kind = .folder
        case Int32(DT_LNK): kind = .link
        case Int32(DT_UNKNOWN):
            // Some file systems (older XFS, some FUSE) do not fill d_type: ask lstat.
            kind = fileKind(atPath: path + "/" + name)
        default: kind = .other
        }
        entries.append(DirectoryEntry(name: name, kind: kind))
    }
    return entries
}

func fileKind(atPath path: String) -> DirectoryEntry.Kind {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .other }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .folder
    case S_IFLNK: return .link
    default: return .other
    }
}

/// `path` made absolute against the working directory, without a trailing slash, so events and
/// scan results name a file the same way however the folder was given on the command line.
func absoluteFolderPath(_ path: String) -> String {
    var result = path
    if !result.hasPrefix("/") {
        if let cwdPointer = getcwd(nil, 0) {
            defer { free(cwdPointer) }
            let cwd = String(cString: cwdPointer)
            result = result == "." ? cwd : (cwd == "/" ? "" : cwd) + "/" + result
        }
    }
    while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
    if result.hasSuffix("/.") { result.removeLast(2) }
    return result.isEmpty ? "/" : result
}

/// Joins a folder and a name without doubling the slash at the root.
func joinPath(_ folder: String, _ name: String) -> String {
    folder == "/" ? "/" + name : folder + "/" + name
}
