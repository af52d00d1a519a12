import Foundation

/// Runs a helper program (pdftotext, tesseract) the safe way: found on the search path, given an
/// argument list (never a shell, so no file name is ever interpreted), stopped after a time limit,
/// and with its output capped, since a hostile or broken file must not hang or flood ingestion.
struct ExternalTool {
    /// What a finished run left behind.
    struct Result {
        var status: Int32
        /// Whether a signal ended the tool (an abort after a failed allocation, a crash) rather than exit(3).
        var signalled: Bool
        var output: Data
        /// The first part of what the tool wrote to standard error.
        var errorText: String
    }

    /// Why a run did not finish on its own.
    enum Failure: Error, Equatable {
        case timedOut(seconds: Double)
        case outputTooLarge(limit: Int)
        case launchFailed(String)
    }

    /// The executable's location.
    let url: URL

    /// Finds `name` in `directories` (by default the directories of `PATH`), or nil.
    static func locate(_ name: String, in directories: [String]? = nil) -> ExternalTool? {
        let searched = directories ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
            .split(separator: ":").map(String.init)
        for directory in searched where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return ExternalTool(url: candidate) }
        }
        return nil
    }

    /// Runs the tool with `arguments`. Standard output and error go to temporary files rather than
    /// pipes: nothing can deadlock on a full pipe, and the output's size can be watched while the
    /// tool runs. The tool is killed when it passes `timeout` seconds or writes more than
    /// `outputLimit` bytes.
    ///
    /// With `memoryLimit`, the tool runs under util-linux `prlimit --as=BYTES --`, which sets
    /// RLIMIT_AS on itself and then execs the tool (Foundation's Process cannot set limits on a
    /// child, and a shell must never see the arguments): a file that would need more memory
    /// makes the tool fail, not the machine swap. Without prlimit on the system the tool runs unlimited.
    func run(_ arguments: [String], timeout: Double, outputLimit: Int, memoryLimit: Int? = nil) throws -> Result {
        let scratch = try TemporaryFolder()
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }

        let process = Process()
        if let memoryLimit, let prlimit = Self.locate("prlimit", in: ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]) {
            process.executableURL = prlimit.url
            process.arguments = ["--as=\(memoryLimit)", "--", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw Failure.launchFailed("cannot run \(url.path): \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var failure: Failure?
        // Wake on exit at once; otherwise look at the clock and the output size a few times a second.
        while exited.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if Date() > deadline {
                failure = .timedOut(seconds: timeout)
            } else if fileSize(outURL) > outputLimit {
                failure = .outputTooLarge(limit: outputLimit)
            }
            if failure != nil {
                stop(process, exited: exited)
                break
            }
        }
        if let failure { throw failure }
        process.waitUntilExit()
        let reader = try FileHandle(forReadingFrom: outURL)
        defer { try? reader.close() }
        let output = try reader.read(upToCount: outputLimit + 1) ?? Data()
        if output.count > outputLimit { throw Failure.outputTooLarge(limit: outputLimit) }
        let errorData = (try? Data(contentsOf: errURL).prefix(4096)) ?? Data()
        return Result(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, output: output,
                      errorText: String(decoding: errorData, as: UTF8.self))
    }

    /// SIGTERM first so the tool can clean up; SIGKILL if it ignores that for a second.
    private func stop(_ process: Process, exited: DispatchSemaphore) {
        process.terminate()
        if exited.wait(timeout: .now() + .seconds(1)) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            _ = exited.wait(timeout: .now() + .seconds(1))
        }
    }

    private func fileSize(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// A private folder under the system's temporary directory, removed with everything in it when
/// the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
