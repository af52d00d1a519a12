import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Concurrent clients over quorumd's Unix socket, each on one keep-alive HTTP/1.1 connection,
/// sending the mix's requests back to back for a fixed time.
///
/// Written on blocking sockets, one thread per client, rather than with an HTTP client library:
/// the load generator shares the daemon's two cores, so each request must cost it as little as
/// possible — one write, reads until the body is complete, no event loop, no parsing beyond the
/// status line and Content-Length (or chunk sizes).
struct SocketLoad {
    struct Results: Encodable {
        var clients: Int
        var seconds: Double
        var requests: Int
        var errors: Int
        var qps: Double
        var latency: Summary
        var categories: [String: Summary]
    }

    let socketPath: String
    let mix: [MixQuery]
    let clients: Int
    let seconds: Double

    /// What the client threads hand back, under a lock.
    private final class Collected: @unchecked Sendable {
        let lock = NSLock()
        var latencies: [(String, Double)] = []
        var errors = 0
    }

    func run() -> Results {
        let collected = Collected()
        let socketPath = socketPath, mix = mix
        var threads: [Thread] = []
        let done = DispatchGroup()
        let start = now()
        let deadline = start + seconds * 1000
        for client in 0..<clients {
            done.enter()
            let thread = Thread {
                var mine: [(String, Double)] = []
                var failures = 0
                var connection = Connection(path: socketPath)
                var next = (client * 7) % mix.count
                while now() < deadline {
                    let query = mix[next]
                    next = (next + 1) % mix.count
                    let t0 = now()
                    if let status = connection?.get(query.path), status == 200 {
                        mine.append((query.category, now() - t0))
                    } else {
                        failures += 1
                        connection = Connection(path: socketPath)
                        if connection == nil { usleep(10_000) }
                    }
                }
                collected.lock.lock()
                collected.latencies += mine
                collected.errors += failures
                collected.lock.unlock()
                done.leave()
            }
            thread.stackSize = 1 << 20
            threads.append(thread)
        }
        for thread in threads { thread.start() }
        done.wait()
        let elapsed = (now() - start) / 1000
        let latencies = collected.latencies, errors = collected.errors
        var byCategory: [String: [Double]] = [:]
        for (category, ms) in latencies { byCategory[category, default: []].append(ms) }
        return Results(clients: clients, seconds: elapsed, requests: latencies.count, errors: errors,
                       qps: Double(latencies.count) / elapsed, latency: Summary(latencies.map(\.1)),
                       categories: byCategory.mapValues(Summary.init))
    }
}

/// One keep-alive HTTP/1.1 connection over a Unix socket.
final class Connection {
    private let fd: Int32
    private var buffer = [UInt8]()

    init?(path: String) {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { close(fd); return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else { close(fd); return nil }
    }

    deinit { close(fd) }

    /// Sends GET path and reads the whole response; returns its status, or nil when the
    /// connection failed (the caller opens a new one).
    func get(_ path: String) -> Int? {
        let request = Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return nil }
            sent += n
        }
        // Headers.
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = find([13, 10, 13, 10])
            if headerEnd == nil, !fill() { return nil }
        }
        let head = String(decoding: buffer[..<headerEnd!], as: UTF8.self)
        buffer.removeFirst(headerEnd! + 4)
        let lines = head.split(separator: "\r\n")
        guard let statusLine = lines.first, statusLine.split(separator: " ").count >= 2,
              let status = Int(statusLine.split(separator: " ")[1]) else { return nil }
        var contentLength: Int?
        var chunked = false
        for line in lines.dropFirst() {
            let lower = line.lowercased()
            if lower.hasPrefix("content-length:") { contentLength = Int(lower.dropFirst(15).trimmingCharacters(in: .whitespaces)) }
            if lower.hasPrefix("transfer-encoding:"), lower.contains("chunked") { chunked = true }
        }
        if let contentLength {
            while buffer.count < contentLength { if !fill() { return nil } }
            buffer.removeFirst(contentLength)
        } else if chunked {
            while true {
                var lineEnd = find([13, 10])
                while lineEnd == nil { if !fill() { return nil }; lineEnd = find([13, 10]) }
                let sizeText = String(decoding: buffer[..<lineEnd!], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
                buffer.removeFirst(lineEnd! + 2)
                while buffer.count < size + 2 { if !fill() { return nil } }
                buffer.removeFirst(size + 2)
                if size == 0 { break }  // no trailers are sent
            }
        } else {
            return nil  // a close-delimited body cannot be kept alive
        }
        return status
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return false }
        buffer += chunk[0..<n]
        return true
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        var i = 0
        while i + pattern.count <= buffer.count {
            if buffer[i] == pattern[0], Array(buffer[i..<(i + pattern.count)]) == pattern { return i }
            i += 1
        }
        return nil
    }
}
