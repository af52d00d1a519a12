/// The order the index writer takes its jobs in: the newest file first, folders in turn,
/// everything else in line.
///
/// A file that lands while a bulk load is being indexed is the one somebody is waiting for —
/// they just saved it and are about to search for it — while the backlog is nobody's
/// immediate wait. So file jobs (index or remove one path) run newest first, and a job for a
/// path that is already queued joins that job instead of queueing twice: whichever came last
/// says what happens to the file, and every waiter hears the one result. Folders with files
/// queued take turns, so an archive copied into one folder holds up a file landing in another
/// by one job at most, even while the copy is still landing.
///
/// Jobs that are not about one file (removing a folder or a source, saved searches) are
/// barriers: they run after every job submitted before them and before every job submitted
/// after them, so neither newest-first nor taking turns ever moves a file across them.
///
/// Not thread-safe: ``WriteQueue`` keeps it under its lock.
struct JobSchedule<Waiter> {
    /// A job to run, with everybody waiting for its result.
    final class Entry {
        fileprivate(set) var job: WriteJob
        fileprivate(set) var waiters: [Waiter]
        /// Bumped each time the entry moves to the top of its lane; older slots are then stale.
        fileprivate var stamp = 0

        fileprivate init(job: WriteJob, waiter: Waiter) {
            self.job = job
            waiters = [waiter]
        }
    }

    private enum Segment {
        case files(FileLanes)
        /// One job that keeps its place in line.
        case barrier(Entry)
    }

    /// File jobs between two barriers: a lane per folder, each taken newest first, the folders in turn.
    private final class FileLanes {
        /// An entry's live slot is the one carrying its current stamp.
        var lanes: [String: [(entry: Entry, stamp: Int)]] = [:]
        /// Folders with jobs queued, in the order they first had one; `turn` is whose turn it is.
        var folders: [String] = []
        var turn = 0

        func push(_ entry: Entry, folder: String) {
            if lanes[folder] == nil { folders.append(folder) }
            lanes[folder, default: []].append((entry, entry.stamp))
        }

        /// The newest live entry of the next folder that has one.
        func pop() -> Entry? {
            while !folders.isEmpty {
                if turn >= folders.count { turn = 0 }
                let folder = folders[turn]
                while let (entry, stamp) = lanes[folder]?.popLast() {
                    guard stamp == entry.stamp else { continue }  // it moved up the lane
                    entry.stamp += 1  // taken: any other slot it has is stale too
                    if lanes[folder]?.isEmpty == true { drop(folder) } else { turn += 1 }
                    return entry
                }
                drop(folder)
            }
            return nil
        }

        /// The entry ``pop()`` would return now, without taking it: the same walk over the
        /// folders from `turn`, where a folder with no live entry is passed over as `pop` drops it.
        func peek() -> Entry? {
            for step in 0..<folders.count {
                let folder = folders[(turn + step) % folders.count]
                if let live = lanes[folder]?.last(where: { $0.stamp == $0.entry.stamp }) { return live.entry }
            }
            return nil
        }

        private func drop(_ folder: String) {
            lanes[folder] = nil
            folders.remove(at: turn)  // the next folder moves into this turn
        }
    }

    /// Oldest first; `head` is the first not yet finished (finished ones are dropped in batches).
    private var segments: [Segment] = []
    private var head = 0
    /// File jobs of the last segment, by path: the ones a new job for the same path joins.
    private var queuedFiles: [String: Entry] = [:]

    /// Jobs queued and not yet taken.
    private(set) var count = 0

    /// Queues `job`; `waiter` hears its result (or the result of the job it joins).
    mutating func add(_ job: WriteJob, waiter: Waiter) {
        guard let path = job.filePath else {
            queuedFiles = [:]
            segments.append(.barrier(Entry(job: job, waiter: waiter)))
            count += 1
            return
        }
        let lanes: FileLanes
        if segments.count > head, case let .files(open) = segments[segments.count - 1] {
            lanes = open
        } else {
            lanes = FileLanes()
            segments.append(.files(lanes))
        }
        let entry: Entry
        if let queued = queuedFiles[path] {
            queued.job = job
            queued.waiters.append(waiter)
            queued.stamp += 1
            entry = queued
        } else {
            entry = Entry(job: job, waiter: waiter)
            queuedFiles[path] = entry
            count += 1
        }
        lanes.push(entry, folder: Self.folder(of: path))
    }

    /// Takes the job to run next, or nil when none is queued.
    mutating func next() -> Entry? {
        while head < segments.count {
            switch segments[head] {
            case let .barrier(entry):
                advance()
                count -= 1
                return entry
            case let .files(lanes):
                guard let entry = lanes.pop() else {
                    advance()
                    continue
                }
                if let path = entry.job.filePath, queuedFiles[path] === entry { queuedFiles[path] = nil }
                count -= 1
                return entry
            }
        }
        return nil
    }

    /// The job ``next()`` would take now, without taking it: what the writer reads ahead.
    func peek() -> WriteJob? {
        for segment in segments[head...] {
            switch segment {
            case let .barrier(entry): return entry.job
            case let .files(lanes): if let entry = lanes.peek() { return entry.job }
            }
        }
        return nil
    }

    /// Steps past the first segment, dropping finished segments once they are half the array.
    private mutating func advance() {
        head += 1
        if head == segments.count {
            segments.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 64 && head * 2 > segments.count {
            segments.removeFirst(head)
            head = 0
        }
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}

extension WriteJob {
    /// The one file this job is about, when it is about one file.
    var filePath: String? {
        switch self {
        case let .indexFile(path), let .removeFile(path): return path
        case .removeFolder, .removeSource, .saveSearch, .removeSavedSearch, .finishRebuild: return nil
        }
    }
}
