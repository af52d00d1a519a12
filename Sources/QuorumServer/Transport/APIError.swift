import Foundation
public import Hummingbird

/// An error the HTTP API returns to a client, always as
/// `{"error":{"code":"…","message":"…"}}` with the matching status.
///
/// `code` is stable, for programs (`"bad_query"`, `"not_found"`); `message` is for people and
/// may change. Throw it from a route handler: Hummingbird turns any `HTTPResponseError` into
/// its response.
public struct APIError: HTTPResponseError, Hashable, CustomStringConvertible {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A stable, machine-readable code.
    public let code: Code
    /// A sentence a person can act on.
    public let message: String
    /// For 405: the methods the path does take, sent as the `Allow` header.
    public var allowedMethods: [HTTPRequest.Method] = []

    /// An error with this status, code and message.
    public init(status: HTTPResponse.Status, code: Code, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// 400: the request is malformed (a bad parameter, an unparsable query).
    public static func badRequest(code: Code = .badRequest, _ message: String) -> APIError {
        APIError(status: .badRequest, code: code, message: message)
    }

    /// 404: no such resource (an unknown route, item or document).
    public static func notFound(code: Code = .notFound, _ message: String) -> APIError {
        APIError(status: .notFound, code: code, message: message)
    }

    /// 503: the daemon cannot answer now (starting, shutting down, index unavailable).
    public static func unavailable(code: Code = .unavailable, _ message: String) -> APIError {
        APIError(status: .serviceUnavailable, code: code, message: message)
    }

    /// 500: a failure of the daemon's own; the message must not leak internals.
    public static func internalError(code: Code = .internal, _ message: String) -> APIError {
        APIError(status: .internalServerError, code: code, message: message)
    }

    /// For logs.
    public var description: String { "\(status.code) \(code.rawValue): \(message)" }

    /// The JSON response. Encoded here rather than with the context's encoder, so the error
    /// shape is the same whatever encoder a route group configures.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try JSONEncoder.apiErrors.encode(Envelope(error: .init(code: code.rawValue, message: message)))
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if !allowedMethods.isEmpty {
            headers[.allow] = allowedMethods.map(\.rawValue).joined(separator: ", ")
        }
        return Response(
            status: status,
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }

    /// Every code the API answers with, in snake_case on the wire (docs/API.md lists them).
    public enum Code: String, Sendable, CaseIterable {
        case badRequest = "bad_request"
        case badParameter = "bad_parameter"
        case unknownParameter = "unknown_parameter"
        case badQuery = "bad_query"
        case badName = "bad_name"
        case badEncoding = "bad_encoding"
        case tooLarge = "too_large"
        case notFound = "not_found"
        case noRoute = "no_route"
        case methodNotAllowed = "method_not_allowed"
        case itemNotFound = "item_not_found"
        case sourceNotFound = "source_not_found"
        case savedSearchNotFound = "saved_search_not_found"
        case noWatchFolder = "no_watch_folder"
        case readOnly = "read_only"
        case ingestFailed = "ingest_failed"
        case writeFailed = "write_failed"
        case httpError = "http_error"
        case incompatibleIndex = "incompatible_index"
        case closing
        case unavailable
        case `internal`
    }

    private struct Envelope: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
        }
        let error: Detail
    }
}

extension JSONEncoder {
    /// Keys in a fixed order, so error bodies are byte-for-byte stable (tests, caches, diffs).
    fileprivate static var apiErrors: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
