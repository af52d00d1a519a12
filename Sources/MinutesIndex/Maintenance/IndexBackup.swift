import Foundation
import Xapian

/// Consistent copies of an index while it is written, and putting one back.
///
/// A backup is Xapian's compactor run from a reader: a reader sees one commit (revision) from
/// start to end, so the copy holds exactly that commit's items, spelling, synonyms and metadata
/// (sources, acronyms, saved searches), however many files the writer indexes meanwhile. Should
/// the writer commit so often that the blocks of that revision are reused before the copy is
/// done, Xapian says so (`DatabaseModifiedError`) and the copy starts again from the newest
/// commit. The copy is written beside the destination and renamed into place when complete and
/// checked, so a destination folder is always a whole backup.
public enum IndexBackup {
    /// What a backup holds, written into it as ``manifestFileName``.
    public struct Manifest: Codable, Sendable, Equatable {
        /// The commit copied (Xapian's revision number).
        public var revision: UInt64
        /// Items in that commit.
        public var items: Int
        /// The index's UUID (a backup keeps it).
        public var uuid: String
        /// ISO 8601: when the copy was made.
        public var takenAt: String
        /// The folder the backup was written to.
        public var path: String

        enum CodingKeys: String, CodingKey {
            case revision, items, uuid, path
            case takenAt = "taken_at"
        }
    }

    /// The manifest's file name inside a backup folder.
    public static let manifestFileName = "quorum-backup.json"

    /// Copies the index at `path` at its latest commit into `destination`, which must not exist.
    /// - Parameter attempts: how many times to start again when the writer outpaces the copy.
    public static func backup(index path: String, to destination: String, attempts: Int = 5, now: Date = Date()) throws -> Manifest {
        let destination = CorpusPath.standard(destination)
        if FileManager.default.fileExists(atPath: destination) {
            throw IndexError.invalidParameter(name: "backup folder", reason: "\(destination) already exists")
        }
        let partial = destination + ".partial"
        var lastError: (any Error)?
        for _ in 0..<max(attempts, 1) {
            try? FileManager.default.removeItem(atPath: partial)
            do {
                let database = try Database(path: path)
                let revision = try database.revision()
                let items = database.documentCount
                try database.compact(to: partial, level: .full)
                let copy = try Database(path: partial)
                guard copy.documentCount == items else {
                    throw IndexError.invalidParameter(name: "backup", reason: "the copy holds \(copy.documentCount) items, its commit \(items)")
                }
                let manifest = Manifest(revision: revision, items: items, uuid: database.uuid,
                                        takenAt: ISO8601DateFormatter().string(from: now), path: destination)
                try encoded(manifest).write(to: URL(fileURLWithPath: partial + "/" + manifestFileName))
                try FileManager.default.moveItem(atPath: partial, toPath: destination)
                return manifest
            } catch let error as XapianError where error.kind == .databaseModified {
                lastError = error  // the writer reused the revision's blocks: copy the newer one
            } catch {
                try? FileManager.default.removeItem(atPath: partial)
                throw error
            }
        }
        try? FileManager.default.removeItem(atPath: partial)
        throw lastError!
    }

    /// The manifest of the backup at `folder`, having checked that it opens and holds its items.
    public static func verified(backup folder: String) throws -> Manifest {
        guard let data = FileManager.default.contents(atPath: folder + "/" + manifestFileName),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else {
            throw IndexError.invalidParameter(name: "backup", reason: "\(folder) is not a quorum backup (no readable \(manifestFileName))")
        }
        let database = try Database(path: folder)
        guard database.documentCount == manifest.items else {
            throw IndexError.invalidParameter(name: "backup", reason: "\(folder) holds \(database.documentCount) items; its manifest says \(manifest.items)")
        }
        return manifest
    }

    /// Puts the backup at `folder` back as the index at `path`, which no writer may have open
    /// (stop quorumd first). The index there, if any, is kept beside it, renamed with the date;
    /// returns the manifest and where the old index went.
    public static func restore(backup folder: String, toIndex path: String, now: Date = Date()) throws -> (Manifest, keptAt: String?) {
        let manifest = try verified(backup: folder)
        let index = CorpusPath.standard(path)
        var keptAt: String?
        if FileManager.default.fileExists(atPath: index) {
            // Fails with `.databaseLock` while quorumd (or `quorum index`) writes it.
            if (try? Database(path: index)) != nil { try WritableDatabase(path: index, mode: .open).close() }
            keptAt = IndexRecovery.datedSibling(of: index, "before-restore", now: now)
        }
        let incoming = index + ".restoring"
        try? FileManager.default.removeItem(atPath: incoming)
        try FileManager.default.copyItem(atPath: folder, toPath: incoming)
        try FileManager.default.removeItem(atPath: incoming + "/" + manifestFileName)
        if let keptAt { try FileManager.default.moveItem(atPath: index, toPath: keptAt) }
        try FileManager.default.moveItem(atPath: incoming, toPath: index)
        return (manifest, keptAt)
    }

    private static func encoded(_ manifest: Manifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(manifest)
    }
}
