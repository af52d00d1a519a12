import Foundation
import XCTest

/// `quorum index` on the shipped corpus: commits come every `--commit-every` items, as
/// Xapian's revision counter shows, and the index holds the same items however often it commits.
final class IndexCommandTests: XCTestCase {
    private var folders: [String] = []

    override func tearDown() {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
        super.tearDown()
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
        return (try XCTUnwrap(number(after: "revision = "), text), try XCTUnwrap(number(after: "number of documents = "), text))
    }

    func testALoadCommitsEveryGivenNumberOfItems() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/xapian-delve"),
                          "xapian-tools is installed by scripts/install-system-packages")
        let files = try FileManager.default.contentsOfDirectory(atPath: CLIRunner.corpus).filter { $0.hasSuffix(".txt") }
        XCTAssertEqual(files.count, 5)

        let once = temporaryPath()
        let loaded = try CLIRunner.quorum("index", "--index", once, CLIRunner.corpus)
        XCTAssertEqual(loaded.status, 0, loaded.stderr)
        let single = try delve(once)
        XCTAssertEqual(single.revision, 1, "the corpus is far below 10,000 items: one commit at the end")
        XCTAssertGreaterThan(single.documents, 100)

        // Every file has items, so with a commit after every item the four files after the
        // first each start with a commit, and the end makes the fifth.
        let often = temporaryPath()
        let stepped = try CLIRunner.quorum("index", "--index", often, "--commit-every", "1", CLIRunner.corpus)
        XCTAssertEqual(stepped.status, 0, stepped.stderr)
        let stepwise = try delve(often)
        XCTAssertEqual(stepwise.revision, 5)
        XCTAssertEqual(stepwise.documents, single.documents)
    }

    func testACommitIntervalBelowOneIsRefused() throws {
        let output = try CLIRunner.quorum("index", "--index", temporaryPath(), "--commit-every", "0", CLIRunner.corpus)
        XCTAssertNotEqual(output.status, 0)
        XCTAssertTrue(output.stderr.contains("--commit-every takes a number of items"), output.stderr)
    }
}
