import Foundation
import Testing

@testable import MinutesIngest

#if canImport(Glibc)
import Glibc
#endif

/// Least privilege: who may connect, where posted documents may land, what helper programs may take.
@Suite("quorumd, least privilege", .serialized)
struct LeastPrivilegeTests {
    @Test("--socket-group gives the socket to that group, mode 0660; an unknown group stops the start")
    func socketGroup() async throws {
        let folder = try TemporaryFolder("quorumd-group")
        try makeFolder(folder.path("corpus"))
        // nogroup exists on Debian; as root the daemon may give the socket to any group.
        let name = getuid() == 0 ? "nogroup" : String(getgid())
        guard let entry = getgrnam(name) ?? (gid_t(name).flatMap { getgrgid($0) }) else { return }
        let gid = entry.pointee.gr_gid
        let daemon = try DaemonProcess(index: folder.path("index"), watch: folder.path("corpus"), socket: folder.path("q.sock"),
                                       extra: ["--socket-group", name])
        try await daemon.waitUntilServing()
        var info = stat()
        #expect(lstat(folder.path("q.sock"), &info) == 0)
        #expect(info.st_gid == gid)
        #expect(info.st_mode & 0o777 == 0o660)
        #expect(daemon.terminate() == 0)

        let refused = try DaemonProcess(index: folder.path("index"), watch: folder.path("corpus"), socket: folder.path("q2.sock"),
                                        extra: ["--socket-group", "no-such-group-quorum"])
        await refused.process.exited()
        #expect(refused.process.terminationStatus != 0)
        #expect(refused.log().contains("no group named 'no-such-group-quorum'"))
    }

    @Test("POST /documents names cannot leave the watched folder: ../, absolute, NUL, hidden, links")
    func documentNames() async throws {
        let folder = try TemporaryFolder("quorumd-names")
        try makeFolder(folder.path("corpus"))
        try makeFolder(folder.path("outside"))
        try writeFile(folder.path("outside/target.txt"), "untouched")
        // A link in the watched folder pointing outside: posting its name replaces the link, never writes through it.
        #expect(symlink(folder.path("outside/target.txt"), folder.path("corpus/linked.txt")) == 0)
        let daemon = try DaemonProcess(index: folder.path("index"), watch: folder.path("corpus"), socket: folder.path("q.sock"))
        try await daemon.waitUntilServing()
        let body = Data(SampleMinutes.cabinet.utf8)
        for name in ["..%2Foutside%2Fescape.txt", "%2Ftmp%2Fescape.txt", "sub%2Fx.txt", "a%00b.txt", ".hidden.txt", "..", "x.sh", ""] {
            let answer = try daemon.request("POST", "/documents?name=\(name)", body: body)
            #expect(answer.status == 400, "\(name): \(answer.status)")
            #expect((answer.json["error"] as? [String: Any])?["code"] as? String == "bad_name", "\(name)")
        }
        #expect(!fileExists(folder.path("outside/escape.txt")) && !fileExists("/tmp/escape.txt"))
        let linked = try daemon.request("POST", "/documents?name=linked.txt", body: body)
        #expect(linked.status == 201)
        #expect(try String(contentsOfFile: folder.path("outside/target.txt"), encoding: .utf8) == "untouched")
        var info = stat()
        #expect(lstat(folder.path("corpus/linked.txt"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        #expect(daemon.terminate() == 0)
    }

    @Test("pdftotext runs under a memory limit: too little memory fails the file with a clear reason")
    func pdftotextMemoryLimit() throws {
        let pdf = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("MinutesIngestTests/Fixtures/pdf/improving-lives-2018-09-18-minutes.pdf")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"), ExternalTool.locate("pdftotext") != nil else { return }
        // The standard limit (1 GiB) reads the minutes.
        let text = try DocumentReader.readText(at: pdf)
        #expect(text.contains("Improving Lives") || text.count > 1000)
        // 8 MiB of address space is too little for pdftotext to even load.
        do {
            _ = try DocumentReader.readText(at: pdf, options: ReadOptions(helperMemoryBytes: 8 << 20))
            Issue.record("pdftotext ran despite an 8 MiB limit: the limit is not applied")
        } catch let error as IngestError {
            #expect(error.reason == "pdftotext needed more than its 8 MiB memory limit and was stopped", "\(error.reason)")
        }
    }
}
