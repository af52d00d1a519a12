import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hostile files dropped into the watched folder of the real daemon: each is listed in
/// `/status` under `failed` with its reason, the daemon goes on answering, and once the file is
/// fixed it is indexed and its entry goes.
@Suite("quorumd, hostile files", .serialized)
struct HostileFilesTests {
    static let pdfFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("MinutesIngestTests/Fixtures/pdf")

    /// Minutes with one item whose title word is unique to `name`.
    static func goodMinutes(_ word: String) -> String {
        SampleMinutes.cabinet.replacingOccurrences(of: "LIBRARY OPENING HOURS", with: "FIXED \(word.uppercased())")
    }

    static func failedEntries(_ daemon: DaemonProcess) throws -> [String: String] {
        let failed = try daemon.request("GET", "/status").json["failed"] as? [[String: Any]] ?? []
        return Dictionary(failed.map { ($0["path"] as? String ?? "?", $0["reason"] as? String ?? "?") }, uniquingKeysWith: { a, _ in a })
    }

    @Test("each hostile file is recorded with a reason, the daemon keeps serving, and a fix gets it indexed")
    func hostileFiles() async throws {
        let folder = try TemporaryFolder("quorumd-hostile")
        let corpus = folder.path("corpus")
        try makeFolder(corpus)
        // As root every file is readable, so the daemon runs as nobody to meet an unreadable file.
        var launcher: [String] = []
        if getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
            #expect(chown(folder.path, 65534, 65534) == 0 && chown(corpus, 65534, 65534) == 0)
        }
        try writeFile(folder.path("corpus/cabinet.txt"), SampleMinutes.cabinet)

        // The hostile set, by file name.
        #expect(FileManager.default.createFile(atPath: folder.path("corpus/empty.txt"), contents: Data()))
        #expect(FileManager.default.createFile(atPath: folder.path("corpus/binary.txt"), contents: Data((0..<4096).map { UInt8(($0 * 7919) % 256) })))
        #expect(FileManager.default.createFile(atPath: folder.path("corpus/latin1.txt"), contents: Data("Caf\u{e9} minutes".utf8.map { $0 }) + Data([0xe9, 0xff])))
        #expect(FileManager.default.createFile(atPath: folder.path("corpus/nul.txt"), contents: Data(SampleMinutes.planning.utf8) + Data([0]) + Data("more".utf8)))
        let huge = Data(repeating: UInt8(ascii: "a"), count: 50 << 20)
        #expect(FileManager.default.createFile(atPath: folder.path("corpus/huge.txt"), contents: huge))
        let goodPDF = try Data(contentsOf: Self.pdfFixtures.appendingPathComponent("improving-lives-2018-09-18-minutes.pdf"))
        #expect(FileManager.default.createFile(atPath: folder.path("corpus/truncated.pdf"), contents: goodPDF.prefix(goodPDF.count / 3)))
        #expect(FileManager.default.createFile(atPath: folder.path("corpus/corrupt.pdf"), contents: Data("%PDF-1.4\n1 0 obj << /Type /Catalog garbage \u{1}\u{2}\n".utf8)))
        try FileManager.default.copyItem(at: Self.pdfFixtures.appendingPathComponent("encrypted.pdf"), to: URL(fileURLWithPath: folder.path("corpus/encrypted.pdf")))
        #expect(symlink(folder.path("corpus/loop-b.txt"), folder.path("corpus/loop-a.txt")) == 0)
        #expect(symlink(folder.path("corpus/loop-a.txt"), folder.path("corpus/loop-b.txt")) == 0)
        #expect(symlink("/etc/passwd", folder.path("corpus/outside.txt")) == 0)
        #expect(mkfifo(folder.path("corpus/pipe.txt"), 0o644) == 0)
        try writeFile(folder.path("corpus/locked.txt"), Self.goodMinutes("locked"))
        #expect(chmod(folder.path("corpus/locked.txt"), 0) == 0)
        // 10,000 items in one document: not hostile by itself, it must simply be indexed.
        var many = "CABINET\nMonday, 13th January 2025\n\n"
        for i in 1...10_000 { many += "\(i). ITEM NUMBER\(i)\n\nThe cabinet noted report\(i).\n\n" }
        try writeFile(folder.path("corpus/many-items.txt"), many)

        let daemon = try DaemonProcess(index: folder.path("index"), watch: corpus, socket: folder.path("q.sock"),
                                       extra: ["--rescan-interval", "1", "--log-level", "warning"], launcher: launcher)
        try await daemon.waitUntilServing()

