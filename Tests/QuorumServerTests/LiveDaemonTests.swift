import Foundation
import MinutesIndex
import Testing
import Xapian

/// The real `quorumd` binary on a temporary socket, index and watched folder, asked with real requests.
@Suite("quorumd, live", .serialized)
struct LiveDaemonTests {
    private func hits(_ answer: (status: Int, json: [String: Any])) -> [[String: Any]] {
        answer.json["hits"] as? [[String: Any]] ?? []
    }

    @Test("indexes its folder, finds arrivals and forgets deletions, stops cleanly on SIGTERM")
    func lifecycle() async throws {
        let folder = try TemporaryFolder("quorumd")
        try makeFolder(folder.path("corpus"))
        try writeFile(folder.path("corpus/cabinet.txt"), SampleMinutes.cabinet)
        let daemon = try DaemonProcess(index: folder.path("index"), watch: folder.path("corpus"), socket: folder.path("q.sock"))
        try await daemon.waitUntilServing()
        #expect(fileMode(folder.path("q.sock")) == 0o660)

        // The start-up reconciliation indexed what was already there.
        #expect(try await waitFor { try hits(daemon.request("GET", "/search?q=allotment")).count == 1 })
        let filtered = try daemon.request("GET", "/search?q=allotment+OR+library&facet=year&to=2024-12-31")
        #expect(filtered.status == 200)
        #expect(filtered.json["total"] as? Int == 0)

        // A file copied in is found; removed, it is forgotten.
        try writeFile(folder.path("corpus/planning.txt"), SampleMinutes.planning)
        #expect(try await waitFor { try hits(daemon.request("GET", "/search?q=bypass")).map { $0["id"] as? String } == ["planning:1.2"] })
        let both = try daemon.request("GET", "/search?q=allotments&facet=year")
        let years = (both.json["facets"] as? [String: Any])?["year"] as? [[String: Any]] ?? []
        #expect(Set(years.compactMap { $0["value"] as? String }) == ["2021", "2025"])
        try FileManager.default.removeItem(atPath: folder.path("corpus/planning.txt"))
        #expect(try await waitFor { try daemon.request("GET", "/search?q=bypass").json["total"] as? Int == 0 })

        // A broken file is reported with its reason, and the daemon goes on.
        #expect(FileManager.default.createFile(atPath: folder.path("corpus/broken.txt"), contents: Data([0xff, 0xfe, 0x41])))
        #expect(try await waitFor {
            let sources = try daemon.request("GET", "/status").json["sources"] as? [[String: Any]] ?? []
            return sources.contains { $0["id"] as? String == "broken" && $0["reason"] as? String == "not valid UTF-8 text" }
        })
        #expect(try daemon.request("GET", "/search?limit=x").json["error"] != nil)

        // A second daemon on the same index refuses at once, naming the problem.
        let second = try DaemonProcess(index: folder.path("index"), watch: folder.path("corpus"), socket: folder.path("q2.sock"))
        await second.process.exited()
        #expect(second.process.terminationStatus != 0)
        #expect(second.log().contains("is locked by quorumd pid \(daemon.process.processIdentifier)"))

        #expect(daemon.terminate() == 0)
        #expect(!fileExists(folder.path("q.sock")))
        let database = try Database(path: folder.path("index"))
        #expect(database.documentCount == 2)
        // Xapian's own consistency check agrees (xapian-tools is installed by scripts/install-system-packages).
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/xapian-check") {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/xapian-check")
            check.arguments = [folder.path("index")]
            check.standardOutput = FileHandle.nullDevice
            try check.run()
            await check.exited()
            #expect(check.terminationStatus == 0)
        }
    }

    @Test("a restart picks up what changed while it was down, without indexing anything twice")
    func reconcilesAfterRestart() async throws {
        let folder = try TemporaryFolder("quorumd")
        try makeFolder(folder.path("corpus"))
        try writeFile(folder.path("corpus/cabinet.txt"), SampleMinutes.cabinet)
        try writeFile(folder.path("corpus/planning.txt"), SampleMinutes.planning)
        do {
            let daemon = try DaemonProcess(index: folder.path("index"), watch: folder.path("corpus"), socket: folder.path("q.sock"))
            try await daemon.waitUntilServing()
            #expect(try await waitFor { try daemon.request("GET", "/status").json["items"] as? Int == 4 })
            #expect(daemon.terminate() == 0)
        }
        // While it is down: one file goes, one arrives.
        try FileManager.default.removeItem(atPath: folder.path("corpus/planning.txt"))
        try makeFolder(folder.path("corpus/2025"))
        try writeFile(folder.path("corpus/2025/planning-again.txt"), SampleMinutes.planning.replacingOccurrences(of: "2021", with: "2025"))
        let daemon = try DaemonProcess(index: folder.path("index"), watch: folder.path("corpus"), socket: folder.path("q.sock"))
        try await daemon.waitUntilServing()
        #expect(try await waitFor {
            let status = try daemon.request("GET", "/status").json
            return status["source_count"] as? Int == 2 && status["items"] as? Int == 4 && status["queue_depth"] as? Int == 0
        })
        let bypass = try daemon.request("GET", "/search?q=bypass")
        #expect(hits(bypass).map { $0["meeting_date"] as? String } == ["2025-03-04"])
        #expect(daemon.terminate() == 0)
    }
}
