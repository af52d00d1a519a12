#if canImport(Glibc)
import Glibc
#endif

extension UnixSocketBinding {
    /// The id of the group called `name` (or given as a number), for `--socket-group`.
    ///
    /// - Throws: ``UnixSocketBindingError`` `.unusable` naming the group when it does not exist.
    public static func groupID(named name: String, socketPath: String) throws(UnixSocketBindingError) -> gid_t {
        if let number = gid_t(name) { return number }
        var entry = Glibc.group()
        var result: UnsafeMutablePointer<Glibc.group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let code = getgrnam_r(name, &entry, &buffer, buffer.count, &result)
        guard code == 0, let found = result else {
            throw UnixSocketBindingError(
                .unusable, path: socketPath, "no group named '\(name)' for the socket: create it (groupadd --system \(name)) or name another")
        }
        return found.pointee.gr_gid
    }
}
