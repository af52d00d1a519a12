import Foundation
import Logging
import Testing

@testable import QuorumServer

#if canImport(Glibc)
import Glibc
#endif

@Suite("UnixSocketBinding")
struct UnixSocketBindingTests {
    @Test("a path over 107 bytes is refused with the limit in the message")
    func pathTooLong() throws {
        let path = "/tmp/" + String(repeating: "q", count: 103)  // 108 bytes
        let error = #expect(throws: UnixSocketBindingError.self) { _ = try UnixSocketBinding(path: path) }
        #expect(error?.kind == .pathTooLong)
        #expect(error?.description == "socket path \(path) is 108 bytes long; Linux allows at most 107: choose a shorter path")
        let longest = "/tmp/" + String(repeating: "q", count: 102)
        #expect(try UnixSocketBinding(path: longest).path == longest)
    }

    @Test("prepare creates the parent folder")
    func createsParent() throws {
        let folder = try TemporaryFolder()
        let binding = try UnixSocketBinding(path: folder.path("run/quorum/quorum.sock"))
        try binding.prepare(logger: LogRecorder().logger())
        #expect(fileMode(folder.path("run/quorum")) != nil)
        #expect(!fileExists(folder.path("run/quorum/quorum.sock")))
    }

    @Test("a stale socket (nobody listening) is removed")
    func staleSocket() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("quorum.sock")
        do {
            // Bound but never listening, then closed: the file stays, as after a crash.
            let dead = try RawUnixSocket(type: Int32(SOCK_STREAM.rawValue))
            try dead.bind(path)
        }
        #expect(fileExists(path))
        let recorder = LogRecorder()
        try UnixSocketBinding(path: path).prepare(logger: recorder.logger())
        #expect(!fileExists(path))
        #expect(recorder.records.contains { $0.message == "removed stale socket file" })
    }

    @Test("a socket someone answers on is left alone and reported")
    func liveSocket() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("quorum.sock")
        let live = try RawUnixSocket(type: Int32(SOCK_STREAM.rawValue))
        try live.bind(path)
        try live.listen()
        let error = #expect(throws: UnixSocketBindingError.self) {
            try UnixSocketBinding(path: path).prepare(logger: LogRecorder().logger())
        }
        #expect(error?.kind == .inUse)
        #expect(error?.description == "another quorumd is serving on \(path)")
        #expect(fileExists(path))
    }

    @Test("a file that is not a socket is never removed")
    func notASocket() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("quorum.sock")
        try writeFile(path, "precious")
        let error = #expect(throws: UnixSocketBindingError.self) {
            try UnixSocketBinding(path: path).prepare(logger: LogRecorder().logger())
        }
        #expect(error?.kind == .notASocket)
        #expect(error?.description == "\(path) exists and is not a socket; refusing to replace it")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious")
    }

    @Test("removeSocketFile removes only the socket this binding bound")
    func removesOnlyOwnSocket() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("quorum.sock")
        let binding = try UnixSocketBinding(path: path, mode: 0o600)
        // Never bound: nothing is ours to remove.
        let other = try RawUnixSocket(type: Int32(SOCK_STREAM.rawValue))
        try other.bind(path)
        binding.removeSocketFile(logger: LogRecorder().logger())
        #expect(fileExists(path))
        // Bound (as far as the binding knows): mode applied, then removed.
        try binding.didBind()
        #expect(fileMode(path) == 0o600)
        binding.removeSocketFile(logger: LogRecorder().logger())
        #expect(!fileExists(path))
    }
}
