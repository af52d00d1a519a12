import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// A helper program the daemon keeps running for as long as it runs (Xapian's replication
/// server or client): started at once, started again a second later whenever it exits, sent
/// SIGTERM on graceful shutdown. Its output goes to the daemon's log, a line at a time.
///
/// The program is started under `setpriv --pdeathsig KILL` (util-linux), so that it dies with the daemon
/// even when the daemon is killed with SIGKILL and has no chance to stop it: a replication
/// client left behind would hold the replica's write lock against the next daemon.
final class SupervisedProcess: Service, Sendable {
    /// What `/status` says of the program.
    struct State: Sendable {
        var running = false
        var starts = 0
        /// The last line it printed, and when.
        var lastMessage: String?
        var lastMessageAt: Date?
    }

    let name: String
    private let executable: String
    private let arguments: [String]
    private let environment: [String: String]?
    private let logger: Logger
    private let restartDelay: Duration
    private let state = Mutex(State())
    private let current = Mutex<Process?>(nil)

    /// A supervisor for `executable` with `arguments`; `environment` replaces the daemon's own
    /// when given.
    init(name: String, executable: String, arguments: [String], environment: [String: String]? = nil,
         restartDelay: Duration = .seconds(1), logger: Logger) {
        self.name = name
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.restartDelay = restartDelay
        self.logger = logger
    }

    var snapshot: State { state.withLock { $0 } }

    func run() async throws {
        await withGracefulShutdownHandler {
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                let status = await runOnce()
                guard !Task.isShuttingDownGracefully else { break }
                logger.warning("\(name) exited (\(status)); starting it again in \(restartDelay)")
                try? await Task.sleep(for: restartDelay)
            }
        } onGracefulShutdown: { [self] in
            current.withLock { process in
                if let process, process.isRunning { process.terminate() }
            }
        }
    }

    /// Runs the program to its end; returns how it ended, in words.
    private func runOnce() async -> String {
        let process = Process()
        // The daemon ignores SIGTERM, SIGINT and SIGPIPE (it handles the first two itself), and
        // ignored signals stay ignored across exec: env puts them back to their defaults, so
        // that SIGTERM stops the program.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--default-signal=TERM,INT,PIPE", "/usr/bin/setpriv", "--pdeathsig", "KILL", "--", executable] + arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        let lines = LineSplitter()
        output.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            for line in lines.append(data) {
                state.withLock { $0.lastMessage = line; $0.lastMessageAt = Date() }
                logger.info("\(name): \(line)")
            }
        }
        let ended = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { ended.continuation.yield($0.terminationStatus); ended.continuation.finish() }
        do {
            try process.run()
        } catch {
            output.fileHandleForReading.readabilityHandler = nil
            return "cannot start \(executable): \(error)"
        }
        current.withLock { $0 = process }
        state.withLock { $0.running = true; $0.starts += 1 }
        var status: Int32 = -1
        for await code in ended.stream { status = code }
        state.withLock { $0.running = false }
        current.withLock { $0 = nil }
        output.fileHandleForReading.readabilityHandler = nil
        return "status \(status)"
    }
}

/// Bytes from a pipe cut into lines, the last partial line kept for the next read.
private final class LineSplitter: Sendable {
    private let pending = Mutex(Data())

    func append(_ data: Data) -> [String] {
        pending.withLock { buffer in
            buffer.append(data)
            var lines: [String] = []
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(line) }
            }
            return lines
        }
    }
}
