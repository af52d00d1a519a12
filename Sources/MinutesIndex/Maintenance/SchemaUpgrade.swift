import Foundation
import Xapian

/// An index an older (or newer) build wrote is rebuilt beside it, in `INDEX.upgrade`, while it
/// keeps serving searches; once every file is indexed again the two folders are exchanged in
/// one `renameat2(RENAME_EXCHANGE)` and the old index is kept, renamed with the date.
///
/// Each step survives a `kill -9` (``prepare(indexPath:now:)`` at the next start finds where it
/// stopped): the new index records that it is being filled (``IndexRecovery/rebuildingMetadataKey``)
/// until the last file is in, so a folder without that record and with this build's schema is
/// complete and only waits for the exchange; after the exchange the index folder holds the new
/// index at once, and an `INDEX.upgrade` beside a good index is the old one, set aside.
public struct SchemaUpgrade: Sendable, Equatable {
    /// The index folder, which serves the old index until the exchange.
    public let indexPath: String
    /// Why the index is rebuilt (the schema it was written with).
    public let reason: String

    /// Where the new index is built.
    public var path: String { Self.folder(of: indexPath) }

    /// The folder an upgrade of the index at `indexPath` builds in.
    public static func folder(of indexPath: String) -> String { indexPath + ".upgrade" }

    /// Names of the points a fault test may have the process killed at (``Failpoint``).
    public enum Step {
        /// The new index is complete and committed; the folders are not yet exchanged.
        public static let beforeExchange = "upgrade-before-exchange"
        /// The folders are exchanged; the old index is not yet renamed with the date.
        public static let afterExchange = "upgrade-after-exchange"
    }

    /// Where an upgrade stands once ``start(now:)`` has run.
    public enum Progress: Sendable, Equatable {
        /// The new index is being filled; its record says since when and why.
        case building(IndexRecovery.SetAside)
        /// The new index is complete and only waits for ``swapIn(now:)``.
        case complete
    }

    /// Starts the new index beside the old one, or finds where an interrupted upgrade stopped.
    /// A fresh start copies the old index's saved searches into the new one and records why it
    /// is being built. The caller holds the new folder's lock (the daemon's `IndexLock`), so
    /// the folder may already exist, holding only that lock.
    public func start(now: Date = Date()) throws -> Progress {
        if let database = try? Database(path: path), try database.metadata(forKey: Schema.versionMetadataKey) == Schema.version {
            return IndexRecovery.rebuilding(of: database).map(Progress.building) ?? .complete
        }
        // Nothing usable there yet (never started, killed before its first commit, or damaged):
        // start afresh, keeping the lock file.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasSuffix(".lock") {
            try FileManager.default.removeItem(atPath: path + "/" + name)
        }
        let saved = IndexRecovery.savedSearches(of: indexPath)
        let record = IndexRecovery.SetAside(reason: reason, keptAt: indexPath, since: ISO8601DateFormatter().string(from: now),
                                            savedSearches: saved.count, oldIndexServes: true)
        let indexer = try Indexer(path: path)
        for entry in saved {
            try indexer.restoreSavedSearch(entry.search, matches: entry.matches)
        }
        try IndexRecovery.record(record, in: indexer)
        try indexer.commit()
        indexer.database.close()
        return .building(record)
    }

    /// Puts the complete new index in the index folder's place in one exchange, then renames the
    /// old one `INDEX.set-aside-DATE`; returns that name. No index handle may be open on either
    /// folder: an open Xapian database keeps writing by the path it was opened with.
    @discardableResult
    public func swapIn(now: Date = Date()) throws -> String {
        Failpoint.crash(at: Step.beforeExchange)
        try DirectoryExchange.exchange(indexPath, path)
        Failpoint.crash(at: Step.afterExchange)
        return try Self.setAsideLeftover(of: indexPath, now: now) ?? path
    }

    /// At start, with the index at `indexPath` good: an `INDEX.upgrade` still beside it is the
    /// old index of an upgrade killed after its exchange (or a build abandoned when the index
    /// was restored from a copy); it is renamed `INDEX.set-aside-DATE` and the name returned.
    public static func setAsideLeftover(of indexPath: String, now: Date = Date()) throws -> String? {
        let leftover = folder(of: indexPath)
        guard FileManager.default.fileExists(atPath: leftover) else { return nil }
        let aside = IndexRecovery.setAsideFolder(of: indexPath, now: now)
        try FileManager.default.moveItem(atPath: leftover, toPath: aside)
        return aside
    }
}

/// `renameat2(2)` with `RENAME_EXCHANGE`: two paths swap what they name in one step, so the
/// index folder never stops naming a whole index. Glibc declares it only under `_GNU_SOURCE`,
/// which Swift's Glibc module does not set, so it is looked up by name.
public enum DirectoryExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: UInt32 = 1 << 1

    /// Swaps the folders at `first` and `second` (on one file system).
    public static func exchange(_ first: String, _ second: String) throws {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
            throw IndexRecoveryError(reason: "this C library has no renameat2, needed to swap \(second) in for \(first)")
        }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        guard renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 else {
            throw IndexRecoveryError(reason: "cannot exchange \(first) and \(second): \(String(cString: strerror(errno)))")
        }
    }
}

/// Named points where a fault test can have the process killed (`QUORUM_FAILPOINT=NAME`), to
/// show that a crash exactly there loses nothing: fail points as FoundationDB and TiKV use them,
/// cut down to the one action these tests need. Unset, each is one `getenv`.
public enum Failpoint {
    /// Kills the process with SIGKILL when `QUORUM_FAILPOINT` names `name`.
    public static func crash(at name: String) {
        guard let value = getenv("QUORUM_FAILPOINT"), String(cString: value) == name else { return }
        kill(getpid(), SIGKILL)
    }
}
