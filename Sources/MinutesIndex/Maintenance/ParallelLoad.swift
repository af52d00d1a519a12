import Foundation
import Xapian
import MinutesIngest
import Synchronization

/// A bulk load on several cores: Xapian allows one writer per database, so N writers fill N
/// temporary databases side by side and Xapian's compactor merges them into the index folder,
/// as large Xapian deployments bulk-load. The merge keeps every table: postings, positions,
/// values, document data, spelling (frequencies summed), synonyms (the acronym pairs, unioned)
/// and metadata (each source's record and acronyms are keys of their own; the schema version
/// is the same in each part).
///
/// Files are dealt to the parts by the slug their source id is made from, so two files of one
/// name land in the same part, in the order given, and get the ids a serial load gives them.
/// Only into an empty index: the parts cannot see what an index already holds.
public enum ParallelLoad {
    /// What one file's indexing came to, for the caller's lines and counts.
    public typealias FileHandler = @Sendable (_ file: String, _ outcome: Result<IndexOutcome, any Error>, _ started: Date) -> Void

    /// Which of `parts` parts the file at `path` goes to.
    static func part(of path: String, parts: Int) -> Int {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        // FNV-1a: Swift's own hash is seeded per process, and the split should be the same each run.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in slug(stem).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(parts))
    }

    /// Indexes `files` into the empty index at `index` with `parts` writers, then merges.
    /// `handle` is called for each file, from the writers' threads.
    /// - Parameters:
    ///   - keeping: files of the index folder the merge leaves in place (a lock).
    ///   - shouldStop: asked before each file; true stops the load with `CancellationError`.
    /// - Returns: how many items the merged index holds.
    /// - Throws: the first writer's or the merge's error; the index folder is then left empty.
    @discardableResult
    public static func load(_ files: [String], into index: String, parts: Int, readOptions: ReadOptions,
                            itemsPerCommit: Int, keeping: Set<String> = [], shouldStop: @escaping @Sendable () -> Bool = { false },
                            handle: @escaping FileHandler) throws -> Int {
        let work = index + ".parts"
        try? FileManager.default.removeItem(atPath: work)  // from an interrupted run
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        var dealt = [[String]](repeating: [], count: parts)
        for file in files { dealt[part(of: CorpusPath.standard(file), parts: parts)].append(file) }

        let failure = Mutex<(any Error)?>(nil)
        let group = DispatchGroup()
        for (k, share) in dealt.enumerated() {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                do {
                    let indexer = try Indexer(path: work + "/part-\(k)")
                    indexer.readOptions = readOptions
                    var uncommitted = 0
                    for file in share {
                        if failure.withLock({ $0 != nil }) { return }
                        if shouldStop() { throw CancellationError() }
                        if uncommitted >= itemsPerCommit { try indexer.commit(); uncommitted = 0 }
                        let started = Date()
                        let outcome = Result { try indexer.indexFile(atPath: file) }
                        if case let .success(.indexed(_, ids)) = outcome { uncommitted += ids.count }
                        handle(file, outcome, started)
                        if case let .failure(error) = outcome { throw error }
                    }
                    try indexer.commit()
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        if let error = failure.withLock({ $0 }) { throw error }

        // The merge: one database over every part, compacted into a folder beside the index,
        // which then takes the index folder's place.
        let combined = try Database(path: work + "/part-0")
        for k in 1..<parts { try combined.add(Database(path: work + "/part-\(k)")) }
        let merged = work + "/merged"
        try combined.compact(to: merged, level: .full)
        for name in try FileManager.default.contentsOfDirectory(atPath: index) where !keeping.contains(name) {
            try FileManager.default.removeItem(atPath: index + "/" + name)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: merged) {
            try FileManager.default.moveItem(atPath: merged + "/" + name, toPath: index + "/" + name)
        }
        return try Database(path: index).documentCount
    }
}
