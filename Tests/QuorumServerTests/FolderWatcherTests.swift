import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import QuorumServer
import MinutesIndex

/// Events a running watcher has reported so far.
final class EventLog: Sendable {
    private let storage = Mutex<[FileEvent]>([])
    private let finishedFlag = Mutex(false)
    var events: [FileEvent] { storage.withLock { $0 } }
    func append(_ event: FileEvent) { storage.withLock { $0.append(event) } }
    /// Whether the stream this log was filled from has finished.
    var finished: Bool {
        get { finishedFlag.withLock { $0 } }
        set { finishedFlag.withLock { $0 = newValue } }
    }

    /// Waits until `event` has arrived.
    func waitFor(_ event: FileEvent, timeout: Duration = .seconds(15)) async throws {
        let arrived = try await eventually(timeout: timeout) { events.contains(event) }
        #expect(arrived, "no \(event) within \(timeout); got \(events)")
    }
}

/// Runs a watcher on `folder` while `body` acts on the folder, then stops it by cancellation and
/// checks that `run()` returned and the event stream finished.
func withWatcher(
    on folder: TemporaryFolder,
    filter: CorpusFileFilter = CorpusFileFilter(),
    _ body: (EventLog) async throws -> Void
) async throws {
    let recorder = LogRecorder()
    let watcher = try FolderWatcher(folders: [folder.path], filter: filter, logger: recorder.logger())
    let log = EventLog()
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await watcher.run() }
        group.addTask {
            for await event in watcher.events { log.append(event) }
            log.finished = true
        }
        try await body(log)
        group.cancelAll()
        try await group.waitForAll()
    }
    #expect(log.finished)
}

@Suite("FolderWatcher")
struct FolderWatcherTests {
    @Test("a file written in place is reported once when closed")
    func writeInPlace() async throws {
        let folder = try TemporaryFolder()
        try await withWatcher(on: folder) { log in
            try writeFile(folder.path("minutes.txt"), "1. Apologies\n")
            try await log.waitFor(.changed(folder.path("minutes.txt")))
            try await Task.sleep(for: .milliseconds(200))
            #expect(log.events == [.changed(folder.path("minutes.txt"))])
        }
    }

    @Test("a file written under a temporary name and renamed is reported under its final name only")
    func writeThenRename() async throws {
        let folder = try TemporaryFolder()
        try await withWatcher(on: folder) { log in
            try writeFile(folder.path(".minutes.md.part"), "# Cabinet\n")
            try rename(folder.path(".minutes.md.part"), to: folder.path("minutes.md"))
            try writeFile(folder.path("report.txt.part"), "partial download")
            try rename(folder.path("report.txt.part"), to: folder.path("report.txt"))
            try await log.waitFor(.changed(folder.path("report.txt")))
            #expect(log.events == [.changed(folder.path("minutes.md")), .changed(folder.path("report.txt"))])
        }
    }

    @Test("dotfiles, partial files, editor backups and unsupported formats are ignored")
    func ignoredFiles() async throws {
        let folder = try TemporaryFolder()
        try await withWatcher(on: folder) { log in
            for name in [".hidden.txt", "draft.txt.part", "draft.txt~", "draft.txt.tmp", "draft.txt.swp", "pack.docx", "README"] {
                try writeFile(folder.path(name), "ignored")
            }
            try makeFolder(folder.path(".git"))
            try writeFile(folder.path(".git/HEAD.txt"), "ignored")
            // inotify reports one instance's events in order: once the sentinel is here, any
            // event for the files above would be here too.
            try writeFile(folder.path("sentinel.txt"), "seen")
            try await log.waitFor(.changed(folder.path("sentinel.txt")))
            #expect(log.events == [.changed(folder.path("sentinel.txt"))])
        }
    }

