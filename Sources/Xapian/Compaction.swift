import CXapian

/// How hard ``Database/compact(to:level:singleFile:)`` packs the index.
public enum CompactionLevel: Sendable {
    /// Xapian's default: items are not split unnecessarily, so later updates stay cheap.
    case standard
    /// Blocks packed full: smaller, for an index that will mostly be read.
    case full
    /// Fuller still (oversize items allowed): smallest, for an index that will not be written again.
    case fuller
}

extension Database {
    /// Writes a compacted copy of this database (every shard merged into one) to `path`, which
    /// must not exist yet; this database is not changed. This is what `xapian-compact` does.
    /// With `singleFile`, the result is one file rather than a folder (read-only thereafter).
    public func compact(to path: String, level: CompactionLevel = .standard, singleFile: Bool = false) throws {
        var flags: UInt32 = 0
        switch level {
        case .standard: break
        case .full: flags |= UInt32(CX_COMPACT_FULL)
        case .fuller: flags |= UInt32(CX_COMPACT_FULLER)
        }
        if singleFile { flags |= UInt32(CX_COMPACT_SINGLE_FILE) }
        try check { cx_database_compact(handle, path, flags, $0) }
    }
}
