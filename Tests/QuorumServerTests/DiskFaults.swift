import Foundation
import Testing

/// A full disk, made two ways: a small tmpfs filled to its last block where the test may mount
/// one, else a file-size limit on the daemon.
enum DiskFaults {
    /// A small tmpfs for the index, where the test may mount one (root, and mounts allowed;
    /// `QUORUM_TEST_NO_TMPFS=1` pretends they are not, to exercise the other way).
    static func mountSmallTmpfs(_ path: String, megabytes: Int) -> Bool {
        guard getuid() == 0, ProcessInfo.processInfo.environment["QUORUM_TEST_NO_TMPFS"] == nil else { return false }
        return mount("tmpfs", path, "tmpfs", 0, "size=\(megabytes)m,mode=0755") == 0
    }

    /// Where no tmpfs can be mounted, a file-size limit (RLIMIT_FSIZE, set on the running
    /// daemon with `prlimit --pid`) stands in for the full disk: at the size of the index's
    /// largest file, the bulk documents make a table outgrow it and writes fail with EFBIG as
    /// they would with ENOSPC. Raising the limit again is space returning.
    static func setFileSizeLimit(of pid: pid_t, to limit: String) throws {
        let prlimit = Process()
        prlimit.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        prlimit.arguments = ["--pid", String(pid), "--fsize=\(limit):unlimited"]  // the soft limit: raising it back needs no privilege
        try prlimit.run()
        prlimit.waitUntilExit()
        try #require(prlimit.terminationStatus == 0, "prlimit --pid failed")
    }

    /// Fills the file system of `path` by writing `path` until it is full, leaving `spare` bytes
    /// (roughly: to the block) for what must still fit.
    static func fill(_ path: String, leaving spare: Int = 0) {
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        defer { close(fd) }
        if spare > 0 {
            var fs = statvfs()
            guard statvfs((path as NSString).deletingLastPathComponent, &fs) == 0 else { return }
            let free = Int(fs.f_bavail) * Int(fs.f_frsize)
            guard free > spare else { return }
            let block = [UInt8](repeating: 7, count: 1 << 16)
            var written = 0
            while written + block.count <= free - spare, write(fd, block, block.count) > 0 { written += block.count }
            return
        }
        let block = [UInt8](repeating: 7, count: 1 << 16)
        while write(fd, block, block.count) > 0 {}
        var small = [UInt8](repeating: 7, count: 512)
        while write(fd, &small, small.count) > 0 {}
    }
}
