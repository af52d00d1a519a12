import Foundation
public import Logging
public import ServiceLifecycle

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

    /// `rescanInterval`: besides the start-up reconciliation, reconcile again this often while the
    /// writer is idle. That retries what events cannot announce: a file whose permissions were
    /// fixed, and files a failed write (a full disk) left out.
    public init(watcher: FolderWatcher, writer: WriteQueue, scanner: FolderScanner = FolderScanner(),
                rescanInterval: Duration? = nil, logger: Logger) {
        self.watcher = watcher
        self.writer = writer
        self.scanner = scanner
        self.rescanInterval = rescanInterval
        self.logger = logger
    }

    public func run() async throws {
        // Jobs are submitted side by side, not one after another: each waits for its commit,
        // and the writer batches the commits of whatever is queued.
        await withDiscardingTaskGroup { jobs in
            for job in reconciliationJobs() {
                jobs.addTask { await self.submit(job) }
            }
            if let rescanInterval {
                jobs.addTask { await self.rescanPeriodically(every: rescanInterval) }
            }
            for await event in watcher.events.cancelOnGracefulShutdown() {
                switch event {
                case let .changed(path):
                    jobs.addTask { await self.submit(.indexFile(path)) }
                case let .removed(path):
                    jobs.addTask { await self.submit(.removeFile(path)) }
                case let .folderRemoved(path):
                    jobs.addTask { await self.submit(.removeFolder(path)) }
                case .eventsLost:
                    logger.warning("the kernel dropped file events; reconciling the folders again")
                    for job in reconciliationJobs() {
                        jobs.addTask { await self.submit(job) }
                    }
                }
            }
            // Graceful shutdown: stop the rescans; submitted jobs finish or are dropped by the writer.
            jobs.cancelAll()
        }
    }

    private func rescanPeriodically(every interval: Duration) async {
        while (try? await Task.sleep(for: interval)) != nil {
            // A busy writer will see its files through; a rescan then would only queue duplicates.
            guard writer.depth == 0 else { continue }
            await withDiscardingTaskGroup { jobs in
                for job in reconciliationJobs() {
                    jobs.addTask { await self.submit(job) }
                }
            }
        }
    }

    /// The jobs that bring the index in line with the folders: index what is new or changed
    /// (by size and modification time; the indexer then compares contents), remove what is gone.
    func reconciliationJobs() -> [WriteJob] {
        let files: [ScannedFile]
        do {
            files = try scanner.scan(folders: watcher.folders, logger: logger)
        } catch {
            logger.error("cannot scan the watched folders: \(error)")
            return []
        }
        let known = Dictionary(writer.sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var jobs: [WriteJob] = []
        for file in files {
            let seconds = Double(file.modificationTime) / 1e9
            if let record = known[file.path], record.size == Int(file.size), abs(record.modified - seconds) < 1e-3 {
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

    private func submit(_ job: WriteJob) async {
        do {
            _ = try await writer.submit(job)
        } catch {
            // The writer has logged the failure; nothing else waits on this job.
            logger.debug("job \(job) not done: \(error)")
        }
    }
}
