import Foundation
import MinutesIndex
import Testing
import Xapian

/// The real quorumd's first scan of a large folder into an empty index: one bulk load on every
/// core, merged, then exchanged for the empty index; the same items as a serial load.
@Suite("quorumd loads a large first scan in bulk", .serialized)
struct BulkLoadTests {
    private static let fileCount = 60

    @Test("a first scan over the threshold is one bulk load with a serial load's items; writing goes on after it")
    func firstScanInBulk() async throws {
        let folder = try TemporaryFolder("quorumd-bulk")
        let corpus = folder.path("corpus")
        try SampleMinutes.writeWards(Self.fileCount, into: corpus)
        let index = folder.path("index")
        var daemon = try DaemonProcess(index: index, watch: corpus, socket: folder.path("q.sock"),
                                       extra: ["--bulk-load-threshold", "20"])
        try await daemon.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(60)) {
            try daemon.request("GET", "/status").json["items"] as? Int == 2 * Self.fileCount
        }, "\(daemon.log())")
        #expect(daemon.log().contains("bulk load: \(Self.fileCount) files into the empty index"), "\(daemon.log())")
        #expect(daemon.log().contains("bulk load done: \(2 * Self.fileCount) items"))
        #expect(try daemon.request("GET", "/search?limit=0&q=%22ward+17%22").json["total"] as? Int == 1)
        #expect(!FileManager.default.fileExists(atPath: index + ".bulk-load"), "the empty index it replaced is gone")

        // The loaded index is the one written to from now on, and its lock is held.
        try writeFile(corpus + "/planning.txt", SampleMinutes.planning)
        #expect(try await waitFor(timeout: .seconds(30)) { try daemon.request("GET", "/status").json["items"] as? Int == 2 * Self.fileCount + 2 })
        #expect(try daemon.request("GET", "/search?limit=0&q=bypass").json["total"] as? Int == 1)
        let second = try DaemonProcess(index: index, watch: corpus, socket: folder.path("second.sock"))
        await second.process.exited()
        #expect(second.process.terminationStatus != 0)
        #expect(second.log().contains("locked"), "\(second.log())")
        #expect(daemon.terminate() == 0)

        // The same items as a serial load of the same files.
        let serial = folder.path("serial")
        let indexer = try Indexer(path: serial)
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus).sorted() {
            try indexer.indexFile(atPath: corpus + "/" + name)
        }
        try indexer.commit()
        #expect(try itemIDs(ofIndex: index) == itemIDs(ofIndex: serial))
        let check = try await runProgram(URL(fileURLWithPath: "/usr/bin/xapian-check"), [index])
        #expect(check.status == 0, "\(check.output)")

        // An index that holds items is never bulk loaded again.
        try writeFile(corpus + "/cabinet-extra.txt", SampleMinutes.cabinet)
        daemon = try DaemonProcess(index: index, watch: corpus, socket: folder.path("q.sock"), extra: ["--bulk-load-threshold", "1"])
        try await daemon.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(30)) { try daemon.request("GET", "/status").json["items"] as? Int == 2 * Self.fileCount + 4 })
        #expect(!daemon.log().contains("bulk load"))
        #expect(daemon.terminate() == 0)
    }

    @Test("a stop during a bulk load cancels it promptly; the next start loads again")
    func stopDuringABulkLoad() async throws {
        let folder = try TemporaryFolder("quorumd-bulk-stop")
        let corpus = folder.path("corpus")
        try SampleMinutes.writeWards(1500, into: corpus)
        let index = folder.path("index")
        let daemon = try DaemonProcess(index: index, watch: corpus, socket: folder.path("q.sock"), extra: ["--bulk-load-threshold", "20"])
        try await daemon.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(30)) { daemon.log().contains("bulk load: 1500 files") })
        let asked = ContinuousClock.now
        #expect(daemon.terminate() == 0)
        let took = ContinuousClock.now - asked
        #expect(daemon.log().contains("bulk load stopped"), "\(daemon.log())")
        #expect(took < .seconds(10), "the stop waited \(took) for the load")

        let again = try DaemonProcess(index: index, watch: corpus, socket: folder.path("q.sock"), extra: ["--bulk-load-threshold", "20"])
        try await again.waitUntilServing()
        #expect(try await waitFor(timeout: .seconds(120)) { try again.request("GET", "/status").json["items"] as? Int == 3000 }, "\(again.log())")
        #expect(again.log().contains("bulk load done: 3000 items"))
        #expect(again.terminate() == 0)
    }
}