        let expected: [String: String] = [
            "empty.txt": "the file is empty",
            "binary.txt": "the file holds NUL bytes: binary, not text",
            "latin1.txt": "not valid UTF-8 text",
            "nul.txt": "the file holds NUL bytes: binary, not text",
            "huge.txt": "the file is 50.0 MB; text and HTML files over 16.0 MB are not read",
            "truncated.pdf": "the PDF is damaged or not a PDF",
            "corrupt.pdf": "the PDF is damaged or not a PDF",
            "encrypted.pdf": "the PDF is encrypted: it needs a password to open",
            "loop-a.txt": "a symbolic link: links are not followed",
            "loop-b.txt": "a symbolic link: links are not followed",
            "outside.txt": "a symbolic link: links are not followed",
            "pipe.txt": "not a regular file (a folder, FIFO, socket or device)",
        ]
        var all = expected
        if !launcher.isEmpty || getuid() != 0 { all["locked.txt"] = "cannot read file" }
        #expect(try await waitFor(timeout: .seconds(60)) { try Set(Self.failedEntries(daemon).keys).isSuperset(of: all.keys) },
                "failed: \((try? Self.failedEntries(daemon)) ?? [:]); log: \(daemon.log())")
        let failed = try Self.failedEntries(daemon)
        for (name, reason) in all {
            #expect(failed[name]?.hasPrefix(reason) == true, "\(name): \(failed[name] ?? "not listed")")
        }
        #expect(failed["cabinet.txt"] == nil && failed["many-items.txt"] == nil)
        // The linked-to file was never read: nothing of /etc/passwd is searchable.
        #expect(try daemon.request("GET", "/search?q=root").json["total"] as? Int == 0)

        // Still serving, with the good files and all 10,000 items of the big one.
        #expect(try await waitFor(timeout: .seconds(60)) { try daemon.request("GET", "/search?q=allotment").json["total"] as? Int == 1 })
        #expect(try daemon.request("GET", "/search?q=number9876").json["total"] as? Int == 1)
        let itemsBefore = try daemon.request("GET", "/status").json["items"] as? Int ?? 0
        #expect(itemsBefore >= 2 + 9_990)

        // A file removed while it is being read leaves no trace once it is gone.
        try writeFile(folder.path("corpus/fleeting.txt"), Self.goodMinutes("fleeting"))
        try FileManager.default.removeItem(atPath: folder.path("corpus/fleeting.txt"))

        // The fixes.
        let fixes = ["empty.txt", "binary.txt", "latin1.txt", "nul.txt", "huge.txt"]
        for name in fixes { try writeFile(folder.path("corpus/\(name)"), Self.goodMinutes((name as NSString).deletingPathExtension)) }
        for name in ["truncated.pdf", "corrupt.pdf", "encrypted.pdf"] {
            try FileManager.default.removeItem(atPath: folder.path("corpus/\(name)"))
            try goodPDF.write(to: URL(fileURLWithPath: folder.path("corpus/.\(name).part")))
            try rename(folder.path("corpus/.\(name).part"), to: folder.path("corpus/\(name)"))
        }
        for name in ["loop-a.txt", "loop-b.txt", "pipe.txt"] {
            try FileManager.default.removeItem(atPath: folder.path("corpus/\(name)"))
            try writeFile(folder.path("corpus/\(name)"), Self.goodMinutes((name as NSString).deletingPathExtension.replacingOccurrences(of: "-", with: "")))
        }
        try FileManager.default.removeItem(atPath: folder.path("corpus/outside.txt"))
        #expect(chmod(folder.path("corpus/locked.txt"), 0o644) == 0)

        #expect(try await waitFor(timeout: .seconds(60)) { try Self.failedEntries(daemon).isEmpty },
                "still failed: \((try? Self.failedEntries(daemon)) ?? [:])")
        for word in ["empty", "binary", "latin1", "nul", "huge", "loopa", "loopb", "pipe", "locked"] {
            // "fixed AND word": every fixed file holds "fixed", so a plain two-word query would
            // match them all once few hold both words.
            #expect(try daemon.request("GET", "/search?q=fixed+AND+\(word)").json["total"] as? Int == 1, "\(word)")
        }
        let sources = try daemon.request("GET", "/status").json["sources"] as? [[String: Any]] ?? []
        #expect(!sources.contains { ($0["path"] as? String ?? "").hasSuffix("fleeting.txt") || ($0["path"] as? String ?? "").hasSuffix("outside.txt") })
        #expect(sources.filter { ($0["path"] as? String ?? "").hasSuffix(".pdf") }.allSatisfy { $0["state"] as? String == "indexed" })
        #expect(daemon.process.isRunning)
        #expect(daemon.terminate() == 0)
    }
}
