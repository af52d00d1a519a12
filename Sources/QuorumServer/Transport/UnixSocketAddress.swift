#if canImport(Glibc)
import Glibc
#endif

/// The longest Unix socket path Linux accepts: `sun_path` is 108 bytes, one of them the NUL.
let unixSocketPathCapacity = 107

/// Calls `body` with a `sockaddr_un` for `path`, or returns nil when the path does not fit.
///
/// A path starting with `@` names a socket in Linux's abstract namespace (systemd's
/// convention for `$NOTIFY_SOCKET`): `sun_path` then starts with a NUL byte and the address
/// length, not a terminating NUL, marks where the name ends.
func withUnixSocketAddress<Result>(
    _ path: String,
    _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result
) -> Result? {
    var bytes = Array(path.utf8)
    let abstract = bytes.first == UInt8(ascii: "@")
    if abstract { bytes[0] = 0 }
    guard !bytes.isEmpty, bytes.count <= unixSocketPathCapacity else { return nil }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { sunPath in
        sunPath.copyBytes(from: bytes)
    }
    let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)!
    let length = socklen_t(pathOffset + bytes.count + (abstract ? 0 : 1))
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
    }
}
