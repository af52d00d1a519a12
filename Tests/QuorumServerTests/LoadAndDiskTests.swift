import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The daemon under load and out of disk, the real binary on a temporary socket.
@Suite("quorumd, load and out of disk", .serialized)
struct LoadAndDiskTests {
    /// A document whose one item is found by `word`, written under a unique name.
    static func minutes(_ number: Int) -> String {
        SampleMinutes.planning.replacingOccurrences(of: "NORTHERN BYPASS", with: "BULK ITEM\(number)")
            .replacingOccurrences(of: "ALLOTMENTS AT MILL LANE", with: "QUARRY AT STONE ROW")
            .replacingOccurrences(of: "building on the Mill Lane allotments", with: "the stone row quarry")
    }

    @Test("32 clients search while 300 files are ingested: no errors, no stall over the bound, answers never go backwards")
    func concurrentClientsDuringBulkIngest() async throws {
        let folder = try TemporaryFolder("quorumd-load")
        try makeFolder(folder.path("corpus"))
        try writeFile(folder.path("corpus/cabinet.txt"), SampleMinutes.cabinet)
        let daemon = try DaemonProcess(index: folder.path("index"), watch: folder.path("corpus"), socket: folder.path("q.sock"),
                                       extra: ["--log-level", "warning"])
        try await daemon.waitUntilServing()
        #expect(try await waitFor { try daemon.request("GET", "/search?q=allotment").json["total"] as? Int == 1 })

        let files = 300
        let clients = 32
        let stallBound: Duration = .seconds(2)
        let done = StopFlag()
        let socket = daemon.socket
        // Each client checks every answer against the committed state: "allotment" is in the
        // first file only, so always 1 hit; the count of bulk items (one per bulk file) only
        // grows, since a commit never takes an item back.
        // Clients are threads, not tasks: their blocking socket calls must not occupy the few
        // threads of Swift's cooperative pool, which the test itself needs meanwhile.
        let collected = Mutex<[(count: Int, errors: [String], worst: Duration)]>([])
        let finished = DispatchGroup()
        for client in 0..<clients {
            finished.enter()
            Thread.detachNewThread {
                var count = 0, errors: [String] = [], worst = Duration.zero, lastBulk = 0
                while !done.isSet {
                    let query = client % 2 == 0 ? "/search?q=allotment" : "/search?q=quarry&limit=0"
                    let answer = exchange(socket, rawGET(query), timeout: .seconds(10))
                    count += 1
                    worst = max(worst, answer.elapsed)
                    let total = (try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any])?["total"] as? Int
                    if answer.status != 200 || total == nil {
                        errors.append("\(answer.status.map(String.init) ?? answer.failure ?? "?")")
                    } else if client % 2 == 0, total != 1 {
                        errors.append("allotment total \(total!)")
                    } else if client % 2 == 1 {
                        if total! < lastBulk { errors.append("bulk total went back from \(lastBulk) to \(total!)") }
                        lastBulk = total!
                    }
                }
                collected.withLock { $0.append((count, errors, worst)) }
                finished.leave()
            }
        }
        // The bulk ingest: files arrive as fast as they can be written.
        for n in 1...files {
            try writeFile(folder.path("corpus/bulk-\(n).txt"), Self.minutes(n))
        }
        let settled = try await waitFor(timeout: .seconds(120)) {
            let status = try daemon.request("GET", "/status").json
            return status["indexed_count"] as? Int == files + 1 && status["queue_depth"] as? Int == 0
        }
        #expect(settled, "ingest did not settle")
        try await Task.sleep(for: .milliseconds(300))
        done.set()
        finished.wait()
        let results = collected.withLock { $0 }
        let requests = results.map(\.count).reduce(0, +)
        let errors = results.flatMap(\.errors)
        let worst = results.map(\.worst).max() ?? .zero
        print("load: \(clients) clients, \(requests) searches during the ingest of \(files) files, \(errors.count) errors, worst answer \(worst / .milliseconds(1)) ms")
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        #expect(worst < stallBound, "worst answer \(worst)")
        #expect(requests > clients * 5)
        // After the ingest: every file's item is there, once.
        #expect(try daemon.request("GET", "/search?q=quarry&limit=0").json["total"] as? Int == files)
        #expect(try daemon.request("GET", "/status").json["items"] as? Int == 2 + 2 * files)
        #expect(daemon.terminate() == 0)
    }

    @Test("a full disk fails the writer cleanly: searches go on, /status says why, writing resumes when space returns")
    func outOfDisk() async throws {
        let folder = try TemporaryFolder("quorumd-disk")
        try makeFolder(folder.path("corpus"))
        try makeFolder(folder.path("disk"))
        let mounted = DiskFaults.mountSmallTmpfs(folder.path("disk"), megabytes: 16)
        defer { if mounted { umount2(folder.path("disk"), Int32(MNT_DETACH)) } }
        try writeFile(folder.path("corpus/cabinet.txt"), SampleMinutes.cabinet)
        let daemon = try DaemonProcess(index: folder.path("disk/index"), watch: folder.path("corpus"), socket: folder.path("q.sock"),
                                       extra: ["--rescan-interval", "1", "--log-level", "warning"])
        try await daemon.waitUntilServing()
        #expect(try await waitFor { try daemon.request("GET", "/search?q=allotment").json["total"] as? Int == 1 })

        // Fill the disk to the last block (or cap file sizes at the index's largest file), then
        // add documents.
        let filler = folder.path("disk/filler")
        if !mounted {
            let sizes = try FileManager.default.contentsOfDirectory(atPath: folder.path("disk/index")).map {
                (try FileManager.default.attributesOfItem(atPath: folder.path("disk/index/\($0)"))[.size] as? Int) ?? 0
            }
            print("out of disk: no tmpfs here; file sizes capped at \(sizes.max() ?? 0) bytes (RLIMIT_FSIZE) instead")
            try DiskFaults.setFileSizeLimit(of: daemon.process.processIdentifier, to: String(sizes.max() ?? 0))
        } else {
            DiskFaults.fill(filler)
        }
        for n in 1...20 { try writeFile(folder.path("corpus/bulk-\(n).txt"), Self.minutes(n) + String(repeating: "Padding words for the index. ", count: 400)) }

        #expect(try await waitFor(timeout: .seconds(30)) { try daemon.request("GET", "/status").json["writer_error"] != nil },
                "no writer_error; log: \(daemon.log())")
        let failing = try daemon.request("GET", "/status").json
        let message = (failing["writer_error"] as? [String: Any])?["message"] as? String ?? ""
        print("out of disk: writer_error \(message)")
        #expect(mounted ? message.contains("space") : message.contains("too large"), "\(message)")
        // Searches still answer from the last commit.
        #expect(try daemon.request("GET", "/search?q=allotment").json["total"] as? Int == 1)
        #expect(daemon.process.isRunning)

        // Space returns: the writer retries on its own and catches up.
        if mounted {
            try FileManager.default.removeItem(atPath: filler)
        } else {
            try DiskFaults.setFileSizeLimit(of: daemon.process.processIdentifier, to: "unlimited")
        }
        #expect(try await waitFor(timeout: .seconds(60)) {
            let status = try daemon.request("GET", "/status").json
            return status["writer_error"] == nil && status["indexed_count"] as? Int == 21 && status["queue_depth"] as? Int == 0
        }, "did not resume: \(String(describing: (try? daemon.request("GET", "/status").json["writer_error"]) ?? nil))")
        #expect(try daemon.request("GET", "/search?q=quarry&limit=0").json["total"] as? Int == 20)
        #expect(daemon.terminate() == 0)
        // No corruption, and every item once.
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/xapian-check")
        check.arguments = [folder.path("disk/index")]
        check.standardOutput = FileHandle.nullDevice
        try check.run()
        await check.exited()
        #expect(check.terminationStatus == 0)
    }
}

/// A flag one task sets and others poll.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}
