import Foundation
import Testing

/// The crash soak (scripts/crash-soak) in short: 3 rounds of SIGKILL during ingest and restart
/// over 100 files, each round checked against a clean rebuild with xapian-check. The script
/// exits non-zero when a round loses, doubles or corrupts anything, and so fails this test.
@Suite("crash soak, short", .serialized)
struct CrashSoakTests {
    @Test("3 rounds of kill -9 during ingest of 100 files lose and double nothing",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xapian-check")))
    func shortSoak() async throws {
        let script = repositoryRoot.appendingPathComponent("scripts/crash-soak")
        let (status, text) = try await runProgram(script, ["--rounds", "3", "--files", "100", "--bin", DaemonProcess.productsFolder.path])
        print(text)
        #expect(status == 0, "\(text)")
        #expect(text.contains("crash soak passed: 3 rounds survived (3 SIGKILLs"))
        #expect(text.contains("100 files, 200 items, nothing lost or doubled"))
        // Every round compared with its clean rebuild.
        #expect(text.components(separatedBy: "= clean rebuild, ids identical, xapian-check ok").count - 1 == 3)
    }
}