    @Test("folders created later are watched, including files already in them")
    func newSubfolders() async throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder("quorum-outside")
        try await withWatcher(on: folder) { log in
            // Created in place: the file may be seen by the folder's first scan, its
            // close-write event, or both, so only the set of events is exact.
            try makeFolder(folder.path("2024"))
            try writeFile(folder.path("2024/cabinet.txt"), "minutes")
            try await log.waitFor(.changed(folder.path("2024/cabinet.txt")))

            // Moved in whole, with files and a nested folder: no event ever fires for those
            // files, only the scan of the new folder finds them.
            try makeFolder(outside.path("2025/march"))
            try writeFile(outside.path("2025/scrutiny.md"), "minutes")
            try writeFile(outside.path("2025/march/planning.txt"), "minutes")
            try writeFile(outside.path("2025/march/.swap.txt"), "ignored")
            try rename(outside.path("2025"), to: folder.path("2025"))
            try await log.waitFor(.changed(folder.path("2025/scrutiny.md")))
            try await log.waitFor(.changed(folder.path("2025/march/planning.txt")))

            // The nested folder is watched too.
            try writeFile(folder.path("2025/march/later.txt"), "minutes")
            try await log.waitFor(.changed(folder.path("2025/march/later.txt")))

            #expect(
                Set(log.events) == [
                    .changed(folder.path("2024/cabinet.txt")),
                    .changed(folder.path("2025/scrutiny.md")),
                    .changed(folder.path("2025/march/planning.txt")),
                    .changed(folder.path("2025/march/later.txt")),
                ])
        }
    }

    @Test("deleting or moving away files and folders is reported")
    func removals() async throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder("quorum-outside")
        try makeFolder(folder.path("old/deeper"))
        try writeFile(folder.path("a.txt"), "a")
        try writeFile(folder.path("b.txt"), "b")
        try writeFile(folder.path("old/c.txt"), "c")
        try makeFolder(folder.path("moved"))
        try writeFile(folder.path("moved/d.txt"), "d")
        try await withWatcher(on: folder) { log in
            #expect(unlink(folder.path("a.txt")) == 0)
            try rename(folder.path("b.txt"), to: outside.path("b.txt"))
            try FileManager.default.removeItem(atPath: folder.path("old"))
            try rename(folder.path("moved"), to: outside.path("moved"))
            try await log.waitFor(.folderRemoved(folder.path("moved")))
            #expect(log.events.first == .removed(folder.path("a.txt")))
            #expect(log.events.dropFirst().first == .removed(folder.path("b.txt")))
            #expect(
                Set(log.events) == [
                    .removed(folder.path("a.txt")), .removed(folder.path("b.txt")),
                    .removed(folder.path("old/c.txt")), .folderRemoved(folder.path("old/deeper")),
                    .folderRemoved(folder.path("old")), .folderRemoved(folder.path("moved")),
                ])
            // The moved-away folder's watch is gone: writing there is no longer reported.
            try writeFile(outside.path("moved/e.txt"), "e")
            try writeFile(folder.path("sentinel.txt"), "s")
            try await log.waitFor(.changed(folder.path("sentinel.txt")))
            #expect(!log.events.contains(.changed(folder.path("moved/e.txt"))))
        }
    }

    @Test("the supported extensions are a parameter")
    func extensionsParameter() async throws {
        let folder = try TemporaryFolder()
        try await withWatcher(on: folder, filter: CorpusFileFilter(extensions: ["PDF", "html"])) { log in
            try writeFile(folder.path("notes.txt"), "not now")
            try writeFile(folder.path("Pack.PDF"), "%PDF")
            try writeFile(folder.path("agenda.html"), "<html>")
            try await log.waitFor(.changed(folder.path("agenda.html")))
            #expect(log.events == [.changed(folder.path("Pack.PDF")), .changed(folder.path("agenda.html"))])
        }
    }

    @Test("changes made between init and run are not lost")
    func eventsQueuedBeforeRun() async throws {
        let folder = try TemporaryFolder()
        let watcher = try FolderWatcher(folders: [folder.path], logger: LogRecorder().logger())
        try writeFile(folder.path("early.txt"), "x")
        let log = EventLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await watcher.run() }
            group.addTask { for await event in watcher.events { log.append(event) } }
            try await log.waitFor(.changed(folder.path("early.txt")))
            group.cancelAll()
        }
    }

    @Test("graceful shutdown of its ServiceGroup stops the watcher and finishes the stream")
    func gracefulShutdown() async throws {
        let folder = try TemporaryFolder()
        let recorder = LogRecorder()
        let watcher = try FolderWatcher(folders: [folder.path], logger: recorder.logger())
        let group = ServiceGroup(services: [watcher], logger: recorder.logger())
        let log = EventLog()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask { for await event in watcher.events { log.append(event) } }
            try writeFile(folder.path("one.txt"), "1")
            try await log.waitFor(.changed(folder.path("one.txt")))
            await group.triggerGracefulShutdown()
            // Both tasks end by themselves: run() returned and the stream finished.
            try await tasks.waitForAll()
        }
        await #expect(throws: WatchingError.self) { try await watcher.run() }
    }

    @Test("a missing folder is a clear error at init")
    func missingFolder() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path("nope")
        let error = #expect(throws: WatchingError.self) {
            _ = try FolderWatcher(folders: [missing], logger: LogRecorder().logger())
        }
        #expect(error?.kind == .folderUnreadable)
        #expect(error?.description == "corpus folder \(missing) does not exist or is not a folder")
    }
}
