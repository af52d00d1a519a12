import Foundation
import Xapian

/// The index is a cache of the watched folders: when it cannot be opened because it is damaged,
/// or because an older build wrote it with another schema, it is set aside (kept for
/// inspection, renamed with the date) and a fresh index takes its place, which the daemon fills
/// again from the folders while it serves. What the folders cannot give back — saved searches
/// and their matches — is carried over from the old index when its metadata can still be read,
/// else from the copy ``Indexer`` keeps beside it (``savedSearchesFileName``).
///
/// Setting aside moves the old index's files into a folder beside it, one `rename(2)` each; the
/// index folder itself stays (it holds the daemon's lock). Killed halfway, the next start finds
/// an index it cannot open again and sets the rest aside too: nothing the folders hold is lost.
///
/// An index of another schema still answers searches, so it is not set aside first: it keeps
/// serving while its successor is built beside it (``SchemaUpgrade``).
public enum IndexRecovery {
    /// What to do with an index that cannot be opened.
    public enum Policy: String, CaseIterable, Sendable {
        /// Set it aside and rebuild from the watched folders.
        case rebuild
        /// Stop with the error (an operator restores a copy).
        case refuse
    }

    /// An index set aside, and why.
    public struct SetAside: Codable, Sendable, Equatable {
        /// Why the index could not be used.
        public var reason: String
        /// The folder the old index's files were moved to.
        public var keptAt: String
        /// ISO 8601: when.
        public var since: String
        /// Saved searches carried over into the fresh index.
        public var savedSearches: Int
        /// The old index answers searches until the new one is complete (a schema upgrade,
        /// ``SchemaUpgrade``): answers are whole, not partial. Then ``keptAt`` is where it serves.
        public var oldIndexServes: Bool

        public init(reason: String, keptAt: String, since: String, savedSearches: Int, oldIndexServes: Bool = false) {
            self.reason = reason
            self.keptAt = keptAt
            self.since = since
            self.savedSearches = savedSearches
            self.oldIndexServes = oldIndexServes
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            reason = try container.decode(String.self, forKey: .reason)
            keptAt = try container.decode(String.self, forKey: .keptAt)
            since = try container.decode(String.self, forKey: .since)
            savedSearches = try container.decode(Int.self, forKey: .savedSearches)
            oldIndexServes = try container.decodeIfPresent(Bool.self, forKey: .oldIndexServes) ?? false
        }

        enum CodingKeys: String, CodingKey {
            case reason, since
            case keptAt = "kept_at"
            case savedSearches = "saved_searches"
            case oldIndexServes = "old_index_serves"
        }
    }

    /// What ``prepare(indexPath:policy:keep:now:)`` found.
    public enum Outcome: Sendable, Equatable {
        /// The index opens with this build's schema (or is new). `setAsideLeftover`: the old
        /// index an upgrade left beside it when killed after its exchange, now set aside there.
        case ready(setAsideLeftover: String?)
        /// It was damaged: set aside, and a fresh index started in its place, to fill from the folders.
        case setAside(SetAside)
        /// It is of another schema: it keeps serving while the upgrade builds its successor.
        case upgrade(SchemaUpgrade)
    }

    /// Metadata key of a fresh index still being filled after a recovery: a ``SetAside`` (JSON),
    /// removed once the folders are indexed again (``finishRebuild(of:)``). A restart in between
    /// goes on rebuilding.
    static let rebuildingMetadataKey = "quorum.rebuilding"
    /// The copy of the saved searches ``Indexer`` writes into the index folder.
    public static let savedSearchesFileName = "quorum-saved-searches.json"

