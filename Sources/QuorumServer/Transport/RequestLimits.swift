import Foundation
import Hummingbird

/// Refuses a query string whose percent-escapes decode to invalid UTF-8 (`?q=%FF`).
/// Hummingbird decodes such escapes lossily, into U+FFFD, so without this check the daemon
/// would answer a search for a replacement character the client never asked for.
struct QueryEncodingMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let query = request.uri.query, !Self.decodesToUTF8(query) {
            throw APIError.badRequest(code: .badEncoding, "the query string is not valid UTF-8 once its %-escapes are decoded")
        }
        return try await next(request, context)
    }

    /// Whether every %XX escape (and the bytes around them) together form valid UTF-8.
    static func decodesToUTF8(_ query: String) -> Bool {
        let raw = Array(query.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            if raw[index] == UInt8(ascii: "%"), index + 2 < raw.count,
               let value = UInt8(String(decoding: raw[index + 1...index + 2], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                // A '%' not followed by two hex digits is kept as it is, as Hummingbird does.
                bytes.append(raw[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) != nil
    }
}
