import Foundation
import Testing

/// The real `quorumd` binary, started on a temporary index, folder and socket.
final class DaemonProcess {
    let process = Process()
    let socket: String
    let stderr = Pipe()

    /// The folder of the built products (`.build/debug`), where the test bundle sits too.
    static var productsFolder: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    init(index: String, watch: String, socket: String, extra: [String] = []) throws {
        self.socket = socket
        process.executableURL = Self.productsFolder.appendingPathComponent("quorumd")
        process.arguments = ["--index", index, "--watch", watch, "--socket", socket] + extra
        process.standardError = stderr
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

    /// Sends SIGTERM and waits for the exit status.
    func terminate() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// What the daemon logged (read once it has exited, or what is buffered so far).
    func log() -> String {
        if process.isRunning { return "(still running)" }
        return String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
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
