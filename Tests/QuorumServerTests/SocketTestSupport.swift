import Foundation

@testable import QuorumServer

#if canImport(Glibc)
import Glibc
#endif

/// A raw AF_UNIX socket for tests, closed on release.
final class RawUnixSocket {
    let fd: Int32

    init(type: Int32) throws {
        fd = socket(AF_UNIX, type | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        // Tests must never hang on a socket: every read gives up after 5 s.
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func bind(_ path: String) throws {
        let result = withUnixSocketAddress(path) { Glibc.bind(fd, $0, $1) }
        guard result == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    func listen() throws {
        guard Glibc.listen(fd, 8) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    /// Connects; returns 0 or the errno of the failure.
    func connect(_ path: String) -> Int32 {
        let result = withUnixSocketAddress(path) { Glibc.connect(fd, $0, $1) }
        return result == 0 ? 0 : errno
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
    }

    /// One datagram.
    func receiveDatagram() throws -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Everything until the peer closes.
    func receiveAll() throws -> String {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
            if count == 0 { break }
            data += buffer[..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }
}

func fileMode(_ path: String) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
}

func fileExists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
}
