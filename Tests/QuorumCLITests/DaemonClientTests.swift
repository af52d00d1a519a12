import Foundation
import Testing

/// `quorum` asking a real `quorumd` over its socket: search, add, status, show, similar, remove.
@Suite struct DaemonClientTests {
    @Test func theCLIThroughTheDaemon() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-cli-daemon-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/corpus", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let socket = folder + "/q.sock"
        let corpusFile = CLIRunner.corpus + "/improving-lives-2018-09-18-minutes.txt"
        try FileManager.default.copyItem(atPath: corpusFile, toPath: folder + "/corpus/2018.txt")

        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("quorumd")
        daemon.arguments = ["--index", folder + "/index", "--watch", folder + "/corpus", "--socket", socket]
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        defer { if daemon.isRunning { daemon.terminate(); daemon.waitUntilExit() } }

        var status = try CLIRunner.quorum("status", "--socket", socket)
        for _ in 0..<200 where !status.stdout.hasPrefix("10 items") {
            try await Task.sleep(for: .milliseconds(50))
            status = try CLIRunner.quorum("status", "--socket", socket)
        }
        #expect(status.stdout.hasPrefix("10 items from 1 of 1 sources; 0 failed"), "\(status.stdout + status.stderr)")

        let search = try CLIRunner.quorum("search", "--socket", socket, "--json", "children missing education", "--facet", "year")
        #expect(search.status == 0, "\(search.stderr)")
        let result = try search.json()
        let first = try #require((result["hits"] as? [[String: Any]])?.first)
        #expect((first["item"] as? [String: Any])?["title"] as? String == "CHILDREN MISSING EDUCATION")
        #expect(first["meeting_date"] as? String == "2018-09-18")

        let added = try CLIRunner.quorum("add", "--socket", socket, CLIRunner.corpus + "/improving-lives-2024-07-30-minutes.txt")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("indexed \(folder)/corpus/improving-lives-2024-07-30-minutes.txt as source improving-lives-2024-07-30-minutes: 9 items"),
                "\(added.stdout)")
        let peer = try CLIRunner.quorum("search", "--socket", socket, "--json", "leaving care peer challenge")
        let peerHit = try #require((try peer.json()["hits"] as? [[String: Any]])?.first)
        #expect(peerHit["meeting_date"] as? String == "2024-07-30")

        let shown = try CLIRunner.quorum("show", "--socket", socket, "improving-lives-2024-07-30-minutes:1.6")
        #expect(shown.stdout.hasPrefix("19. LOCAL GOVERNMENT ASSOCIATION LEAVING CARE PEER CHALLENGE"), "\(shown.stdout + shown.stderr)")
        let similar = try CLIRunner.quorum("similar", "--socket", socket, "--json", "improving-lives-2024-07-30-minutes:1.6")
        #expect(similar.status == 0, "\(similar.stderr)")
        #expect(!(((try similar.json()["hits"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == "improving-lives-2024-07-30-minutes:1.6" }))

        let removed = try CLIRunner.quorum("remove", "--socket", socket, "improving-lives-2024-07-30-minutes")
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try CLIRunner.quorum("status", "--socket", socket).stdout.hasPrefix("10 items from 1 of 1 sources"))
        let again = try CLIRunner.quorum("remove", "--socket", socket, "improving-lives-2024-07-30-minutes")
        #expect(again.status != 0)
        #expect(again.stderr.contains("source_not_found"), "\(again.stderr)")

        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
    }
}
