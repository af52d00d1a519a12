import Foundation
import Testing
import Xapian

/// The index is a cache of the watched folders: the real quorumd, given a damaged index or one
/// of another schema, sets it aside and rebuilds it while serving, keeping the saved searches.
@Suite("quorumd heals its index", .serialized)
struct SelfHealingTests {
    /// Files of two items each; enough that a rebuild in a debug build takes a few seconds.
    private static let fileCount = 240

    private func corpus(in folder: TemporaryFolder) throws -> String {
        let corpus = folder.path("corpus")
        try SampleMinutes.writeWards(Self.fileCount, into: corpus)
        return corpus
    }

    private func status(_ daemon: DaemonProcess) throws -> [String: Any] {
        try daemon.request("GET", "/status").json
    }

    /// Starts a daemon on a fresh index of the corpus, saves a search, and stops it.
    private func indexedOnce(_ folder: TemporaryFolder, corpus: String) async throws {
        let daemon = try DaemonProcess(index: folder.path("index"), watch: corpus, socket: folder.path("q.sock"))
        try await daemon.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(120)) { try status(daemon)["items"] as? Int == 2 * Self.fileCount })
        #expect(try daemon.request("POST", "/saved?name=libraries&q=library").status == 201)
        #expect(daemon.terminate() == 0)
    }

    private func setAsideFolders(_ folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("index.set-aside-") }
    }

    @Test("a damaged index is set aside and rebuilt while serving; a kill -9 mid-rebuild resumes it; saved searches are kept")
    func damagedIndexIsRebuilt() async throws {
        let folder = try TemporaryFolder("quorumd-heal")
        let corpus = try corpus(in: folder)
        try await indexedOnce(folder, corpus: corpus)
        try writeFile(folder.path("index/iamglass"), "not a glass database\n")

        var daemon = try DaemonProcess(index: folder.path("index"), watch: corpus, socket: folder.path("q.sock"))
        try await daemon.waitUntilServing()
        // Serving before the rebuild is done: /status says so, with the backlog's progress, and
        // searches answer from what is rebuilt, marked partial.
        var midway: [String: Any] = [:]
        #expect(try await waitFor(timeout: .seconds(60)) {
            midway = try status(daemon)
            return (midway["items"] as? Int ?? 0) > 0 && midway["rebuilding"] != nil
        }, "the rebuild was never seen under way: \(daemon.log())")
        let rebuilding = midway["rebuilding"] as? [String: Any] ?? [:]
        #expect((rebuilding["reason"] as? String)?.contains("damaged") == true)
        #expect(rebuilding["saved_searches"] as? Int == 1)
        let backlog = midway["backlog"] as? [String: Any] ?? [:]
        #expect(backlog["files_queued"] as? Int == Self.fileCount)
        #expect(try daemon.request("GET", "/search?q=allotment").json["partial"] as? Bool == true)
        let aside = try setAsideFolders(folder)
        #expect(aside.count == 1)
        #expect(FileManager.default.fileExists(atPath: folder.path("\(aside.first ?? "")/postlist.glass")), "the damaged index is kept for inspection")

        // Killed mid-rebuild, the next start goes on with it.
        kill(daemon.process.processIdentifier, SIGKILL)
        daemon.process.waitUntilExit()
        daemon = try DaemonProcess(index: folder.path("index"), watch: corpus, socket: folder.path("q.sock"))
        try await daemon.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(120)) {
            let now = try status(daemon)
            return now["items"] as? Int == 2 * Self.fileCount && now["rebuilding"] == nil && now["backlog"] == nil
        }, "\(daemon.log())")
        #expect(try daemon.request("GET", "/search?q=allotment").json["partial"] == nil)
        #expect(try daemon.request("GET", "/search?q=%22ward+17%22").json["total"] as? Int == 1, "each file once, none lost")
        let saved = try daemon.request("GET", "/saved").json["saved"] as? [[String: Any]] ?? []
        #expect(saved.compactMap { $0["name"] as? String } == ["libraries"])
        #expect(daemon.terminate() == 0)
        #expect(try setAsideFolders(folder).count == 1, "the restart found a good index: nothing more set aside")
        #expect(try Database(path: folder.path("index")).documentCount == 2 * Self.fileCount)
    }

    @Test("an index of another schema is rebuilt; --on-damage refuse stops with the reason and touches nothing")
    func otherSchemaIsRebuiltOrRefused() async throws {
        let folder = try TemporaryFolder("quorumd-schema")
        let corpus = folder.path("corpus")
        try makeFolder(corpus)
        try writeFile(corpus + "/cabinet.txt", SampleMinutes.cabinet)
        try writeFile(corpus + "/planning.txt", SampleMinutes.planning)
        do {
            let database = try WritableDatabase(path: folder.path("index"), mode: .createOrOpen)
            try database.setMetadata("1", forKey: "quorum.schema")
            try database.commit()
        }

        let refusing = try DaemonProcess(index: folder.path("index"), watch: corpus, socket: folder.path("r.sock"),
                                         extra: ["--on-damage", "refuse"])
        await refusing.process.exited()
        #expect(refusing.process.terminationStatus != 0)
        #expect(refusing.log().contains("written with schema version 1"), "\(refusing.log())")
        #expect(refusing.log().contains("--on-damage rebuild"))
        #expect(try setAsideFolders(folder).isEmpty)

        let daemon = try DaemonProcess(index: folder.path("index"), watch: corpus, socket: folder.path("q.sock"))
        try await daemon.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(30)) {
            let now = try status(daemon)
            return now["items"] as? Int == 4 && now["rebuilding"] == nil
        })
        #expect(try setAsideFolders(folder).count == 1)
        #expect(daemon.log().contains("written with schema version 1"))
        #expect(daemon.terminate() == 0)
    }
}
