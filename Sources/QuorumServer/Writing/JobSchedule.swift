/// The order the index writer takes its jobs in: the newest file first, everything else in turn.
///
/// A file that lands while a bulk load is being indexed is the one somebody is waiting for —
/// they just saved it and are about to search for it — while the backlog is nobody's
/// immediate wait. So file jobs (index or remove one path) run newest first, and a job for a
/// path that is already queued joins that job instead of queueing twice: whichever came last
/// says what happens to the file, and every waiter hears the one result.
///
/// Jobs that are not about one file (removing a folder or a source, saved searches) are
/// barriers: they run after every job submitted before them and before every job submitted
/// after them, so newest-first never moves a file across them.
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
        /// File jobs, taken newest first; an entry's live slot is the one carrying its stamp.
        case files([(entry: Entry, stamp: Int)])
        /// One job that keeps its place in line.
        case barrier(Entry)
    }

    /// Oldest first; `head` is the first not yet taken (taken ones are dropped in batches).
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
        var lane: [(entry: Entry, stamp: Int)] = []
        if let last = segments.indices.last, last >= head, case let .files(open) = segments[last] {
            lane = open
            segments[last] = .files([])  // keep the array uniquely referenced while it grows
            segments.removeLast()
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
        lane.append((entry, entry.stamp))
        segments.append(.files(lane))
    }

    /// Takes the job to run next, or nil when none is queued.
    mutating func next() -> Entry? {
        while head < segments.count {
            switch segments[head] {
            case let .barrier(entry):
                segments[head] = .files([])
                advance()
                count -= 1
                return entry
            case .files(var lane):
                segments[head] = .files([])
                while let (entry, stamp) = lane.popLast() {
                    guard stamp == entry.stamp else { continue }  // it moved up the lane
                    if let path = entry.job.filePath, queuedFiles[path] === entry { queuedFiles[path] = nil }
                    entry.stamp += 1  // taken: any other slot it has is stale too
                    segments[head] = .files(lane)
                    count -= 1
                    return entry
                }
                advance()
            }
        }
        return nil
    }

    /// Steps past the first segment, dropping taken segments once they are half the array.
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
}

extension WriteJob {
    /// The one file this job is about, when it is about one file.
    var filePath: String? {
        switch self {
        case let .indexFile(path), let .removeFile(path): return path
        case .removeFolder, .removeSource, .saveSearch, .removeSavedSearch: return nil
        }
    }
}
