import Foundation
import Testing
import Xapian

/// `POST /backup` on the real quorumd while files keep landing and clients search, then
/// `quorum restore` of the copy with the real binary.
@Suite("online backup and restore", .serialized)
struct BackupTests {

    @Test("a backup taken during an ingest is one commit, whole, and restores item for item")
    func backupDuringIngest() async throws {
        let folder = try TemporaryFolder("quorumd-backup")
        let corpus = folder.path("corpus")
        try makeFolder(corpus)
        for n in 0..<40 { try writeFile(corpus + "/cabinet-\(n).txt", SampleMinutes.cabinet) }
        let daemon = try DaemonProcess(index: folder.path("index"), watch: corpus, socket: folder.path("q.sock"))
        try await daemon.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(60)) { try daemon.request("GET", "/status").json["items"] as? Int == 80 })

        // Files keep landing and a client keeps searching while the backup is taken.
        let landing = Task.detached {
            for n in 40..<200 {
                try writeFile(corpus + "/planning-\(n).txt", SampleMinutes.planning)
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        // Only its socket path is read from the daemon's object on the other thread.
        nonisolated(unsafe) let client = daemon
        let searching = Task.detached { () -> Int in
            var errors = 0
            for _ in 0..<60 where (try? client.request("GET", "/search?q=allotment").status) != 200 { errors += 1 }
            return errors
        }
        try await Task.sleep(for: .milliseconds(150))
        let answer = try daemon.request("POST", "/backup?name=mid-ingest")
        #expect(answer.status == 201, "\(answer.json)")
        let backup = folder.path("index.backups/mid-ingest")
        #expect(answer.json["path"] as? String == backup)
        try await landing.value
        #expect(await searching.value == 0, "no search failed during the backup")
        #expect(try daemon.request("POST", "/backup?name=mid-ingest").status == 409, "a name is used once")
        #expect(try daemon.request("POST", "/backup?name=..%2Fescape").status == 400)

        let items = answer.json["items"] as? Int ?? -1
        let copy = try Database(path: backup)
        #expect(copy.documentCount == items)
        #expect((80...400).contains(items))
        let backedUp = try itemIDs(ofIndex: backup)
        #expect(backedUp.count == items, "each item once")
        #expect(backedUp.isSuperset(of: (0..<40).flatMap { ["cabinet-\($0):1.1", "cabinet-\($0):1.2"] }))
        let check = try await runProgram(URL(fileURLWithPath: "/usr/bin/xapian-check"), [backup])
        #expect(check.status == 0, "\(check.output)")

        // Restore refuses while the daemon writes the index; stopped, it puts the copy back.
        let quorum = DaemonProcess.productsFolder.appendingPathComponent("quorum")
        #expect(try await waitFor(timeout: .seconds(60)) { try daemon.request("GET", "/status").json["items"] as? Int == 80 + 2 * 160 })
        let cli = try await runProgram(quorum, ["backup", "--index", folder.path("index"), folder.path("cli-copy")])
        #expect(cli.status == 0, "\(cli.output)")
        #expect(try Database(path: folder.path("cli-copy")).documentCount == 80 + 2 * 160, "quorum backup beside the running daemon: its latest commit")
        let refused = try await runProgram(quorum, ["restore", "--index", folder.path("index"), backup])
        #expect(refused.status != 0)
        #expect(daemon.terminate() == 0)
        let restored = try await runProgram(quorum, ["restore", "--index", folder.path("index"), backup])
        #expect(restored.status == 0, "\(restored.output)")
        #expect(try itemIDs(ofIndex: folder.path("index")) == backedUp, "the restored index holds exactly the backup's items")
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("index.before-restore-") }
        #expect(kept.count == 1, "the replaced index is kept")
        // The next start indexes what landed after the backup.
        let again = try DaemonProcess(index: folder.path("index"), watch: corpus, socket: folder.path("q.sock"))
        try await again.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(60)) { try again.request("GET", "/status").json["items"] as? Int == 80 + 2 * 160 })
        #expect(again.terminate() == 0)
    }
}
