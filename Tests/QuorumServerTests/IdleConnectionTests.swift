import Foundation
import Testing

/// `--idle-timeout`: connections that send nothing, or nothing more after an answer, are closed.
@Suite("quorumd, idle connections")
struct IdleConnectionTests {
    @Test("a silent connection and a kept-alive one are both closed after --idle-timeout")
    func idleConnectionsAreClosed() async throws {
        let folder = try TemporaryFolder()
        try makeFolder(folder.path("corpus"))
        try writeFile(folder.path("corpus/cabinet.txt"), SampleMinutes.cabinet)
        let daemon = try DaemonProcess(index: folder.path("index"), watch: folder.path("corpus"), socket: folder.path("q.sock"),
                                       extra: ["--idle-timeout", "1"])
        try await daemon.waitUntilServing()

        let silent = try RawHTTPConnection(socket: daemon.socket)
        let keptAlive = try RawHTTPConnection(socket: daemon.socket)
        keptAlive.send("GET /healthz HTTP/1.1\r\nHost: quorum\r\n\r\n")
        #expect(keptAlive.readAnswer(timeout: .seconds(5)).status == 200)

        // Both now sit idle; each should be closed about a second after its last activity.
        let silentEnd = silent.readAnswer(timeout: .seconds(10))
        #expect(silentEnd.failure == "closed without an answer")
        #expect(silentEnd.elapsed < .seconds(5), "open for \(silentEnd.elapsed)")
        let keptAliveEnd = keptAlive.readAnswer(timeout: .seconds(10))
        #expect(keptAliveEnd.failure == "closed without an answer")
        #expect(keptAliveEnd.elapsed < .seconds(5), "open for \(keptAliveEnd.elapsed)")

        // The daemon itself serves on.
        #expect(try daemon.request("GET", "/search?q=allotments").status == 200)
        #expect(daemon.terminate() == 0)
    }

    @Test("--idle-timeout must be seconds between 0 and a day")
    func badIdleTimeoutIsRefused() async throws {
        let folder = try TemporaryFolder()
        try makeFolder(folder.path("corpus"))
        let daemon = try DaemonProcess(index: folder.path("index"), watch: folder.path("corpus"), socket: folder.path("q.sock"),
                                       extra: ["--idle-timeout", "100000"])
        await daemon.process.exited()
        #expect(daemon.process.terminationStatus != 0)
        #expect(daemon.log().contains("--idle-timeout takes seconds between 0 and 86400"))
    }
}
