import Dispatch
import Foundation
public import Logging
public import MinutesIndex
import ServiceLifecycle
import Synchronization

/// A change to the index, as the write queue takes it.
public enum WriteJob: Sendable, Equatable {
    /// Index (or re-index) the file at this path.
    case indexFile(String)
    /// Remove the items of the file that was at this path.
    case removeFile(String)
    /// Remove the items of every file under this folder (it was deleted or moved away).
    case removeFolder(String)
    /// Remove the items of the source with this id.
    case removeSource(String)
    /// Save a search (replacing one of the same name); new items that match it are recorded.
    case saveSearch(name: String, request: SearchRequest)
    /// Forget a saved search and its matches.
    case removeSavedSearch(String)
    /// Record that a rebuild after a recovery has indexed every file (``IndexRecovery``).
    case finishRebuild
}

/// What a write job did, reported once the commit that made it visible has happened.
public enum WriteResult: Sendable, Equatable {
    /// What indexing a file did: the indexer's own outcome.
    case file(IndexOutcome)
    case removed(sourceIDs: [String])
    case savedSearch(SavedSearch)
    /// Whether a saved search of that name existed.
    case savedSearchRemoved(Bool)
    case rebuildFinished
}

/// The index's single writer (Xapian allows one): jobs run one at a time on a thread of their
/// own, and commits are batched — when the queue drains, or every ``commitInterval`` under a
/// steady load — never once per item or per file during a bulk load.
///
/// Jobs are taken newest file first, folders in turn (``JobSchedule``): a file landing during a
/// bulk load is searchable within a commit interval or so instead of after the whole backlog.
///
/// A job's caller is answered after the commit that holds the job, so a document it was told
/// about is already searchable.
public final class WriteQueue: @unchecked Sendable {
    /// Hears a job's result once it is committed, or why it was not done.
    public typealias Completion = @Sendable (Result<WriteResult, any Error>) -> Void
    private typealias Waiter = Completion

    // @unchecked: `indexer`, `reopenIndexer` and `awaitingCommit` are touched only on `queue`;
    // the rest is in Mutexes.
    private var indexer: Indexer
    private var reopenIndexer: (@Sendable () throws -> Indexer)?
    private let queue = DispatchQueue(label: "quorum.index-writer")
    private let logger: Logger
    private let onCommit: @Sendable () -> Void
    private var awaitingCommit: [(Waiter, WriteResult)] = []
    private var lastCommitStarted = ContinuousClock.now
    private let state = Mutex(State())
    /// Reads and parses the file the writer takes next while it writes this one: during a bulk
    /// load that is a fifth of the work off the writer's thread (as `quorum index` does). One
    /// file at a time, kept until the writer takes it or reads another.
    private let readAhead = ReadAhead(kept: 1)
    /// Tests change a file here, after it is read ahead and before it is indexed.
    var didReadAhead: (@Sendable (String) -> Void)?

    /// How long a steady stream of jobs may go without a commit.
    public let commitInterval: Duration

    private struct State {
        /// Jobs submitted and not yet run (a job joining a queued one for the same file counts).
        var pending = 0
        var schedule = JobSchedule<Waiter>()
        var lastCommit: Date?
        var lastError: String?
        var writerError: WriterError?
        /// The index's sources as of the last job, by id; kept up to date job by job (only the
        /// sources a job names change), never copied whole per job.
        var sources: [String: SourceRecord] = [:]
        var itemCount = 0
        var closed = false
        var closingCommitSucceeded: Bool?
        /// Callers of ``holdingCommits(_:)`` still running: while any is, jobs run but nothing commits.
        var commitHolds = 0
    }

    /// Takes over `indexer`; `onCommit` runs after every commit (readers reopen then).
    /// `reopen` opens the index afresh after a failed write (a full disk), so the writer goes
    /// back to the last commit instead of carrying half-written state; without it the writer
    /// keeps its handle.
    public init(indexer: Indexer, commitInterval: Duration = .milliseconds(250), logger: Logger,
                onCommit: @escaping @Sendable () -> Void = {},
                reopen: (@Sendable () throws -> Indexer)? = nil) {
        self.indexer = indexer
        self.reopenIndexer = reopen
        self.commitInterval = commitInterval
        self.logger = logger
        self.onCommit = onCommit
        state.withLock {
            $0.sources = Self.byID(indexer.sources)
            $0.itemCount = indexer.database.documentCount
        }
    }