    /// Opens the index at `path` to see whether it can be used. When it is damaged and `policy`
    /// is `.rebuild`, sets it aside and starts a fresh index with its saved searches; when it is
    /// of another schema, returns the upgrade that rebuilds it beside it. Other errors
    /// (permissions, a lock held elsewhere) are thrown as they are: those are not damage.
    /// - Parameter keep: files of the index folder that stay where they are (the daemon's lock).
    public static func prepare(indexPath path: String, policy: Policy, keep: Set<String> = [], now: Date = Date()) throws -> Outcome {
        let reason: String
        do {
            _ = try Indexer(path: path)
            return .ready(setAsideLeftover: try SchemaUpgrade.setAsideLeftover(of: path, now: now))
        } catch let error as XapianError where error.kind == .databaseCorrupt {
            reason = "the index is damaged: \(error.message)"
        } catch let error as IndexError {
            guard case let .incompatibleSchema(found, expected) = error else { throw error }
            let reason = "the index was written with schema version \(found); this build writes version \(expected)"
            guard policy == .rebuild else { throw IndexRecoveryError(reason: reason) }
            return .upgrade(SchemaUpgrade(indexPath: path, reason: reason))
        }
        guard policy == .rebuild else {
            throw IndexRecoveryError(reason: reason)
        }
        let saved = savedSearches(of: path)
        let aside = setAsideFolder(of: path, now: now)
        try FileManager.default.createDirectory(atPath: aside, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where !keep.contains(name) {
            try FileManager.default.moveItem(atPath: path + "/" + name, toPath: aside + "/" + name)
        }
        let setAside = SetAside(reason: reason, keptAt: aside, since: ISO8601DateFormatter().string(from: now),
                                savedSearches: saved.count)
        let indexer = try Indexer(path: path)
        for entry in saved {
            try indexer.restoreSavedSearch(entry.search, matches: entry.matches)
        }
        try record(setAside, in: indexer)
        try indexer.commit()
        return .setAside(setAside)
    }

    /// Records in the index being filled why (durable at the next commit), until ``finishRebuild(of:)``.
    static func record(_ setAside: SetAside, in indexer: Indexer) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try indexer.database.setMetadata(String(decoding: try encoder.encode(setAside), as: UTF8.self), forKey: rebuildingMetadataKey)
    }

    /// `INDEX.set-aside-DATE` beside the index at `path`, for an index kept for inspection.
    static func setAsideFolder(of path: String, now: Date) -> String {
        datedSibling(of: path, "set-aside", now: now)
    }

    /// `PATH.LABEL-DATE` (UTC, to the second), with `-2`, `-3`… when that name is taken.
    static func datedSibling(of path: String, _ label: String, now: Date) -> String {
        let stamp = ISO8601DateFormatter.string(from: now, timeZone: .gmt, formatOptions: [.withFullDate, .withTime])
        let name = "\(path).\(label)-\(stamp)"
        var candidate = name
        var n = 1
        while FileManager.default.fileExists(atPath: candidate) {
            n += 1
            candidate = "\(name)-\(n)"
        }
        return candidate
    }

    /// The recovery a fresh index is still being filled after, if any.
    public static func rebuilding(of database: Database) -> SetAside? {
        guard let value = try? database.metadata(forKey: rebuildingMetadataKey), !value.isEmpty else { return nil }
        return try? JSONDecoder().decode(SetAside.self, from: Data(value.utf8))
    }

    /// Records that the folders are indexed again: the index is whole (durable at the next commit).
    public static func finishRebuild(of indexer: Indexer) throws {
        try indexer.database.setMetadata("", forKey: rebuildingMetadataKey)
    }

    /// A saved search with its recorded matches, as carried over.
    struct SavedEntry: Codable {
        var search: SavedSearch
        var matches: [SavedSearchMatch]
    }

    /// The saved searches of the index at `path`: from its metadata if it still reads, else
    /// from the copy beside it.
    static func savedSearches(of path: String) -> [SavedEntry] {
        if let database = try? Database(path: path), let entries = try? read(SavedSearchStore(database: database)) {
            return entries
        }
        guard let data = FileManager.default.contents(atPath: path + "/" + savedSearchesFileName) else { return [] }
        return (try? JSONDecoder().decode([SavedEntry].self, from: data)) ?? []
    }

    static func read(_ store: SavedSearchStore) throws -> [SavedEntry] {
        try store.list().map { SavedEntry(search: $0, matches: try store.matches(of: $0.name) ?? []) }
    }
}

/// The index cannot be used and `--on-damage refuse` leaves it to the operator.
public struct IndexRecoveryError: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public var description: String {
        "\(reason) (hint: restore the index from a copy, or start with --on-damage rebuild to rebuild it from the watched folders)"
    }
}
