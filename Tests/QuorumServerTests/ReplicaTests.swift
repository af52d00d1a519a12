import Foundation
import Testing

/// A read replica (`quorumd --replica-of`) of a real primary (`quorumd --serve-replicas`),
/// copied with Xapian's replication over loopback.
@Suite("read replicas", .serialized)
struct ReplicaTests {
    private func total(_ daemon: DaemonProcess, _ query: String) throws -> Int {
        try daemon.request("GET", "/search?q=\(query)").json["total"] as? Int ?? -1
    }

    /// Seconds from a file landing in the primary's folder to the replica finding it.
    private func lag(landing name: String, word: String, in corpus: String, replica: DaemonProcess) async throws -> Double {
        let text = SampleMinutes.cabinet.replacingOccurrences(of: "allotment", with: word)
        let started = ContinuousClock.now
        try writeFile(corpus + "/" + name, text)
        guard try await waitFor(timeout: .seconds(30), { try total(replica, word) > 0 }) else {
            throw DaemonTestError("the replica never found '\(word)': \(replica.log())")
        }
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private func replicationClients(for path: String) async throws -> String {
        try await runProgram(URL(fileURLWithPath: "/usr/bin/pgrep"), ["-f", "xapian-replicate .*\(path)"]).output
    }

    @Test("a replica follows its primary's commits, refuses writes, and survives its own kill -9 and the primary's restart")
    func replicaFollowsPrimary() async throws {
        let folder = try TemporaryFolder("quorumd-replica")
        let corpus = folder.path("corpus")
        try makeFolder(corpus)
        for n in 0..<20 { try writeFile(corpus + "/cabinet-\(n).txt", SampleMinutes.cabinet) }
        let port = try freeLoopbackPort()
        let primaryIndex = folder.path("primary/index")
        let primaryArguments = ["--index", primaryIndex, "--watch", corpus, "--socket", folder.path("p.sock"),
                                "--serve-replicas", "127.0.0.1:\(port)", "--rescan-interval", "0"]
        var primary = try DaemonProcess(arguments: primaryArguments, socket: folder.path("p.sock"))
        try await primary.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(60)) { try primary.request("GET", "/status").json["items"] as? Int == 40 })

        let replicaIndex = folder.path("replica/index")
        let replicaArguments = ["--index", replicaIndex, "--replica-of", "127.0.0.1:\(port)/index", "--socket", folder.path("r.sock")]
        var replica = try DaemonProcess(arguments: replicaArguments, socket: folder.path("r.sock"))
        try await replica.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(30)) { try replica.request("GET", "/status").json["items"] as? Int == 40 }, "\(replica.log())")
        #expect(try total(replica, "allotment") == 20)
        let status = try replica.request("GET", "/status").json["replica"] as? [String: Any]
        #expect(status?["primary"] as? String == "127.0.0.1:\(port)/index")
        #expect(status?["copied"] as? Bool == true)

        // New files reach the replica within seconds of their commit on the primary.
        var lags: [Double] = []
        for n in 0..<5 { lags.append(try await lag(landing: "new-\(n).txt", word: "quokka\(n)", in: corpus, replica: replica)) }
        print("replica lag, file landing → found on the replica: \(lags.map { String(format: "%.2f s", $0) })")
        #expect(lags.allSatisfy { $0 < 5 }, "\(lags)")

        // Writes are the primary's.
        let refused = try replica.request("POST", "/documents?name=extra.txt", body: Data(SampleMinutes.planning.utf8))
        #expect(refused.status == 405)
        #expect((refused.json["error"] as? [String: Any])?["code"] as? String == "read_only")
        #expect(try replica.request("DELETE", "/documents/cabinet-1").status == 405)

        // Killed, the replica takes its copier with it, and starts again on the copy it has.
        replica.kill()
        var left = try await replicationClients(for: replicaIndex)
        for _ in 0..<50 where !left.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            left = try await replicationClients(for: replicaIndex)
        }
        #expect(left.isEmpty, "xapian-replicate outlived its daemon: \(left)")
        replica = try DaemonProcess(arguments: replicaArguments, socket: folder.path("r.sock"))
        try await replica.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(10)) { try replica.request("GET", "/status").json["items"] as? Int == 50 })

        // The primary stops cleanly (its replication server with it) and starts again; the
        // replica picks up its next commits.
        #expect(primary.terminate() == 0, "\(primary.log())")
        primary = try DaemonProcess(arguments: primaryArguments, socket: folder.path("p.sock"))
        try await primary.waitUntilServing()
        let afterRestart = try await lag(landing: "after-restart.txt", word: "wallaby", in: corpus, replica: replica)
        #expect(afterRestart < 10)
        #expect(try await waitFor(timeout: .seconds(10)) { try replica.request("GET", "/status").json["items"] as? Int == 52 })
        #expect(replica.terminate() == 0)
        #expect(primary.terminate() == 0)
    }

    @Test("a replica refuses a folder that holds another index")
    func replicaRefusesAPrimarysFolder() async throws {
        let folder = try TemporaryFolder("quorumd-replica-refuses")
        try makeFolder(folder.path("index"))
        try writeFile(folder.path("index/iamglass"), "not a replica")
        let daemon = try DaemonProcess(arguments: ["--index", folder.path("index"), "--replica-of", "127.0.0.1:9/index",
                                                   "--socket", folder.path("r.sock")], socket: folder.path("r.sock"))
        daemon.process.waitUntilExit()
        #expect(daemon.process.terminationStatus != 0)
        #expect(daemon.log().contains("no XAPIANDB stub"), "\(daemon.log())")
        #expect(FileManager.default.fileExists(atPath: folder.path("index/iamglass")), "nothing of the folder is touched")
    }
}