    /// Runs a job and returns its result once it is committed.
    public func submit(_ job: WriteJob) async throws -> WriteResult {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(job) { continuation.resume(with: $0) }
        }
    }

    /// Queues a job at once, in the caller's order; `completion` hears its result once it is
    /// committed. The folder sync queues each file event this way, so two events for one path
    /// reach the queue in the order the kernel reported them.
    public func enqueue(_ job: WriteJob, completion: @escaping Completion) {
        let accepted = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.pending += 1
            state.schedule.add(job, waiter: completion)
            return true
        }
        guard accepted else {
            completion(.failure(WriteQueueError.closed))
            return
        }
        // One turn of the writer per job queued; a turn runs whichever job is due then.
        queue.async { self.runNext() }
    }

    /// Jobs submitted and not yet committed.
    public var depth: Int { state.withLock { $0.pending } }
    /// When the last commit finished.
    public var lastCommit: Date? { state.withLock { $0.lastCommit } }
    /// The last commit's failure, if the last commit failed.
    public var lastError: String? { state.withLock { $0.lastError } }
    /// Why the index could not be written, while it cannot (cleared by the next good commit).
    public var writerError: WriterError? { state.withLock { $0.writerError } }
    /// The sources the index knows, as of the last job, by path.
    public var sources: [SourceRecord] {
        state.withLock { Array($0.sources.values) }.sorted { $0.path < $1.path }
    }
    /// Items in the index, as of the last job.
    public var itemCount: Int { state.withLock { $0.itemCount } }

    /// Refuses new jobs and drops those still queued (each caller hears ``WriteQueueError/closed``);
    /// the job running now finishes. Called as graceful shutdown starts, so a stop never waits
    /// for a long queue: the next start's reconciliation finds the dropped files again.
    public func stopTakingJobs() {
        state.withLock { $0.closed = true }
    }

    /// Refuses new jobs, drops those queued, commits what is done and returns whether that commit
    /// succeeded. Called on graceful shutdown.
    @discardableResult
    public func close() async -> Bool {
        stopTakingJobs()
        let committed = await withCheckedContinuation { (done: CheckedContinuation<Bool, Never>) in
            queue.async {
                done.resume(returning: self.commitNow())
            }
        }
        state.withLock { $0.closingCommitSucceeded = committed }
        return committed
    }

    /// Whether the commit on closing succeeded; nil until the queue has closed.
    public var closingCommitSucceeded: Bool? { state.withLock { $0.closingCommitSucceeded } }

    /// Runs `body` while the writer commits nothing: jobs still run, and their commit (so
    /// their callers' answers) waits until `body` ends. A reader's commit then stays whole
    /// however long `body` reads it: Xapian reuses the blocks of a revision two commits old, so
    /// a copy of a large index taken while files land every few hundred milliseconds would
    /// otherwise never finish (`DatabaseModifiedError`; ``IndexBackup``).
    public func holdingCommits<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        state.withLock { $0.commitHolds += 1 }
        defer {
            let released = state.withLock { state -> Bool in
                state.commitHolds -= 1
                return state.commitHolds == 0
            }
            if released { queue.async { if !self.awaitingCommit.isEmpty { self.commitNow() } } }
        }
        return try await body()
    }

    /// Between two jobs: commits what is done, closes the index, runs `swap` (which moves index
    /// folders about: ``SchemaUpgrade/swapIn(now:)``) and from then on writes to the index
    /// `reopen` opens, which it also uses after failed writes; returns what `swap` returned.
    /// When the commit or `swap` fails, the writer goes on with the index it had, and this throws.
    public func switchIndex<T: Sendable>(swap: @escaping @Sendable () throws -> T,
                                         reopen: @escaping @Sendable () throws -> Indexer) async throws -> T {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<T, any Error>) in
            queue.async {
                done.resume(with: Result { try self.switchIndexNow(swap: swap, reopen: reopen) })
            }
        }
    }

    /// Holds every job not yet started until ``releaseJobs()`` (the running one finishes), so a
    /// test can queue jobs before any runs and see the order they are taken in.
    func holdJobs() { queue.suspend() }

    /// Lets held jobs run.
    func releaseJobs() { queue.resume() }

    // MARK: - On the writer's queue

    private func switchIndexNow<T>(swap: () throws -> T, reopen: @escaping @Sendable () throws -> Indexer) throws -> T {
        guard commitNow() else { throw WriteQueueError.notCommitted(lastError ?? "the commit failed") }
        indexer.database.close()
        let swapped: T
        do {
            swapped = try swap()
        } catch {
            if let reopenIndexer { indexer = try reopenIndexer() }
            throw error
        }
        indexer = try reopen()
        reopenIndexer = reopen
        let count = indexer.database.documentCount
        state.withLock {
            $0.sources = Self.byID(indexer.sources)
            $0.itemCount = count
        }
        return swapped
    }

    private func runNext() {
        let (taken, closed) = state.withLock { ($0.schedule.next(), $0.closed) }
        guard let taken else { return }  // its job joined one that has run already
        let waiters = taken.waiters
        if closed {
            state.withLock { $0.pending -= waiters.count }
            for waiter in waiters { waiter(.failure(WriteQueueError.closed)) }
            return
        }
        let job = taken.job
        let started = ContinuousClock.now
        // This job's file, if it was read ahead; then the next job's file is read meanwhile.
        let readFile: PreparedFile? = if case let .indexFile(path) = job { takeReadAhead(of: path) } else { nil }
        if case let .indexFile(path)? = state.withLock({ $0.schedule.peek() }) { readAhead(path) }
        let result: WriteResult
        do {
            result = try perform(job, readAhead: readFile)
            log(job, result, since: started)
            awaitingCommit.append(contentsOf: waiters.map { ($0, result) })
        } catch {
            // Only the index itself throws here (reading failures are results): the change is
            // cancelled and the writer goes back to the last commit.
            logger.error("failed \(job): \(error)")
            for waiter in waiters { waiter(.failure(error)) }
            state.withLock { $0.pending -= waiters.count }
            abandonUncommitted(because: error)
            return
        }
        let changed = result.sourceIDs.map { ($0, indexer.source(id: $0)) }
        let remaining = state.withLock { state -> Int in
            state.pending -= waiters.count
            for (id, record) in changed { state.sources[id] = record }
            return state.pending
        }
        if remaining == 0 || ContinuousClock.now - lastCommitStarted >= commitInterval, state.withLock({ $0.commitHolds == 0 }) {
            commitNow()
        }
    }

    /// Runs `job`; an `.indexFile` job indexes `readAhead` when that is its file as it is now.
    private func perform(_ job: WriteJob, readAhead: PreparedFile?) throws -> WriteResult {
        switch job {
        case let .indexFile(path):
            let outcome = if let readAhead, readAhead.isCurrent { try indexer.index(readAhead) } else { try indexer.indexFile(atPath: path) }
            return .file(outcome)
        case let .removeFile(path):
            let id = indexer.source(atPath: path)?.id
            return .removed(sourceIDs: try indexer.removeSource(atPath: path) ? [id].compactMap { $0 } : [])
        case let .removeFolder(folder):
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            let ids = indexer.sources.filter { $0.path.hasPrefix(prefix) }.map(\.id)
            for id in ids { try indexer.removeSource(id: id) }
            return .removed(sourceIDs: ids)
        case let .removeSource(id):
            return .removed(sourceIDs: try indexer.removeSource(id: id) ? [id] : [])
        case let .saveSearch(name, request):
            return .savedSearch(try indexer.addSavedSearch(name: name, request: request))
        case let .removeSavedSearch(name):
            return .savedSearchRemoved(try indexer.removeSavedSearch(name: name))
        case .finishRebuild:
            try IndexRecovery.finishRebuild(of: indexer)
            return .rebuildFinished
        }
    }

    /// Starts reading and parsing the file at `path` ahead, unless a read-ahead is still running
    /// (one at a time, so the writer never waits behind another file's); what the index knows
    /// of it is looked up here, on the writer's queue, which owns the indexer.
    private func readAhead(_ rawPath: String) {
        guard !readAhead.isBusy else { return }
        let path = CorpusPath.standard(rawPath)
        let (options, known, id) = (indexer.readOptions, indexer.knownFingerprint(atPath: path), indexer.sourceID(forPath: path))
        readAhead.want(path) { [weak self] in
            let file = PreparedFile.read(path: path, options: options, knownFingerprint: known, sourceID: id)
            self?.didReadAhead?(path)
            return file
        }
    }

    /// The file at `path` as read ahead, if it was. Waits for a read-ahead of this file, never
    /// for one of another: a file that landed since goes first, and must not wait for a long
    /// PDF or OCR read.
    private func takeReadAhead(of rawPath: String) -> PreparedFile? {
        readAhead.take(CorpusPath.standard(rawPath))
    }

    /// Commits what is pending; false when the commit failed (logged, and recorded for `/status`).
    @discardableResult
    private func commitNow() -> Bool {
        lastCommitStarted = .now
        let waiting = awaitingCommit
        awaitingCommit = []
        do {
            try indexer.commit()
            let count = indexer.database.documentCount
            state.withLock {
                $0.lastCommit = Date()
                $0.lastError = nil
                $0.writerError = nil
                $0.itemCount = count
            }
            if !waiting.isEmpty {
                logger.info("committed \(waiting.count) change(s); index holds \(count) items")
            }
            onCommit()
            for (waiter, result) in waiting { waiter(.success(result)) }
            return true
        } catch {
            logger.error("commit failed: \(error)")
            awaitingCommit = waiting
            abandonUncommitted(because: error)
            return false
        }
    }

    /// After a failed write: nothing half-written is visible (Xapian keeps the last good commit),
    /// the waiting callers hear why, and the index is opened afresh so the writer's view —
    /// sources, items — is the committed one again. The files are retried by the next rescan
    /// (``CorpusSync``), which finds them missing or out of date.
    private func abandonUncommitted(because error: any Error) {
        let waiting = awaitingCommit
        awaitingCommit = []
        let message = "\(error)"
        state.withLock {
            $0.lastError = message
            $0.writerError = WriterError(message: message, since: $0.writerError?.since ?? Date())
        }
        for (waiter, _) in waiting { waiter(.failure(error)) }
        guard let reopenIndexer else { return }
        // Close inside a fresh transaction: closing aborts it, where a plain close would try to
        // commit the very changes that just failed.
        try? indexer.database.beginTransaction(flushed: false)
        indexer.database.close()
        do {
            indexer = try reopenIndexer()
        } catch {
            logger.critical("cannot reopen the index after a failed write: \(error)")
            return
        }
        let count = indexer.database.documentCount
        state.withLock {
            $0.sources = Self.byID(indexer.sources)
            $0.itemCount = count
        }
        lastCommitStarted = .now
    }

    private static func byID(_ sources: [SourceRecord]) -> [String: SourceRecord] {
        Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    private func log(_ job: WriteJob, _ result: WriteResult, since started: ContinuousClock.Instant) {
        let ms = Int((ContinuousClock.now - started) / .milliseconds(1))
        switch result {
        case let .file(.indexed(_, items)):
            if case let .indexFile(path) = job { logger.info("indexed \(path) → \(items.count) items in \(ms) ms") }
        case let .file(.failed(_, reason)):
            if case let .indexFile(path) = job { logger.warning("failed \(path): \(reason)") }
        case let .removed(ids) where !ids.isEmpty:
            logger.info("removed \(ids.joined(separator: ", "))")
        case let .savedSearch(saved):
            logger.info("saved search \(saved.name): \(saved.query)")
        case .rebuildFinished:
            logger.notice("rebuilt: every file of the watched folders is indexed again (\(itemCount) items)")
        case .file(.unchanged), .removed, .savedSearchRemoved:
            logger.debug("no change for \(job)")
        }
    }
}

