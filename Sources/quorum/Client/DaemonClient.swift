import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Talks to a running quorumd over its Unix socket (HTTP/1.1 + JSON).
struct DaemonClient {
    let socketPath: String

    /// The answer of the daemon, or a clear error when none answers or it refuses the request.
    func send(_ method: HTTPMethod, _ path: String, query: [URLQueryItem] = [], body: [UInt8]? = nil) async throws -> Data {
        var components = URLComponents()
        components.path = path
        if !query.isEmpty { components.queryItems = query }
        // '+' in a value must reach the daemon as a plus, not a space.
        let uri = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
            + (components.percentEncodedQuery.map { "?" + $0.replacingOccurrences(of: "+", with: "%2B") } ?? "")
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: uri) else {
            throw CLIError("cannot address the socket \(socketPath)")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        if let body { request.body = .bytes(body) }
        guard FileManager.default.fileExists(atPath: socketPath) else {
            throw CLIError(Self.noDaemon(socketPath, because: "the socket file does not exist"))
        }
        // A short connect timeout: a dead socket should fail at once, not after the pool's retries.
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: .init(timeout: .init(connect: .seconds(2), read: .seconds(120))))
        let response: HTTPClientResponse
        let data: Data
        do {
            do {
                response = try await client.execute(request, timeout: .seconds(120))
            } catch {
                throw CLIError(Self.noDaemon(socketPath, because: "\(error)"))
            }
            data = Data(buffer: try await response.body.collect(upTo: 256 << 20))
            try await client.shutdown()
        } catch {
            try? await client.shutdown()
            throw error
        }
        guard (200..<300).contains(Int(response.status.code)) else {
            if let failure = try? JSONDecoder().decode(ErrorEnvelope.self, from: data) {
                throw CLIError("\(failure.error.message) [\(failure.error.code), HTTP \(response.status.code)]")
            }
            throw CLIError("the daemon answered HTTP \(response.status.code)")
        }
        return data
    }

    /// `value` percent-encoded as one path segment (item ids hold ':' and '.', never '/').
    static func pathSegment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
    }

    private static func noDaemon(_ socketPath: String, because reason: String) -> String {
        """
        no quorumd answers on \(socketPath) (\(reason)).
        Start one with `scripts/run` (or `.build/release/quorumd --socket \(socketPath)`), \
        or search an index folder directly with --index DIR.
        """
    }

    private struct ErrorEnvelope: Decodable {
        struct Detail: Decodable { let code: String; let message: String }
        let error: Detail
    }
}

/// A failure the CLI reports as one line, without a stack of types.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
