import Foundation
import Testing

@testable import QuorumServer

#if canImport(Glibc)
import Glibc
#endif

@Suite("IndexLock")
struct IndexLockTests {
    @Test("a second lock on the same index fails at once, naming the holder's pid")
    func secondLockInProcess() throws {
        let folder = try TemporaryFolder()
        let index = folder.path("index")
        // flock belongs to an open file description: each IndexLock opens the file itself, so
        // two locks in one process conflict exactly as two daemons would.
        let first = try IndexLock(indexDirectory: index, processID: 4242)
        #expect(first.isHeld)
        #expect(try String(contentsOfFile: index + "/quorumd.lock", encoding: .utf8) == "4242\n")

        let error = #expect(throws: IndexLockError.self) { _ = try IndexLock(indexDirectory: index) }
        #expect(error?.kind == .locked)
        #expect(error?.holderProcessID == 4242)
        #expect(
            error?.description == "index \(index) is locked by quorumd pid 4242; is another quorumd running on this index?")

        first.release()
        #expect(!first.isHeld)
        let second = try IndexLock(indexDirectory: index, processID: 77)
        #expect(second.isHeld)
        #expect(try String(contentsOfFile: index + "/quorumd.lock", encoding: .utf8) == "77\n")
    }

    @Test("the lock is released when the object goes away")
    func releasedOnDeinit() throws {
        let folder = try TemporaryFolder()
        do { _ = try IndexLock(indexDirectory: folder.path) }
        let again = try IndexLock(indexDirectory: folder.path)
        #expect(again.isHeld)
    }

    @Test("another process sees the lock, and we see another process's lock", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func acrossProcesses() async throws {
        let folder = try TemporaryFolder()
        let lockFile = folder.path(IndexLock.fileName)

        // We hold it: flock(1) -n gives up with the exit code we choose.
        let ours = try IndexLock(indexDirectory: folder.path)
        #expect(try runFlock(["-n", "-E", "75", lockFile, "true"]) == 75)
        ours.release()
        #expect(try runFlock(["-n", "-E", "75", lockFile, "true"]) == 0)

        // A child holds it (with --no-fork the shell runs as flock's own process, so the pid it
        // writes is the lock holder's).
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        child.arguments = ["--no-fork", "-n", lockFile, "/bin/sh", "-c", "echo $$ > '\(lockFile)'; exec sleep 30"]
        try child.run()
        // SIGKILL, not terminate(): the child may inherit a blocked or ignored SIGTERM from the
        // test runner's threads, and the point is only that the holder dies.
        defer { if child.isRunning { kill(child.processIdentifier, SIGKILL) } }
        let written = try await eventually {
            (try? String(contentsOfFile: lockFile, encoding: .utf8)) == "\(child.processIdentifier)\n"
        }
        #expect(written)
        let error = #expect(throws: IndexLockError.self) { _ = try IndexLock(indexDirectory: folder.path) }
        #expect(error?.kind == .locked)
        #expect(error?.holderProcessID == child.processIdentifier)
        #expect(error?.description.contains("locked by quorumd pid \(child.processIdentifier)") == true)

        // The kernel drops the lock when the holder dies, however it dies.
        kill(child.processIdentifier, SIGKILL)
        await child.exited()
        let after = try IndexLock(indexDirectory: folder.path)
        #expect(after.isHeld)
    }

    @Test("an index path that is a file is a clear error")
    func unusableFolder() throws {
        let folder = try TemporaryFolder()
        try writeFile(folder.path("file"), "x")
        let error = #expect(throws: IndexLockError.self) { _ = try IndexLock(indexDirectory: folder.path("file")) }
        #expect(error?.kind == .unusable)
        #expect(error?.description.hasPrefix("cannot create index folder \(folder.path("file"))") == true)
    }

    private func runFlock(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
