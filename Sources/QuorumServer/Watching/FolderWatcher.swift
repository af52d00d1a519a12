import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization
public import MinutesIndex

/// Watches corpus folders, recursively, and reports documents that change or disappear.
///
/// The watches are set up in `init`, so nothing written after `init` returns is missed, even
/// before `run()` starts: the kernel queues the events. Start-up therefore goes: create the
/// watcher, scan with ``FolderScanner`` and reconcile, then consume ``events``; a file caught by
/// both the scan and an event is simply seen twice.
///
/// The inotify descriptor is read on a dedicated thread blocked in poll(2) (no polling loop,
/// and the cooperative thread pool is never blocked). As a `Service`, `run()` returns on
/// graceful shutdown or cancellation, and ``events`` then finishes.
public final class FolderWatcher: Service, Sendable {
    /// The watched folders, as absolute paths.
    public let folders: [String]
    /// The changes, in the order the kernel reported them. Finishes when `run()` returns.
    public let events: AsyncStream<FileEvent>

    private let continuation: AsyncStream<FileEvent>.Continuation
    private let reader: Mutex<InotifyReader?>
    private let logger: Logger

    /// Starts watching `folders` and every folder below them.
    ///
    /// - Throws: ``WatchingError`` if a folder is missing or unreadable, or inotify is unavailable
    ///   or out of watches.
    public init(folders: [String], filter: CorpusFileFilter = CorpusFileFilter(), logger: Logger) throws(WatchingError) {
        let roots = folders.map(CorpusPath.standard)
        // Unbounded: dropping an event would silently leave the index stale, and events are small.
        let (stream, continuation) = AsyncStream.makeStream(of: FileEvent.self, bufferingPolicy: .unbounded)
        let reader = try InotifyReader(roots: roots, filter: filter, logger: logger) { event in
            continuation.yield(event)
        }
        self.folders = roots
        self.events = stream
        self.continuation = continuation
        self.reader = Mutex(reader)
        self.logger = logger
    }

    /// Reads events until graceful shutdown or task cancellation, then finishes ``events``.
    ///
    /// - Throws: ``WatchingError`` if called twice, or if reading inotify fails.
    public func run() async throws {
        guard let reader = reader.withLock({ reader in defer { reader = nil }; return reader }) else {
            throw WatchingError(.alreadyRunning, "the folder watcher has already run")
        }
        let continuation = self.continuation
        defer { continuation.finish() }
        logger.info("watching corpus folders", metadata: ["folders": "\(folders)", "watches": "\(reader.watchCount)"])
        try await withTaskCancellationOrGracefulShutdownHandler {
            try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
                let thread = Thread {
                    do {
                        try reader.loop()
                        done.resume()
                    } catch {
                        done.resume(throwing: error)
                    }
                }
                thread.name = "quorum-inotify"
                thread.start()
            }
        } onCancelOrGracefulShutdown: {
            reader.requestStop()
        }
        logger.info("stopped watching corpus folders")
    }
}
