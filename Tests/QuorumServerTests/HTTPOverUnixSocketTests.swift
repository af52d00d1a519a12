import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import QuorumServer

#if canImport(Glibc)
import Glibc
#endif

/// The daemon's transport end to end: a Hummingbird application on a Unix socket, reached
/// with a raw socket and with curl, then shut down gracefully.
@Suite("HTTP over the Unix socket")
struct HTTPOverUnixSocketTests {
    struct Health: ResponseEncodable {
        let status: String
    }

    static func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in Health(status: "ok") }
        router.get("/items/{id}") { _, context -> Health in
            let id = try context.parameters.require("id")
            throw APIError.notFound(code: .itemNotFound, "no item \(id)")
        }
        return router
    }

    @Test("GET /healthz answers JSON on a 0660 socket, and graceful shutdown removes the socket")
    func healthOverSocket() async throws {
        let folder = try TemporaryFolder("qs")
        let path = folder.path("run/quorum.sock")
        let recorder = LogRecorder()
        let logger = recorder.logger(level: .info)
        let binding = try UnixSocketBinding(path: path)
        try binding.prepare(logger: logger)

        let running = Mutex(false)
        let app = Application(
            router: Self.router(),
            configuration: .init(address: binding.bindAddress, serverName: "quorumd"),
            onServerRunning: binding.onServerRunning(logger: logger) { running.withLock { $0 = true } },
            logger: logger
        )
        // The signals quorumd will use; the test itself triggers the shutdown programmatically.
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)

        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                try await group.run()
                binding.removeSocketFile(logger: logger)
            }
            #expect(try await eventually { running.withLock { $0 } })
            #expect(fileMode(path) == 0o660)

            let client = try RawUnixSocket(type: Int32(SOCK_STREAM.rawValue))
            #expect(client.connect(path) == 0)
            try client.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            let reply = try client.receiveAll()
            let (head, body) = Self.split(reply)
            #expect(head.first == "HTTP/1.1 200 OK")
            #expect(head.contains { $0.lowercased() == "content-type: application/json; charset=utf-8" })
            #expect(head.contains { $0.lowercased() == "server: quorumd" })
            #expect(body == #"{"status":"ok"}"#)

            if FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") {
                let output = try await Self.curl(["--silent", "--unix-socket", path, "http://localhost/items/42"])
                #expect(output == #"{"error":{"code":"item_not_found","message":"no item 42"}}"#)
            }

            // A second daemon started now must not take over the live socket.
            let error = #expect(throws: UnixSocketBindingError.self) {
                try UnixSocketBinding(path: path).prepare(logger: logger)
            }
            #expect(error?.kind == .inUse)

            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(!fileExists(path))
        #expect(RawUnixSocketProbe.connect(path) == ENOENT)
    }

    @Test("APIError is encoded as {\"error\":{\"code\",\"message\"}} with its status")
    func apiErrorShape() async throws {
        let app = Application(router: Self.router(), logger: LogRecorder().logger())
        try await app.test(.router) { client in
            try await client.execute(uri: "/items/7", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(String(buffer: response.body) == #"{"error":{"code":"item_not_found","message":"no item 7"}}"#)
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
        }
    }

    @Test("APIError conveniences carry the right status and default codes")
    func conveniences() {
        #expect(APIError.badRequest("q is empty") == APIError(status: .badRequest, code: .badRequest, message: "q is empty"))
        #expect(APIError.notFound("x").status == .notFound)
        #expect(APIError.unavailable("starting").status == .serviceUnavailable)
        #expect(APIError.internalError("boom").code == .internal)
        #expect(APIError.badRequest(code: .badQuery, "unbalanced quote").description == "400 bad_query: unbalanced quote")
    }

    /// Status line and headers, and the body, of a `Connection: close` response.
    static func split(_ reply: String) -> (head: [String], body: String) {
        guard let range = reply.range(of: "\r\n\r\n") else { return (reply.components(separatedBy: "\r\n"), "") }
        return (reply[..<range.lowerBound].components(separatedBy: "\r\n"), String(reply[range.upperBound...]))
    }

    static func curl(_ arguments: [String]) async throws -> String {
        try await runProgram(URL(fileURLWithPath: "/usr/bin/curl"), ["--max-time", "5"] + arguments).output
    }
}

enum RawUnixSocketProbe {
    /// Connects once; 0 or the errno of the failure.
    static func connect(_ path: String) -> Int32 {
        guard let socket = try? RawUnixSocket(type: Int32(SOCK_STREAM.rawValue)) else { return -1 }
        return socket.connect(path)
    }
}
