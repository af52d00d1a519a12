/// A change in a watched corpus folder that the index has to follow.
///
/// Paths are absolute. The watcher may report the same change twice (a file written into a
/// folder that appeared a moment ago is seen both by the folder's first scan and by its
/// close-write event), so consumers must be idempotent: index by path, compare size and mtime.
public enum FileEvent: Sendable, Hashable {
    /// A document was written (closed after writing) or moved into a watched folder.
    case changed(String)
    /// A document was deleted or moved out of the watched folders.
    case removed(String)
    /// A folder was deleted or moved away: every document under this path is gone. Sent once
    /// for the folder; documents deleted one by one before it (as `rm -r` does) are also sent
    /// as `.removed`.
    case folderRemoved(String)
    /// The kernel's event queue overflowed and events were lost: the consumer must reconcile
    /// the folders with the index again (the same scan as at start-up).
    case eventsLost
}

extension FileEvent: CustomStringConvertible {
    public var description: String {
        switch self {
        case .changed(let path): "changed(\(path))"
        case .removed(let path): "removed(\(path))"
        case .folderRemoved(let path): "folderRemoved(\(path))"
        case .eventsLost: "eventsLost"
        }
    }
}
