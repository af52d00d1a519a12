import Foundation
import MinutesIndex
import Testing
import Xapian

/// An index an older build wrote keeps serving while the real quorumd builds its successor
/// beside it and swaps it in; a `kill -9` mid-build or at either step of the swap, or a full
/// disk, leaves one good index that answers throughout, and loses nothing.
@Suite("quorumd upgrades an index of an older schema while serving it", .serialized)
struct SchemaUpgradeTests {
    /// Files of two items each; enough that an upgrade in a debug build takes a few seconds.
    private static let fileCount = 240
    private static let currentSchema = Schema.version

    /// An index of `corpus` as an older build left it: every file indexed, a saved search, and
    /// schema version 2 recorded.
    private func oldIndex(at path: String, of corpus: String) throws {
        let indexer = try Indexer(path: path)
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus).sorted() {
            try indexer.indexFile(atPath: corpus + "/" + name)
        }
        _ = try indexer.addSavedSearch(name: "libraries", request: SearchRequest(query: "library"))
        try indexer.database.setMetadata("2", forKey: "quorum.schema")
        try indexer.commit()
        indexer.database.close()
    }

    private func schema(of index: String) throws -> String {
        try Database(path: index).metadata(forKey: "quorum.schema")
    }

    private func siblings(of folder: TemporaryFolder, prefix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(prefix) }
    }

    private func total(_ daemon: DaemonProcess, _ query: String) throws -> Int? {
        try daemon.request("GET", "/search?limit=0&q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query)).json["total"] as? Int
    }

    /// After an upgrade: one index of this build's schema with every item and the saved search,
    /// the old one kept once, nothing left half-built.
    private func expectUpgraded(_ folder: TemporaryFolder, items: Int, _ daemon: DaemonProcess) throws {
        let status = try daemon.request("GET", "/status").json
        #expect(status["items"] as? Int == items && status["rebuilding"] == nil, "\(status)")
        #expect(try total(daemon, "\"ward 17\"") == (items > 4 ? 1 : 0), "each file once")
        #expect(try daemon.request("GET", "/search?q=allotment").json["partial"] == nil)
        let saved = try daemon.request("GET", "/saved").json["saved"] as? [[String: Any]] ?? []
        #expect(saved.compactMap { $0["name"] as? String } == ["libraries"])
        #expect(try schema(of: folder.path("index")) == Self.currentSchema)
        #expect(try siblings(of: folder, prefix: "index.upgrade").isEmpty, "nothing half-built is left")
        let aside = try siblings(of: folder, prefix: "index.set-aside-")
        #expect(aside.count == 1)
        #expect(try aside.first.map { try schema(of: folder.path($0)) } == "2", "the old index is kept for inspection")
    }

    @Test("the old index answers, whole, while its successor is built; a kill -9 mid-build resumes; then it is swapped in")
    func upgradeWhileServing() async throws {
        let folder = try TemporaryFolder("quorumd-upgrade")
        let corpus = folder.path("corpus")
        try SampleMinutes.writeWards(Self.fileCount, into: corpus)
        try oldIndex(at: folder.path("index"), of: corpus)

        var daemon = try DaemonProcess(index: folder.path("index"), watch: corpus, socket: folder.path("q.sock"))
        try await daemon.waitUntilServing()
        var midway: [String: Any] = [:]
        #expect(try await waitFor(timeout: .seconds(60)) {
            midway = try daemon.request("GET", "/status").json
            return (midway["items"] as? Int ?? 0) > 0 && midway["rebuilding"] != nil
        }, "the upgrade was never seen under way: \(daemon.log())")
        let rebuilding = midway["rebuilding"] as? [String: Any] ?? [:]
        #expect(rebuilding["old_index_serves"] as? Bool == true)
        #expect((rebuilding["reason"] as? String)?.contains("schema version 2") == true)
        #expect(rebuilding["saved_searches"] as? Int == 1)
        // The old index answers every search meanwhile, whole: not partial.
        #expect(try total(daemon, "\"ward 239\"") == 1)
        #expect(try total(daemon, "allotment") == Self.fileCount)
        #expect(try daemon.request("GET", "/search?q=allotment").json["partial"] == nil)
        #expect(FileManager.default.fileExists(atPath: folder.path("index.upgrade/iamglass")))

        kill(daemon.process.processIdentifier, SIGKILL)
        daemon.process.waitUntilExit()
        daemon = try DaemonProcess(index: folder.path("index"), watch: corpus, socket: folder.path("q.sock"))
        try await daemon.waitUntilServing()
        let afterKill = try daemon.request("GET", "/search?limit=0&q=allotment")
        #expect(afterKill.json["total"] as? Int == Self.fileCount, "after the kill the old index still answers: \(afterKill)")
        #expect(try await waitFor(timeout: .seconds(120)) {
            try daemon.request("GET", "/status").json["rebuilding"] == nil
        }, "\(daemon.log())")
        try expectUpgraded(folder, items: 2 * Self.fileCount, daemon)
        // The swapped-in index takes new files and the readers see them.
        try writeFile(corpus + "/planning.txt", SampleMinutes.planning)
        #expect(try await waitFor(timeout: .seconds(30)) { try daemon.request("GET", "/status").json["items"] as? Int == 2 * Self.fileCount + 2 })
        #expect(try total(daemon, "bypass") == 1)
        #expect(daemon.terminate() == 0)
        #expect(daemon.log().contains("upgraded: the rebuilt index serves from"))
    }

    @Test("killed at either step of the swap, the next start finishes it with one good index",
          arguments: [SchemaUpgrade.Step.beforeExchange, SchemaUpgrade.Step.afterExchange])
    func killedDuringTheSwap(step: String) async throws {
        let folder = try TemporaryFolder("quorumd-swap")
        let corpus = folder.path("corpus")
        try SampleMinutes.writeWards(2, into: corpus)
        try oldIndex(at: folder.path("index"), of: corpus)

        let dying = try DaemonProcess(index: folder.path("index"), watch: corpus, socket: folder.path("d.sock"),
                                      launcher: ["/usr/bin/env", "QUORUM_FAILPOINT=\(step)"])
        await dying.process.exited()
        #expect(dying.process.terminationReason == .uncaughtSignal && dying.process.terminationStatus == SIGKILL,
                "the fail point was not reached: \(dying.log())")
        // Where it died: before the exchange the index folder is still the old one; after, the new.
        #expect(try schema(of: folder.path("index")) == (step == SchemaUpgrade.Step.beforeExchange ? "2" : Self.currentSchema))
        #expect(try schema(of: folder.path("index.upgrade")) == (step == SchemaUpgrade.Step.beforeExchange ? Self.currentSchema : "2"))

        let daemon = try DaemonProcess(index: folder.path("index"), watch: corpus, socket: folder.path("q.sock"))
        try await daemon.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(30)) { try daemon.request("GET", "/status").json["items"] as? Int == 4 })
        try expectUpgraded(folder, items: 4, daemon)
        #expect(try total(daemon, "allotment") == 2)
        #expect(daemon.terminate() == 0)
        #expect(daemon.log().contains("an upgrade was stopped"), "\(daemon.log())")
    }

    @Test("a full disk mid-upgrade: the old index keeps serving, and once space returns the upgrade completes")
    func fullDiskDuringUpgrade() async throws {
        let folder = try TemporaryFolder("quorumd-upgrade-disk")
        let corpus = folder.path("corpus")
        try SampleMinutes.writeWards(Self.fileCount, into: corpus)
        try makeFolder(folder.path("disk"))
        let mounted = DiskFaults.mountSmallTmpfs(folder.path("disk"), megabytes: 48)
        defer { if mounted { umount2(folder.path("disk"), Int32(MNT_DETACH)) } }
        let index = folder.path("disk/index")
        try oldIndex(at: index, of: corpus)
        let sizes = try FileManager.default.contentsOfDirectory(atPath: index).map {
            (try FileManager.default.attributesOfItem(atPath: index + "/" + $0)[.size] as? Int) ?? 0
        }
        let filler = folder.path("disk/filler")
        // Room for the new index to start, not to finish: a quarter of the old one's size.
        var launcher: [String] = []
        if mounted {
            DiskFaults.fill(filler, leaving: sizes.reduce(0, +) / 4)
        } else {
            print("upgrade out of disk: no tmpfs here; file sizes capped at \((sizes.max() ?? 0) / 4) bytes (RLIMIT_FSIZE) instead")
            launcher = ["/usr/bin/prlimit", "--fsize=\((sizes.max() ?? 0) / 4):unlimited"]
        }
        let daemon = try DaemonProcess(index: index, watch: corpus, socket: folder.path("q.sock"),
                                       extra: ["--rescan-interval", "1", "--log-level", "warning"], launcher: launcher)
        try await daemon.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(60)) { try daemon.request("GET", "/status").json["writer_error"] != nil },
                "the upgrade never ran out of space: \(daemon.log())")
        let failing = try daemon.request("GET", "/status").json
        #expect(failing["rebuilding"] != nil)
        // The old index answers throughout, whole.
        for _ in 0..<5 {
            #expect(try total(daemon, "\"ward 239\"") == 1)
            #expect(try total(daemon, "allotment") == Self.fileCount)
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(daemon.process.isRunning)

        if mounted {
            try FileManager.default.removeItem(atPath: filler)
        } else {
            try DiskFaults.setFileSizeLimit(of: daemon.process.processIdentifier, to: "unlimited")
        }
        #expect(try await waitFor(timeout: .seconds(120)) {
            let status = try daemon.request("GET", "/status").json
            return status["rebuilding"] == nil && status["writer_error"] == nil
        }, "the upgrade did not complete: \(daemon.log())")
        #expect(try daemon.request("GET", "/status").json["items"] as? Int == 2 * Self.fileCount, "every item is in the new index")
        #expect(try total(daemon, "\"ward 17\"") == 1)
        #expect(try schema(of: index) == Self.currentSchema)
        #expect(daemon.terminate() == 0)
        let check = try await runProgram(URL(fileURLWithPath: "/usr/bin/xapian-check"), [index])
        #expect(check.status == 0, "\(check.output)")
    }
}
