/// Where quorumd listens on TCP besides its Unix socket (`--http HOST:PORT`): for a browser on
/// the same machine. Only a loopback address unless the operator says the listener is public
/// (`--http-public`); the Unix socket stays for nginx or another reverse proxy.
public struct HTTPListener: Sendable, Equatable, CustomStringConvertible {
    /// The address to bind (a name or an IP address).
    public let host: String
    /// The port; 0 for any free one.
    public let port: Int

    /// Reads `HOST:PORT` (`[::1]:8080` for IPv6), refusing an address that is not loopback unless
    /// `public` is set.
    public init(_ text: String, public isPublic: Bool) throws(ListenerError) {
        let host: Substring, port: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            port = text[close...].dropFirst().drop { $0 == ":" }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            port = text[text.index(after: colon)...]
        } else {
            throw ListenerError("--http takes HOST:PORT, such as 127.0.0.1:8080; got '\(text)'")
        }
        guard let number = Int(port), (0...65_535).contains(number), !host.isEmpty else {
            throw ListenerError("--http takes HOST:PORT with a port between 0 and 65535; got '\(text)'")
        }
        guard isPublic || Self.isLoopback(String(host)) else {
            throw ListenerError("--http \(text) is not a loopback address: pages and the API would be open to the network; add --http-public to mean it (and see docs/nginx-quorum.conf for a proxy)")
        }
        self.host = String(host)
        self.port = number
    }

    /// `localhost`, 127.0.0.0/8 and ::1.
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// `http://HOST:PORT/`, what to open in a browser.
    public var description: String { host.contains(":") ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/" }
}

/// A `--http` address that cannot be used.
public struct ListenerError: Error, CustomStringConvertible, Equatable {
    /// A sentence a person can act on.
    public let description: String
    init(_ description: String) { self.description = description }
}
