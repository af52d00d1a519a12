import Foundation
import Testing

/// systemd's analyzer, when installed (CI installs the systemd package; no running systemd
/// is needed to check a unit file).
let systemdAnalyzer: String? = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Checks systemd/quorumd.service with systemd's own tools.
@Suite("systemd unit")
struct SystemdUnitTests {
    static var analyzer: String? { systemdAnalyzer }

    static let unitPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("systemd/quorumd.service").path

    static let execStart =
        "ExecStart=/usr/local/bin/quorumd --index /var/lib/quorum/index --watch /var/lib/quorum/corpus --socket /run/quorum/quorum.sock --socket-mode 0660"

    /// A copy of the unit whose ExecStart runs /usr/bin/true with the same arguments: verify
    /// checks that the binary exists, and quorumd is not installed where the test runs.
    /// Everything else in the unit is checked as written.
    static func verifiableCopy(in folder: TemporaryFolder) throws -> String {
        let text = try String(contentsOfFile: unitPath, encoding: .utf8)
        let rewritten = text.replacingOccurrences(
            of: "\nExecStart=/usr/local/bin/quorumd ", with: "\nExecStart=/usr/bin/true ")
        #expect(rewritten != text, "ExecStart no longer starts /usr/local/bin/quorumd")
        let copy = folder.path("quorumd.service")
        try rewritten.write(toFile: copy, atomically: false, encoding: .utf8)
        return copy
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: analyzer!)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test("the unit states the daemon's command line and readiness protocol")
    func contents() throws {
        let lines = try String(contentsOfFile: Self.unitPath, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines.contains(Self.execStart))
        for setting in ["Type=notify", "DynamicUser=yes", "StateDirectory=quorum", "RuntimeDirectory=quorum",
                        "RestrictAddressFamilies=AF_UNIX", "PrivateNetwork=yes", "KillSignal=SIGTERM"] {
            #expect(lines.contains(setting), "missing \(setting)")
        }
    }

    @Test("systemd-analyze verify accepts it without a single warning", .enabled(if: systemdAnalyzer != nil))
    func verify() throws {
        let folder = try TemporaryFolder()
        let copy = try Self.verifiableCopy(in: folder)
        let result = try Self.run(["verify", copy])
        // verify exits 0 even for unknown keys, which it only prints: so stderr must be empty.
        #expect(result.status == 0)
        #expect(result.errors.isEmpty, "\(result.errors)")
    }

    @Test("systemd-analyze security rates its exposure as low (offline, no running systemd)", .enabled(if: systemdAnalyzer != nil))
    func security() throws {
        let folder = try TemporaryFolder()
        let copy = try Self.verifiableCopy(in: folder)
        let result = try Self.run(["security", "--offline=true", "--no-pager", copy])
        // --offline arrived in systemd 252; an older analyzer cannot rate a unit file.
        try #require(result.status == 0 || !result.errors.contains("unrecognized option"))
        let line = (result.output + result.errors).components(separatedBy: "\n")
            .first { $0.contains("Overall exposure level for quorumd.service:") }
        let score = line.flatMap { $0.split(separator: ":").last?.split(separator: " ").first }.flatMap { Double($0) }
        #expect(score != nil, "no score in: \(result.output)\(result.errors)")
        #expect((score ?? 10) <= 1.0, "\(line ?? "")")
    }
}
