import Foundation
import Testing

/// The real `quorumd` binary, started on a temporary index, folder and socket.
final class DaemonProcess {
    let process = Process()
    let socket: String
    /// The daemon's log goes to a file, not a pipe: a long run (a bulk ingest) would fill a
    /// pipe nobody reads and block the daemon mid-write.
    let logPath: String

    /// The folder of the built products (`.build/debug`), where the test bundle sits too.
    static var productsFolder: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// `launcher` runs first with the daemon's command line after it (`setpriv …`, `prlimit …`).
    convenience init(index: String, watch: String, socket: String, extra: [String] = [], launcher: [String] = []) throws {
        try self.init(arguments: ["--index", index, "--watch", watch, "--socket", socket] + extra, socket: socket, launcher: launcher)
    }

    /// A daemon with exactly these arguments, which must include `--socket socket`.
    init(arguments: [String], socket: String, launcher: [String] = []) throws {
        self.socket = socket
        let quorumd = Self.productsFolder.appendingPathComponent("quorumd")
        if let tool = launcher.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(launcher.dropFirst()) + [quorumd.path] + arguments
        } else {
            process.executableURL = quorumd
            process.arguments = arguments
        }
        logPath = socket + ".log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { process.interrupt(); process.waitUntilExit() }
    }

    /// Waits until the daemon answers `/healthz`.
    func waitUntilServing(timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if process.isRunning, (try? request("GET", "/healthz").status) == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw DaemonTestError("quorumd did not start serving: \(log())")
    }

    /// An HTTP request over the socket, through curl as a user would send it.
    func request(_ method: String, _ path: String, body: Data? = nil) throws -> (status: Int, json: [String: Any]) {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        var arguments = ["-s", "-X", method, "--unix-socket", socket, "-w", "\n%{http_code}", "http://localhost\(path)"]
        let input = Pipe()
        if body != nil { arguments += ["--data-binary", "@-"] }
        curl.arguments = arguments
        curl.standardInput = input
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        if let body { input.fileHandleForWriting.write(body) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.lastIndex(of: "\n"), let status = Int(text[text.index(after: split)...]) else {
            throw DaemonTestError("no HTTP answer from curl: \(text)")
        }
        let json = (try? JSONSerialization.jsonObject(with: Data(text[..<split].utf8))) as? [String: Any] ?? [:]
        return (status, json)
    }

    /// Sends SIGKILL, as a crash would, and waits until the process is gone.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Sends SIGTERM and waits for the exit status.
    func terminate() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// What the daemon has logged so far.
    func log() -> String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }
}

struct DaemonTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Polls `condition` until it holds or `timeout` passes.
func waitFor(timeout: Duration = .seconds(10), _ condition: () throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try condition()
}
