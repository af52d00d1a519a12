import Foundation
public import Hummingbird

/// Maps HTTP requests onto ``QuorumAPI``: routes, parameters, bodies and JSON answers.
/// Every error, unknown routes included, is `{"error":{"code","message"}}` with its status.
public enum QuorumRouter {
    /// The router for `api`, ready for an `Application`.
    public static func make(api: QuorumAPI) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ErrorShapeMiddleware())
        router.add(middleware: QueryEncodingMiddleware())
        router.get("/healthz") { _, _ in
            try JSONResponse(["status": "ok"])
        }
        router.get("/search") { request, _ in
            JSONResponse(body: try await api.searchBody(parameters(of: request)))
        }
        router.get("/items/{id}") { _, context in
            try JSONResponse(await api.item(id: context.parameters.require("id")))
        }
        router.get("/items/{id}/similar") { request, context in
            let limit = request.uri.queryParameters.get("limit").map { Int($0) ?? -1 } ?? 10
            return try JSONResponse(await api.similar(id: context.parameters.require("id"), limit: limit))
        }
        router.post("/documents") { request, _ in
            let name = request.uri.queryParameters.get("name") ?? ""
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: QuorumAPI.maximumDocumentBytes)
            } catch {
                throw APIError(status: .contentTooLarge, code: .tooLarge,
                               message: "documents may be at most \(QuorumAPI.maximumDocumentBytes >> 20) MiB")
            }
            let result = try await api.addDocument(name: name, body: Array(buffer: body))
            return try JSONResponse(result, status: result.state == .indexed ? .created : .ok)
        }
        router.delete("/documents/{sourceID}") { _, context in
            try JSONResponse(await api.removeDocument(sourceID: context.parameters.require("sourceID")))
        }
        router.get("/acronyms") { _, _ in
            try JSONResponse(await api.acronyms())
        }
        router.get("/saved") { _, _ in
            try JSONResponse(await api.savedSearches())
        }
        router.post("/saved") { request, _ in
            let name = request.uri.queryParameters.get("name") ?? ""
            return try JSONResponse(await api.saveSearch(name: name, parameters: parameters(of: request)), status: .created)
        }
        router.get("/saved/{name}") { _, context in
            try JSONResponse(await api.savedSearchMatches(name: context.parameters.require("name")))
        }
        router.delete("/saved/{name}") { _, context in
            try JSONResponse(await api.removeSavedSearch(name: context.parameters.require("name")))
        }
        router.get("/saved/{name}/feed.atom") { _, context in
            try AtomFeed(await api.savedSearchMatches(name: context.parameters.require("name")))
        }
        router.get("/status") { _, _ in
            try JSONResponse(await api.status())
        }
        return router
    }

    private static func parameters(of request: Request) -> [(name: String, value: String)] {
        request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
    }
}

/// A JSON body with stable key order.
struct JSONResponse: ResponseGenerator {
    let data: Data
    let status: HTTPResponse.Status

    init<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws {
        data = try Self.encode(value)
        self.status = status
    }

    /// A body encoded already (a cached search answer).
    init(body: Data, status: HTTPResponse.Status = .ok) {
        data = body
        self.status = status
    }

    /// The API's JSON for `value`: sorted keys, slashes as they are.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Gives every failure the API's JSON error shape: Hummingbird's own errors (unknown route,
/// wrong method) and anything unexpected, which is logged and reported without internals.
struct ErrorShapeMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            switch error.status {
            case .notFound:
                let allowed = RouteTable.methods(forPath: request.uri.path)
                guard !allowed.isEmpty else {
                    throw APIError.notFound(code: .noRoute, "no such endpoint: \(request.method) \(request.uri.path)")
                }
                var error = APIError(status: .methodNotAllowed, code: .methodNotAllowed,
                                     message: "\(request.method) is not allowed on \(request.uri.path); use \(allowed.map(\.rawValue).joined(separator: " or "))")
                error.allowedMethods = allowed
                throw error
            case .methodNotAllowed:
                throw APIError(status: .methodNotAllowed, code: .methodNotAllowed, message: "\(request.method) is not allowed on \(request.uri.path)")
            default: throw APIError(status: error.status, code: .httpError, message: error.body ?? error.status.reasonPhrase)
            }
        } catch let error as any HTTPResponseError {
            throw APIError(status: error.status, code: .httpError, message: "\(error)")
        } catch {
            context.logger.error("request \(request.method) \(request.uri.path) failed: \(error)")
            throw APIError.internalError("the request failed inside the daemon; its log says why")
        }
    }
}
