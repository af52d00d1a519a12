import Foundation
import HTTPTypes
public import Hummingbird

/// Maps HTTP requests onto ``QuorumAPI``: routes, parameters, bodies and JSON answers.
/// Every error, unknown routes included, is `{"error":{"code","message"}}` with its status.
public enum QuorumRouter {
    /// The router for `api`, ready for an `Application`.
    public static func make(api: QuorumAPI) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ErrorShapeMiddleware())
        router.add(middleware: QueryEncodingMiddleware())
        addPages(to: router, pages: QuorumPages(api: api, renderer: PageRenderer.shared))
        router.get("/healthz") { _, _ in
            try JSONResponse(["status": "ok"])
        }
        router.get("/search") { request, _ in
            JSONResponse(body: try await api.searchBody(parameters(of: request)))
        }
        router.get("/items/{id}") { _, context in
            try JSONResponse(await api.item(id: pathParameter("id", of: context)))
        }
        router.get("/items/{id}/similar") { request, context in
            let limit = parameters(of: request).first { $0.name == "limit" }.map { Int($0.value) ?? -1 } ?? 10
            return try JSONResponse(await api.similar(id: pathParameter("id", of: context), limit: limit))
        }
        router.post("/documents") { request, _ in
            let name = parameters(of: request).first { $0.name == "name" }?.value ?? ""
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
            try JSONResponse(await api.removeDocument(sourceID: pathParameter("sourceID", of: context)))
        }
        router.get("/acronyms") { _, _ in
            try JSONResponse(await api.acronyms())
        }
        router.get("/saved") { _, _ in
            try JSONResponse(await api.savedSearches())
        }
        router.post("/saved") { request, _ in
            let name = parameters(of: request).first { $0.name == "name" }?.value ?? ""
            return try JSONResponse(await api.saveSearch(name: name, parameters: parameters(of: request)), status: .created)
        }
        router.get("/saved/{name}") { _, context in
            try JSONResponse(await api.savedSearchMatches(name: pathParameter("name", of: context)))
        }
        router.delete("/saved/{name}") { _, context in
            try JSONResponse(await api.removeSavedSearch(name: pathParameter("name", of: context)))
        }
        router.get("/saved/{name}/feed.atom") { _, context in
            try AtomFeed(await api.savedSearchMatches(name: pathParameter("name", of: context)))
        }
        router.get("/status") { _, _ in
            try JSONResponse(await api.status())
        }
        router.post("/backup") { request, _ in
            let name = parameters(of: request).first { $0.name == "name" }?.value
            return try JSONResponse(await api.backup(name: name), status: .created)
        }
        return router
    }

    /// The pages for people (Pages/): the search page, items, meetings, the stylesheet, and a
    /// search's CSV and Atom exports.
    private static func addPages(to router: Router<BasicRequestContext>, pages: QuorumPages) {
        router.get("/") { request, _ in
            await pages.search(parameters(of: request))
        }
        router.get("/item/{id}") { request, context in
            await pages.item(id: try pathParameter("id", of: context),
                             query: parameters(of: request).first { $0.name == "q" }?.value ?? "")
        }
        router.get("/meeting/{committee}/{date}") { _, context in
            await pages.meeting(committee: try pathParameter("committee", of: context), date: try pathParameter("date", of: context))
        }
        router.get("/style.css") { _, _ in
            TextBody(text: PageRenderer.stylesheet, contentType: "text/css; charset=utf-8")
        }
        router.post("/save") { request, _ in
            let body = try await request.body.collect(upTo: 64 << 10)
            return await pages.save(form: formFields(String(buffer: body)), origin: request.headers[.origin],
                                    fetchSite: request.headers[HTTPField.Name("Sec-Fetch-Site")!], host: request.head.authority)
        }
        router.get("/search.csv") { request, _ in
            try await pages.csv(parameters(of: request))
        }
        router.get("/search.atom") { request, _ in
            try await pages.atom(parameters(of: request))
        }
    }

    /// The query string's parameters as a form encodes them (`application/x-www-form-urlencoded`,
    /// what a browser's GET form sends): `+` is a space and `%2B` a plus, then %-escapes decoded.
    /// Read from the raw query: Hummingbird's own decoding keeps `+`, and a decoded value can no
    /// longer tell a plus from a space.
    static func parameters(of request: Request) -> [(name: String, value: String)] {
        formFields(request.uri.query ?? "")
    }

    /// The fields of a form-encoded string (a query string, or a POSTed form's body).
    static func formFields(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced  // a stray '%' stays, as Hummingbird keeps it
            }
            return (name: decoded(parts[0]), value: parts.count > 1 ? decoded(parts[1]) : "")
        }
    }

    /// A path parameter with its %-escapes decoded (Hummingbird hands over the raw segment).
    static func pathParameter(_ name: String, of context: BasicRequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        return raw.removingPercentEncoding ?? raw
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
