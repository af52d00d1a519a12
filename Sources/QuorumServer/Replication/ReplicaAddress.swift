/// Where a replica copies its index from: the primary's `xapian-replicate-server` (HOST:PORT)
/// and the index's name under the folder that server serves (its folder name on the primary,
/// "default" for the shipped set-up), written `HOST:PORT` or `HOST:PORT/NAME`.
public struct ReplicaAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// The primary's index folder name, relative to the folder its replication server serves.
    public var name: String

    /// Parses `HOST:PORT[/NAME]`; without a name, `defaultName` (the replica's own folder name).
    public init(_ text: String, defaultName: String) throws(ReplicaAddressError) {
        var rest = Substring(text)
        var name = defaultName
        if let slash = rest.firstIndex(of: "/") {
            name = String(rest[rest.index(after: slash)...])
            rest = rest[..<slash]
        }
        guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]), (1...65_535).contains(port) else {
            throw ReplicaAddressError(text: text, reason: "expected HOST:PORT or HOST:PORT/NAME, such as 10.0.0.5:7010/default")
        }
        let host = String(rest[..<colon]).trimmingCharacters(in: ["[", "]"])
        guard !host.isEmpty else { throw ReplicaAddressError(text: text, reason: "the host is missing") }
        guard !name.isEmpty, !name.contains(".."), !name.hasPrefix("/") else {
            throw ReplicaAddressError(text: text, reason: "the index name must be a folder name under the primary's served folder")
        }
        self.host = host
        self.port = port
        self.name = name
    }

    public var description: String { "\(host):\(port)/\(name)" }
}

/// A `--replica-of` value that cannot be used, and why.
public struct ReplicaAddressError: Error, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "--replica-of '\(text)': \(reason)" }
}
