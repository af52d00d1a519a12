import Foundation

/// Where one shard of a federated index lives: an index folder on this machine, or a database
/// served by `xapian-tcpsrv`.
public enum ShardAddress: Hashable, Sendable, CustomStringConvertible {
    /// An index folder on this machine.
    case local(path: String)
    /// A database served by `xapian-tcpsrv` on `host`, at `port`.
    case remote(host: String, port: Int)

    /// The name responses and `/status` use for the shard: its path, or `host:port`.
    public var description: String {
        switch self {
        case .local(let path): path
        case .remote(let host, let port): "\(host):\(port)"
        }
    }

    /// Reads a `--shard` value: `tcp://HOST:PORT` (or `remote:HOST:PORT`) for a remote
    /// shard, anything else is an index folder.
    public init(argument: String) throws(ShardConfigurationError) {
        for scheme in ["tcp://", "remote:"] where argument.hasPrefix(scheme) {
            self = try Self.remote(String(argument.dropFirst(scheme.count)), in: argument)
            return
        }
        guard !argument.isEmpty else { throw .init("a shard cannot be an empty path") }
        self = .local(path: argument)
    }

    /// `HOST:PORT`, the host possibly an IPv6 address in brackets.
    static func remote(_ text: String, in context: String) throws(ShardConfigurationError) -> ShardAddress {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (1...65535).contains(port) else {
            throw .init("'\(context)': a remote shard is HOST:PORT with a port from 1 to 65535")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw .init("'\(context)': the remote shard has no host") }
        return .remote(host: host, port: port)
    }
}

/// A shard list that cannot be used, with the reason.
public struct ShardConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
