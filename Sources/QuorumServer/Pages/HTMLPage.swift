import HTTPTypes
import Hummingbird

/// An HTML page with the headers every page carries: no script or style from anywhere but
/// quorumd itself, no content sniffing, no framing by other sites.
struct HTMLPage: ResponseGenerator {
    let html: String
    var status: HTTPResponse.Status = .ok

    /// The security headers of every page (and of the stylesheet).
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
    ]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = Self.securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}

/// A text body (the stylesheet, a CSV export, an Atom feed) with the pages' security headers.
struct TextBody: ResponseGenerator {
    let text: String
    let contentType: String
    var extraHeaders: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTMLPage.securityHeaders
        headers[.contentType] = contentType
        for field in extraHeaders { headers.append(field) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