extension WriteResult {
    /// The sources whose records the job may have changed.
    var sourceIDs: [String] {
        switch self {
        case let .file(.indexed(id, _)), let .file(.unchanged(id)), let .file(.failed(id, _)): return [id]
        case let .removed(ids): return ids
        case .savedSearch, .savedSearchRemoved, .rebuildFinished: return []
        }
    }
}

/// A failure to write the index (a full disk, an I/O error), reported in `/status` until a commit works again.
public struct WriterError: Sendable, Equatable {
    /// Xapian's message.
    public var message: String
    /// When writing first failed in this run of failures.
    public var since: Date
}

/// Why the write queue refused a job.
public enum WriteQueueError: Error, CustomStringConvertible, Sendable {
    /// The daemon is shutting down.
    case closed
    /// What was done could not be committed (a full disk), so the index was not switched.
    case notCommitted(String)

    public var description: String {
        switch self {
        case .closed: "the index is closing; no more changes are taken"
        case let .notCommitted(reason): "the index was not switched: \(reason)"
        }
    }
}

extension WriteQueue: Service {
    /// The writer as a service of the daemon's group: it writes as jobs come, and on graceful
    /// shutdown (or when the group is cancelled) it closes, committing what is done
    /// (``closingCommitSucceeded`` says whether that worked).
    public func run() async {
        try? await gracefulShutdown()
        await close()
    }
}
