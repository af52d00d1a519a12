import Foundation
import Xapian

/// Compacts an index folder with Xapian's compactor (what `xapian-compact` does): the same
/// items and answers, in fewer bytes, since a freshly written index leaves its blocks part-full.
public enum IndexCompactor {
    /// Sizes before and after, in bytes.
    public struct Outcome: Sendable, Equatable {
        /// The index's size before compacting.
        public var bytesBefore: Int
        /// The compacted index's size.
        public var bytesAfter: Int
    }

    /// Compacts the index at `path` into `output`, which must not exist; `path` is not changed.
    public static func compact(index path: String, into output: String, level: CompactionLevel = .full) throws -> Outcome {
        if FileManager.default.fileExists(atPath: output) {
            throw IndexError.invalidParameter(name: "output", reason: "\(output) already exists")
        }
        let database = try Database(path: path)
        try database.compact(to: output, level: level)
        return Outcome(bytesBefore: try folderSize(path), bytesAfter: try folderSize(output))
    }

    /// Compacts the index at `path` in place. The index's write lock is held throughout, so no
    /// writer (a running quorumd) can change it meanwhile — that fails with `.databaseLock`.
    /// The compacted copy is written beside the index and only swapped in once complete, so a
    /// failure leaves the index as it was.
    public static func compactInPlace(index path: String, level: CompactionLevel = .full) throws -> Outcome {
        let folder = CorpusPath.standard(path)
        let fresh = folder + ".compacting"
        let old = folder + ".before-compaction"
        for leftover in [fresh, old] where FileManager.default.fileExists(atPath: leftover) {
            try FileManager.default.removeItem(atPath: leftover)  // from an earlier interrupted run
        }
        let bytesBefore = try folderSize(folder)
        do {
            let writer = try WritableDatabase(path: folder, mode: .open)
            try writer.compact(to: fresh, level: level)
            writer.close()
        } catch {
            try? FileManager.default.removeItem(atPath: fresh)
            throw error
        }
        try FileManager.default.moveItem(atPath: folder, toPath: old)
        do {
            try FileManager.default.moveItem(atPath: fresh, toPath: folder)
        } catch {
            try? FileManager.default.moveItem(atPath: old, toPath: folder)
            throw error
        }
        try FileManager.default.removeItem(atPath: old)
        return Outcome(bytesBefore: bytesBefore, bytesAfter: try folderSize(folder))
    }

    /// The bytes of the regular files in a folder (or of one file).
    public static func folderSize(_ path: String) throws -> Int {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return 0 }
        if !isFolder.boolValue {
            return (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
        var total = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: path) {
            let attributes = try FileManager.default.attributesOfItem(atPath: (path as NSString).appendingPathComponent(name))
            if attributes[.type] as? FileAttributeType == .typeRegular { total += (attributes[.size] as? Int) ?? 0 }
        }
        return total
    }
}
