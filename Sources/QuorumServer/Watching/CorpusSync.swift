import Foundation
public import Logging
public import ServiceLifecycle
import MinutesIndex
import Synchronization

/// Keeps the index in step with the watched folders: on start it reconciles what is on disk
/// with what the index holds (whatever arrived, changed or vanished while the daemon was down),
/// then turns each watcher event into a write job.
public final class CorpusSync: Service, Sendable {
    private let watcher: FolderWatcher
    private let writer: WriteQueue
    private let scanner: FolderScanner
    private let logger: Logger
    /// How often the folders are reconciled again while running; nil for never.
    public let rescanInterval: Duration?
    /// How far the reconciliations' files are done (`/status`'s `backlog`), and the rebuild
    /// after a recovery they complete.
    public let progress: BacklogProgress
    /// How often a backlog's progress is logged.
    static let progressLogInterval = Duration.seconds(5)
    /// Runs once a rebuild's last file is in and recorded, before the rebuild counts as done:
    /// the swap of an upgrade (``SchemaUpgrade``). When it throws, the next rescan tries again.
    private let afterRebuild: @Sendable () async throws -> Void
    /// Set while a rebuild's end is being recorded, so two reconciliations never finish it twice.
    private let finishing = Atomic<Bool>(false)
    /// How a large first scan into an empty index is loaded, if it may be.
    private let bulkLoad: BulkLoad?

    /// A first scan of at least `threshold` files into an empty index, loaded on every core
    /// (``ParallelLoad``) instead of one job at a time: `load` indexes the files, calling
    /// `fileDone` with each one's item count, and returns once the loaded index has taken the
    /// empty one's place. Searches meanwhile see the empty index; `/status` shows the backlog.
    public struct BulkLoad: Sendable {
        public var threshold: Int
        public var load: @Sendable (_ files: [String], _ fileDone: @escaping @Sendable (_ items: Int) -> Void) async throws -> Void

        public init(threshold: Int, load: @escaping @Sendable ([String], @escaping @Sendable (Int) -> Void) async throws -> Void) {
            self.threshold = threshold
            self.load = load
        }
    }

    /// `rescanInterval`: besides the start-up reconciliation, reconcile again this often while the
    /// writer is idle. That retries what events cannot announce: a file whose permissions were
    /// fixed, and files a failed write (a full disk) left out.
    public init(watcher: FolderWatcher, writer: WriteQueue, scanner: FolderScanner = FolderScanner(),
                rescanInterval: Duration? = nil, progress: BacklogProgress = BacklogProgress(),
                afterRebuild: @escaping @Sendable () async throws -> Void = {}, bulkLoad: BulkLoad? = nil, logger: Logger) {
        self.progress = progress
        self.afterRebuild = afterRebuild
        self.bulkLoad = bulkLoad
        self.watcher = watcher
        self.writer = writer
        self.scanner = scanner
        self.rescanInterval = rescanInterval
        self.logger = logger
    }

    public func run() async throws {
        if let bulkLoad { await loadInBulk(bulkLoad) }
        // Jobs are queued as they come, in order, without waiting for their commits: the
        // writer batches the commits of whatever is queued. After a bulk load, this finds
        // what changed while it ran.
        reconcile()
        await withDiscardingTaskGroup { rescans in
            if let rescanInterval {
                rescans.addTask { await self.rescanPeriodically(every: rescanInterval) }
            }
            rescans.addTask { await self.logProgressPeriodically() }
            for await event in watcher.events.cancelOnGracefulShutdown() {
                switch event {
                case let .changed(path): enqueue(.indexFile(path))
                case let .removed(path): enqueue(.removeFile(path))
                case let .folderRemoved(path): enqueue(.removeFolder(path))
                case .eventsLost:
                    logger.warning("the kernel dropped file events; reconciling the folders again")
                    reconcile()
                }
            }
            // Graceful shutdown: stop the rescans; queued jobs finish or are dropped by the writer.
            rescans.cancelAll()
        }
    }

    private func rescanPeriodically(every interval: Duration) async {
        while (try? await Task.sleep(for: interval)) != nil {
            // A busy writer will see its files through; a rescan then would only queue duplicates.
            guard writer.depth == 0 else { continue }
            reconcile()
        }
    }

