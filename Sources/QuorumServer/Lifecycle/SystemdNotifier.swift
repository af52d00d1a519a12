import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd about the daemon's state (`sd_notify(3)`), for `Type=notify` units: one
/// datagram of `KEY=VALUE` lines to the socket named by `$NOTIFY_SOCKET`.
///
/// Without `$NOTIFY_SOCKET` (not started by systemd, or not `Type=notify`) every call does
/// nothing, so the daemon calls it unconditionally.
public struct SystemdNotifier: Sendable {
    /// The notification socket: a path, or `@name` in the abstract namespace; nil when disabled.
    public let socketPath: String?

    /// A notifier for `$NOTIFY_SOCKET` in `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(socketPath: environment["NOTIFY_SOCKET"])
    }

    /// A notifier for an explicit socket; nil or empty disables it.
    public init(socketPath: String?) {
        self.socketPath = socketPath.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether messages are actually sent.
    public var isEnabled: Bool { socketPath != nil }

    /// `READY=1`: start-up is complete and the socket accepts requests; systemd starts units
    /// ordered after us only now.
    public func ready(status: String? = nil) throws(SystemdNotifierError) {
        try send(["READY=1"] + Self.statusLine(status))
    }

    /// `STOPPING=1`: graceful shutdown has begun.
    public func stopping(status: String? = nil) throws(SystemdNotifierError) {
        try send(["STOPPING=1"] + Self.statusLine(status))
    }

    /// `STATUS=…`: a one-line state shown by `systemctl status`.
    public func status(_ text: String) throws(SystemdNotifierError) {
        try send(Self.statusLine(text))
    }

    /// Sends the assignments as one datagram, one per line.
    public func send(_ assignments: [String]) throws(SystemdNotifierError) {
        guard let socketPath, !assignments.isEmpty else { return }
        let message = Array(assignments.joined(separator: "\n").utf8)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SystemdNotifierError(socketPath: socketPath, errorNumber: errno) }
        defer { close(fd) }
        let sent = withUnixSocketAddress(socketPath) { address, length in
            message.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), address, length) }
        }
        guard let sent else { throw SystemdNotifierError(socketPath: socketPath, errorNumber: ENAMETOOLONG) }
        guard sent == message.count else { throw SystemdNotifierError(socketPath: socketPath, errorNumber: errno) }
    }

    private static func statusLine(_ status: String?) -> [String] {
        // One message line per assignment: a newline in the text would start a bogus one.
        status.map { ["STATUS=" + $0.replacingOccurrences(of: "\n", with: " ")] } ?? []
    }
}

/// A notification could not be sent to systemd. The daemon logs it and goes on: systemd will
/// time the start-up out if READY never arrives, which says more than failing here would.
public struct SystemdNotifierError: Error, Hashable, CustomStringConvertible {
    /// The `$NOTIFY_SOCKET` value used.
    public let socketPath: String
    /// The `errno` of the failing call.
    public let errorNumber: Int32

    /// What failed, for the log.
    public var description: String {
        "cannot notify systemd on \(socketPath): \(String(cString: strerror(errorNumber)))"
    }
}
