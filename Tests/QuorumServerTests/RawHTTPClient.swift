import Foundation

@testable import QuorumServer

#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 answer as read off the socket, or how the exchange ended without one.
struct RawHTTPAnswer {
    var status: Int?
    var headers: [String: String] = [:]
    var body: Data = Data()
    /// The connection ended (closed, reset, timed out) before a whole answer came.
    var failure: String?
    var elapsed: Duration = .zero

    /// The body's `{"error":{"code"}}`, if it is the API's JSON error.
    var errorCode: String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let error = object["error"] as? [String: Any] else { return nil }
        return error["code"] as? String
    }

    var isJSON: Bool {
        (try? JSONSerialization.jsonObject(with: body)) != nil && (headers["content-type"]?.hasPrefix("application/json") ?? false)
    }
}

/// A client that writes raw bytes to the daemon's socket, so tests can send what curl would
/// refuse to (broken request lines, invalid UTF-8, lies in Content-Length), slowly or not at all.
final class RawHTTPConnection {
    let fd: Int32

    init(socket path: String) throws {
        fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        let result = withUnixSocketAddress(path) { Glibc.connect(fd, $0, $1) }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw POSIXError(.init(rawValue: code) ?? .EIO)
        }
        // A server that answers early (413) and stops reading must not block the test in send(2).
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Writes all of `bytes`; false when the peer has closed or stopped reading for 5 s.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Writes `bytes` until done, or until the server answers (an early 413 or 400 while the
    /// client is still sending, as curl would notice), or `timeout` passes.
    func sendWatchingForAnswer(_ bytes: [UInt8], timeout: Duration) {
        let deadline = ContinuousClock.now + timeout
        var offset = 0
        while offset < bytes.count, ContinuousClock.now < deadline {
            var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLOUT | POLLIN), revents: 0)
            guard poll(&pollfd, 1, 100) > 0 else { continue }
            if pollfd.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { return }
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, min($0.count, 65_536), Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            }
            if sent < 0 && errno != EAGAIN { return }
            if sent > 0 { offset += sent }
        }
    }

    /// Ends the sending side (a half-closed client).
    func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads one answer (by Content-Length) or until the peer closes, giving up at `timeout`.
    func readAnswer(timeout: Duration) -> RawHTTPAnswer {
        let started = ContinuousClock.now
        let deadline = started + timeout
        var data = Data()
        var answer = RawHTTPAnswer()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let parsed = Self.parse(data), parsed.complete {
                answer = parsed.answer
                break
            }
            let left = deadline - ContinuousClock.now
            if left <= .zero {
                answer = Self.parse(data)?.answer ?? RawHTTPAnswer()
                answer.failure = "no whole answer within \(timeout)"
                break
            }
            var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ms = Int32(max(1, left / .milliseconds(1)))
            guard poll(&pollfd, 1, ms) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 {
                answer = Self.parse(data)?.answer ?? RawHTTPAnswer()
                if answer.status == nil { answer.failure = count == 0 ? "closed without an answer" : "reset: \(String(cString: strerror(errno)))" }
                break
            }
            data.append(contentsOf: buffer[..<count])
        }
        answer.elapsed = ContinuousClock.now - started
        return answer
    }

    private static func parse(_ data: Data) -> (answer: RawHTTPAnswer, complete: Bool)? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.hasPrefix("HTTP/1.") else { return nil }
        var answer = RawHTTPAnswer()
        answer.status = Int(statusLine.split(separator: " ").dropFirst().first ?? "")
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            answer.headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = data[end.upperBound...]
        if let length = answer.headers["content-length"].flatMap({ Int($0) }) {
            answer.body = Data(body.prefix(length))
            return (answer, body.count >= length)
        }
        if answer.headers["transfer-encoding"]?.lowercased() == "chunked" {
            guard let decoded = dechunk(Data(body)) else { return (answer, false) }
            answer.body = decoded
            return (answer, true)
        }
        answer.body = Data(body)
        return (answer, false)
    }

    /// The body of a complete chunked message, or nil while chunks are missing.
    private static func dechunk(_ data: Data) -> Data? {
        var result = Data()
        var index = data.startIndex
        while true {
            guard let lineEnd = data[index...].range(of: Data("\r\n".utf8)) else { return nil }
            let sizeText = String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
            let start = lineEnd.upperBound
            if size == 0 { return result }
            guard data.distance(from: start, to: data.endIndex) >= size + 2 else { return nil }
            let stop = data.index(start, offsetBy: size)
            result.append(data[start..<stop])
            index = data.index(stop, offsetBy: 2)
        }
    }
}

/// One request on a fresh connection: the whole exchange, bounded by `timeout`.
func exchange(_ socket: String, _ request: [UInt8], timeout: Duration = .seconds(5), halfClose: Bool = false) -> RawHTTPAnswer {
    guard let connection = try? RawHTTPConnection(socket: socket) else {
        return RawHTTPAnswer(failure: "cannot connect")
    }
    let started = ContinuousClock.now
    connection.sendWatchingForAnswer(request, timeout: timeout)
    if halfClose { connection.shutdownWrite() }
    var answer = connection.readAnswer(timeout: timeout)
    answer.elapsed = ContinuousClock.now - started
    return answer
}

func exchange(_ socket: String, _ request: String, timeout: Duration = .seconds(5), halfClose: Bool = false) -> RawHTTPAnswer {
    exchange(socket, Array(request.utf8), timeout: timeout, halfClose: halfClose)
}

/// A GET with `Connection: close`, the target written exactly as given.
func rawGET(_ target: String) -> String {
    "GET \(target) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
}
