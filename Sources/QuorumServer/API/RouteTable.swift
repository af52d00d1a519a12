import Hummingbird

/// The API's paths and the methods each takes, so a wrong method on a known path is answered
/// 405 with an `Allow` header rather than 404 (Hummingbird's router tells the two apart only as
/// "no route"). Keep it in step with ``QuorumRouter/make(api:)``; a test walks it.
enum RouteTable {
    /// Path patterns (`{name}` matches one segment) and their methods.
    static let routes: [(pattern: String, methods: [HTTPRequest.Method])] = [
        ("/", [.get]),
        ("/item/{id}", [.get]),
        ("/meeting/{committee}/{date}", [.get]),
        ("/style.css", [.get]),
        ("/save", [.post]),
        ("/search.csv", [.get]),
        ("/search.atom", [.get]),
        ("/healthz", [.get]),
        ("/search", [.get]),
        ("/items/{id}", [.get]),
        ("/items/{id}/similar", [.get]),
        ("/documents", [.post]),
        ("/documents/{sourceID}", [.delete]),
        ("/acronyms", [.get]),
        ("/saved", [.get, .post]),
        ("/saved/{name}", [.get, .delete]),
        ("/saved/{name}/feed.atom", [.get]),
        ("/status", [.get]),
        ("/backup", [.post]),
    ]

    /// The methods `path` takes (HEAD with GET); empty when no route has that shape.
    static func methods(forPath path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var found: [HTTPRequest.Method] = []
        for route in routes {
            let pattern = route.pattern.split(separator: "/", omittingEmptySubsequences: true)
            guard pattern.count == segments.count else { continue }
            let matches = zip(pattern, segments).allSatisfy { part, segment in
                (part.hasPrefix("{") && part.hasSuffix("}")) || part == segment
            }
            if matches {
                for method in route.methods where !found.contains(method) { found.append(method) }
            }
        }
        // Hummingbird answers HEAD wherever it answers GET.
        if found.contains(.get) { found.append(.head) }
        return found
    }
}
