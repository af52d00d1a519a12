import Foundation
import Logging
import Synchronization
import Xapian

#if canImport(Glibc)
import Glibc
#endif

/// The checkout's root folder (Corpus/, docs/, scripts/ and the sources are under it).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh folder under the system temp dir, removed with its contents when released.
final class TemporaryFolder: Sendable {
    let path: String

    init(_ label: String = "quorum-test") throws {
        var template = Array("\(NSTemporaryDirectory())/\(label)-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        // Resolve /tmp symlinks so paths compare equal to the ones the watcher reports.
        path = URL(fileURLWithPath: String(cString: created)).resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func path(_ relative: String) -> String { path + "/" + relative }
}

/// A free TCP port on loopback, found by binding port 0.
func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw DaemonTestError("cannot find a free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Writes a file with plain open/write/close, so the watcher sees exactly one IN_CLOSE_WRITE
/// (Foundation's writers may go through a temp file and a rename).
func writeFile(_ path: String, _ contents: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    let bytes = Array(contents.utf8)
    guard write(fd, bytes, bytes.count) == bytes.count else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
}

func makeFolder(_ path: String) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
}

func rename(_ from: String, to: String) throws {
    guard Glibc.rename(from, to) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
}

/// Collects log records in memory, so tests can assert what was logged.
final class LogRecorder: Sendable {
    struct Record: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: Logger.Metadata
    }

    private let storage = Mutex<[Record]>([])

    var records: [Record] { storage.withLock { $0 } }

    func append(_ record: Record) { storage.withLock { $0.append(record) } }

    func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "quorum-test") { _ in Handler(recorder: self) }
        logger.logLevel = level
        return logger
    }

    struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.append(
                Record(level: event.level, message: event.message.description, metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
        }
    }
}

/// Polls `condition` until it holds or `timeout` passes; tests use it to wait for effects of
/// other threads (the watcher's) without a fixed sleep.
func eventually(timeout: Duration = .seconds(15), _ condition: () -> Bool) async throws -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while clock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}

extension Process {
    /// Waits for the process to exit on a thread of its own. `waitUntilExit()` in an async test
    /// holds one of the cooperative pool's threads — two on a two-core machine — for as long as
    /// the program runs, and the timeouts of every other test running meanwhile expire.
    func exited() async {
        nonisolated(unsafe) let process = self
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                process.waitUntilExit()
                done.resume()
            }.start()
        }
    }
}

/// Runs a program to its end on a thread of its own (see ``Foundation/Process/exited()``) and
/// returns its exit status and its standard output and error, together.
func runProgram(_ program: URL, _ arguments: [String]) async throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    nonisolated(unsafe) let reading = pipe.fileHandleForReading
    // Read before waiting, so a large output cannot fill the pipe and stall the program.
    let data = await withCheckedContinuation { (done: CheckedContinuation<Data, Never>) in
        Thread { done.resume(returning: reading.readDataToEndOfFile()) }.start()
    }
    await process.exited()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The item ids an index holds (its `Q` terms), to compare two indexes item for item.
func itemIDs(ofIndex path: String) throws -> Set<String> {
    Set(try Database(path: path).allTerms(withPrefix: "Q").map { String($0.dropFirst()) })
}
