import Foundation
import Testing

@testable import QuorumServer

#if canImport(Glibc)
import Glibc
#endif

@Suite("FolderScanner")
struct FolderScannerTests {
    @Test("lists supported documents recursively with size and mtime, skipping hidden and partial files, listing links unfollowed")
    func scan() throws {
        let folder = try TemporaryFolder()
        try makeFolder(folder.path("2024/05"))
        try makeFolder(folder.path(".trash"))
        try writeFile(folder.path("top.txt"), "12345")
        try writeFile(folder.path("2024/cabinet.MD"), "# Cabinet")
        try writeFile(folder.path("2024/05/scrutiny.txt"), "")
        for name in [".hidden.txt", "x.txt.part", "x.txt~", "x.tmp", "pack.docx", ".trash/old.txt"] {
            try writeFile(folder.path(name), "ignored")
        }
        #expect(symlink(folder.path("top.txt"), folder.path("link.txt")) == 0)
        // A fixed mtime with nanoseconds, to check the full precision comes through.
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 123_456_789), timespec(tv_sec: 1_700_000_000, tv_nsec: 123_456_789)]
        #expect(utimensat(AT_FDCWD, folder.path("top.txt"), &times, 0) == 0)

        let files = try FolderScanner().scan(folders: [folder.path], logger: LogRecorder().logger())
        // The link is listed (the indexer refuses it with a reason), with its own lstat size.
        #expect(files.map(\.path) == [folder.path("2024/05/scrutiny.txt"), folder.path("2024/cabinet.MD"), folder.path("link.txt"), folder.path("top.txt")])
        #expect(files.map(\.size) == [0, 9, folder.path("top.txt").utf8.count, 5])
        #expect(files.last?.modifiedNanoseconds == 1_700_000_000_123_456_789)
    }

    @Test("relative folders and trailing slashes give absolute paths")
    func relativePaths() throws {
        let folder = try TemporaryFolder()
        try writeFile(folder.path("a.txt"), "a")
        let previous = FileManager.default.currentDirectoryPath
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        #expect(FileManager.default.changeCurrentDirectoryPath(folder.path + "/.."))
        let name = (folder.path as NSString).lastPathComponent
        let files = try FolderScanner().scan(folders: [name + "/"], logger: LogRecorder().logger())
        #expect(files.map(\.path) == [folder.path("a.txt")])
    }

    @Test("an unreadable sub-folder is logged and skipped; a missing top folder is an error")
    func unreadable() throws {
        let folder = try TemporaryFolder()
        try makeFolder(folder.path("locked"))
        try writeFile(folder.path("locked/secret.txt"), "x")
        try writeFile(folder.path("open.txt"), "x")
        #expect(chmod(folder.path("locked"), 0) == 0)
        defer { chmod(folder.path("locked"), 0o755) }
        let recorder = LogRecorder()
        let files = try FolderScanner().scan(folders: [folder.path], logger: recorder.logger())
        if getuid() != 0 {  // root reads anything, so only the warning path differs
            #expect(files.map(\.path) == [folder.path("open.txt")])
            #expect(recorder.records.contains { $0.level == .warning && $0.message == "skipping unreadable corpus folder" })
        }
        let error = #expect(throws: WatchingError.self) {
            _ = try FolderScanner().scan(folders: [folder.path("missing")], logger: recorder.logger())
        }
        #expect(error?.kind == .folderUnreadable)
    }
}
