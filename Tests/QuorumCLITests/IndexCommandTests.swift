import Foundation
import Testing

/// `quorum index` on the shipped corpus: commits come every `--commit-every` items, as
/// Xapian's revision counter shows, and the index holds the same items however often it commits.
///
/// A class, for `deinit`: the folders a test made are removed when its instance goes away.
@Suite final class IndexCommandTests {
    private var folders: [String] = []

    deinit {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }

    private func temporaryPath() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-index-\(UUID().uuidString)").path
        folders.append(path)
        return path
    }

    /// What `xapian-delve` says of the index: its revision (one per commit) and document count.
    private func delve(_ index: String) throws -> (revision: Int, documents: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xapian-delve")
        process.arguments = [index]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        func number(after label: String) -> Int? {
            text.split(separator: "\n").first { $0.hasPrefix(label) }.flatMap { Int($0.dropFirst(label.count)) }
        }
        return (try #require(number(after: "revision = "), "\(text)"), try #require(number(after: "number of documents = "), "\(text)"))
    }

    /// `quorum index` walks a folder by the daemon's rules: a hidden folder, a dotfile and a
    /// partial download are not documents, so the daemon's reconciliation never deletes what
    /// `quorum index` added, nor finds more than it did.
    @Test func theWalkSkipsHiddenFoldersDotfilesAndPartialFilesAsTheDaemonDoes() throws {
        let corpus = temporaryPath()
        let minutes = try String(contentsOfFile: CLIRunner.corpus + "/improving-lives-2024-07-30-minutes.txt", encoding: .utf8)
        for relative in ["a.txt", "sub/b.md", ".git/c.txt", "sub/.hidden/d.txt", ".e.txt", "sub/f.txt.part", "sub/g.pdf.crdownload"] {
            let url = URL(fileURLWithPath: corpus + "/" + relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try minutes.write(to: url, atomically: true, encoding: .utf8)
        }
        let index = temporaryPath()
        let run = try CLIRunner.quorum("index", "--index", index, corpus)
        #expect(run.status == 0, "\(run.stderr)")
        let indexed = run.stdout.split(separator: "\n").filter { $0.hasPrefix("indexed ") }
            .map { String($0.dropFirst("indexed ".count).prefix(while: { $0 != " " })) }
        #expect(indexed.map { String($0.dropFirst(corpus.count + 1)) } == ["a.txt", "sub/b.md"], "\(run.stdout)")
        #expect(run.stdout.contains("2 indexed"), "\(run.stdout)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xapian-delve"),
                   "xapian-tools is installed by scripts/install-system-packages"))
    func aLoadCommitsEveryGivenNumberOfItems() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLIRunner.corpus).filter { $0.hasSuffix(".txt") }
        #expect(files.count == 5)

        let once = temporaryPath()
        let loaded = try CLIRunner.quorum("index", "--index", once, CLIRunner.corpus)
        #expect(loaded.status == 0, "\(loaded.stderr)")
        let single = try delve(once)
        #expect(single.revision == 1, "the corpus is far below 10,000 items: one commit at the end")
        #expect(single.documents > 100)

        // Every file has items, so with a commit after every item the four files after the
        // first each start with a commit, and the end makes the fifth.
        let often = temporaryPath()
        let stepped = try CLIRunner.quorum("index", "--index", often, "--commit-every", "1", CLIRunner.corpus)
        #expect(stepped.status == 0, "\(stepped.stderr)")
        let stepwise = try delve(often)
        #expect(stepwise.revision == 5)
        #expect(stepwise.documents == single.documents)
    }

    /// The reading thread prepares each file's items under the source id the file would get
    /// when the load starts; two new files of one name both presume "minutes", and the second
    /// must be remade under the id it really gets, or it would overwrite the first.
    @Test func twoNewFilesOfOneNameInOneLoadKeepTheirOwnItems() throws {
        let corpus = temporaryPath()
        for (folder, source) in [("council-a", "improving-lives-2018-09-18-minutes"), ("council-b", "improving-lives-2024-07-30-minutes")] {
            try FileManager.default.createDirectory(atPath: "\(corpus)/\(folder)", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: "\(CLIRunner.corpus)/\(source).txt", toPath: "\(corpus)/\(folder)/minutes.txt")
        }
        let index = temporaryPath()
        let loaded = try CLIRunner.quorum("index", "--index", index, corpus)
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(loaded.stdout.contains("2 indexed"), "\(loaded.stdout)")

        let output = try CLIRunner.quorum("search", "--index", index, "--json", "council", "--limit", "500")
        #expect(output.status == 0, "\(output.stderr)")
        let hits = try #require(try output.json()["hits"] as? [[String: Any]])
        var yearsBySource: [String: Set<String>] = [:]
        for hit in hits {
            let id = try #require(hit["id"] as? String)
            let source = try #require((hit["source"] as? [String: Any])?["id"] as? String)
            #expect(id.hasPrefix(source + ":"), "\(id) is stored under source \(source)")
            yearsBySource[source, default: []].insert(String((hit["meeting_date"] as? String ?? "").prefix(4)))
        }
        #expect(yearsBySource.count == 2, "both files keep their items")
        #expect(yearsBySource["minutes"].map { $0.count } == 1)
        #expect(Set(yearsBySource.values.flatMap { $0 }) == ["2018", "2024"])
    }

    @Test func aCommitIntervalBelowOneIsRefused() throws {
        let output = try CLIRunner.quorum("index", "--index", temporaryPath(), "--commit-every", "0", CLIRunner.corpus)
        #expect(output.status != 0)
        #expect(output.stderr.contains("--commit-every takes a number of items"), "\(output.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aTerminalGetsOneProgressLineAndAPipeGetsALinePerFile() throws {
        // `script` runs the real binary on a pseudo-terminal, as a person at a shell would.
        let index = temporaryPath()
        let quorum = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("quorum").path
        let process = Process()
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        process.environment = environment
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "\(quorum) index --index \(index) \(CLIRunner.corpus)", "/dev/null"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let terminal = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(terminal)")
        #expect(terminal.contains("indexing: 5 of 5 files, 114 items"), "\(terminal)")
        #expect(terminal.contains("\r\u{1B}[K"), "the line is rewritten in place")
        #expect(!terminal.contains("indexed \(CLIRunner.corpus)"), "no line per file on a terminal")
        #expect(terminal.contains("5 indexed (114 items)"))

        let piped = try CLIRunner.quorum("index", "--index", temporaryPath(), CLIRunner.corpus)
        #expect(!piped.stdout.contains("indexing:"), "nothing extra when output is not a terminal")
        #expect(piped.stdout.split(separator: "\n").filter { $0.hasPrefix("indexed ") }.count == 5)
    }
}
