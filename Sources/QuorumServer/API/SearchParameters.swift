import Foundation
public import MinutesIndex

/// Reads a search from the URL's query parameters with ``SearchRequest/init(queryItems:)``,
/// the one codec the CLI, the API and the web pages share.
public enum SearchParameters {
    /// The search the parameters describe, or an ``APIError`` naming the bad parameter.
    public static func request(from parameters: [(name: String, value: String)]) throws(APIError) -> SearchRequest {
        do {
            return try SearchRequest(queryItems: parameters.map { URLQueryItem(name: $0.name, value: $0.value) })
        } catch {
            throw APIError(indexError: error)
        }
    }
}

extension APIError {
    /// The API's answer to an index error.
    init(indexError error: IndexError) {
        switch error {
        case .itemNotFound: self = .notFound(code: .itemNotFound, error.description)
        case let .invalidParameter(name, _):
            self = .badRequest(code: name == SearchRequest.Parameter.q.rawValue ? .badQuery : .badParameter, error.description)
        case .unknownParameter: self = .badRequest(code: .unknownParameter, error.description)
        case .repeatedParameter: self = .badRequest(code: .badParameter, error.description)
        case .incompatibleSchema: self = .unavailable(code: .incompatibleIndex, error.description)
        }
    }
}