    /// Queues the reconciliation's jobs, counted in ``progress``. A rebuild is complete when a
    /// reconciliation finds nothing to do: checked again after the last of its jobs, since some
    /// may have failed (a full disk) and are left for the next rescan.
    private func reconcile() {
        let jobs = reconciliationJobs()
        progress.add(files: jobs.count, items: writer.itemCount)
        for job in jobs {
            enqueue(job) { [self] in
                guard progress.fileDone(), progress.rebuilding != nil else { return }
                Task { if reconciliationJobs().isEmpty { finishRebuildIfAny() } }
            }
        }
        if jobs.isEmpty { finishRebuildIfAny() }
    }

    /// The first scan as one bulk load, when it is large enough; on failure the reconciliation
    /// that follows queues its files one at a time.
    private func loadInBulk(_ bulkLoad: BulkLoad) async {
        let jobs = reconciliationJobs()
        let files = jobs.compactMap { job -> String? in if case let .indexFile(path) = job { path } else { nil } }
        guard files.count >= bulkLoad.threshold, files.count == jobs.count else { return }
        logger.notice("bulk load: \(files.count) files into the empty index, one writer per core, merged at the end")
        progress.add(files: files.count, items: 0)
        let started = ContinuousClock.now
        do {
            // A stop cancels it (the next start loads again into the still empty index).
            try await cancelWhenGracefulShutdown { [progress] in
                try await bulkLoad.load(files) { [progress] items in progress.bulkFileDone(items: items) }
            }
            logger.notice("bulk load done: \(writer.itemCount) items from \(files.count) files in \(Int((ContinuousClock.now - started) / .seconds(1))) s")
        } catch is CancellationError {
            progress.abandonBacklog()
            logger.notice("bulk load stopped: the daemon is stopping; the next start loads again")
        } catch {
            progress.abandonBacklog()
            logger.error("bulk load failed: \(error); indexing the files one at a time instead")
        }
    }

    /// After a recovery, once every file is indexed again: the index is whole.
    private func finishRebuildIfAny() {
        guard progress.rebuilding != nil, finishing.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        writer.enqueue(.finishRebuild) { [self] result in
            switch result {
            case .success:
                Task {
                    do {
                        try await afterRebuild()
                        progress.finishRebuild()
                    } catch {
                        logger.error("cannot put the rebuilt index in place: \(error); trying again at the next rescan")
                    }
                    finishing.store(false, ordering: .releasing)
                }
            case let .failure(error):
                logger.error("cannot record the end of the rebuild: \(error)")
                finishing.store(false, ordering: .releasing)
            }
        }
    }

    /// Every few seconds while a backlog is outstanding, where it stands.
    private func logProgressPeriodically() async {
        while (try? await Task.sleep(for: Self.progressLogInterval)) != nil {
            guard let report = progress.report(items: writer.itemCount) else { continue }
            let left = report.secondsLeft.map { ", about \($0) s left" } ?? ""
            let rebuilding = progress.rebuilding == nil ? "" : " (rebuilding)"
            logger.info("backlog\(rebuilding): \(report.filesDone) of \(report.filesQueued) files done, \(report.itemsPerSecond) items/s\(left)")
        }
    }

    /// The jobs that bring the index in line with the folders: index what is new or changed
    /// (by size, modification time and inode; the indexer then compares contents), remove what is gone.
    func reconciliationJobs() -> [WriteJob] {
        let files: [FileSnapshot]
        do {
            files = try scanner.scan(folders: watcher.folders, logger: logger)
        } catch {
            logger.error("cannot scan the watched folders: \(error)")
            return []
        }
        let known = Dictionary(writer.sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var jobs: [WriteJob] = []
        for file in files {
            if let record = known[file.path], record.describes(file) {
                continue
            }
            jobs.append(.indexFile(file.path))
        }
        let onDisk = Set(files.map(\.path))
        let roots = watcher.folders.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        for record in writer.sources where !onDisk.contains(record.path) && roots.contains(where: record.path.hasPrefix) {
            jobs.append(.removeSource(record.id))
        }
        if !jobs.isEmpty {
            logger.info("reconciling: \(jobs.count) file(s) to index or remove")
        }
        return jobs
    }

    /// Queues `job`; `done` runs once it is done or has failed.
    private func enqueue(_ job: WriteJob, then done: @escaping @Sendable () -> Void = {}) {
        writer.enqueue(job) { [logger] result in
            // The writer has logged a failure; nothing else waits on this job.
            if case let .failure(error) = result { logger.debug("job \(job) not done: \(error)") }
            done()
        }
    }
}
