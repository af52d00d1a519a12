import Foundation
import Testing

/// `quorum index --jobs 2` (writers side by side, merged by Xapian's compactor) against a
/// serial load of the same files, through the real binary: the same item ids, the same answers
/// to every judged query, the same acronyms and spelling corrections.
@Suite final class ParallelIndexTests {
    private var folders: [String] = []

    deinit {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }

    private func temporaryPath() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-jobs-\(UUID().uuidString)").path
        folders.append(path)
        return path
    }

    /// The shipped corpus, and the other councils' documents when `../shared` is beside the clone.
    private var sources: [String] {
        let devset = CLIRunner.root.deletingLastPathComponent().appendingPathComponent("shared/devset/whole").path
        return [CLIRunner.corpus] + (FileManager.default.fileExists(atPath: devset) ? [devset] : [])
    }

    private func json(_ arguments: String...) throws -> Any {
        let output = try CLIRunner.quorum(arguments)
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    }

    @Test func twoWritersMergedAnswerAsOneDoes() throws {
        let (serial, parallel) = (temporaryPath(), temporaryPath())
        let one = try CLIRunner.quorum(["index", "--jobs", "1", "--index", serial] + sources)
        let two = try CLIRunner.quorum(["index", "--jobs", "2", "--index", parallel] + sources)
        #expect(one.status == 0 && two.status == 0, "\(one.stderr) \(two.stderr)")
        #expect(two.stdout.contains("(2 writers, merged)"))
        #expect(!one.stdout.contains("merged"))
        // The summary's counts agree: files, items.
        let summary = { (text: String) in text.split(separator: "\n").last.map { $0.replacingOccurrences(of: " (2 writers, merged)", with: "") } }
        #expect(summary(one.stdout)?.replacingOccurrences(of: serial, with: "X") == summary(two.stdout)?.replacingOccurrences(of: parallel, with: "X"))

        // Every judged query: the same hits in the same order (ranks, recall, nDCG follow).
        let judged = CLIRunner.root.appendingPathComponent("Tests/MinutesIndexTests/Judgements/judged-queries.json").path
        let a = try json("eval", "--index", serial, judged, "--json") as? [String: Any]
        let b = try json("eval", "--index", parallel, judged, "--json") as? [String: Any]
        let tops = { (report: [String: Any]?) in (report?["queries"] as? [[String: Any]] ?? []).map { "\($0["query"] ?? "") → \($0["top"] ?? "")" } }
        #expect(!tops(a).isEmpty)
        #expect(tops(a) == tops(b))

        // Facet counts, the acronyms, a spelling correction and the ids of a whole result list.
        for query in ["education", "PRU", "safegaurding", "allotment OR planning"] {
            let x = try json("search", "--index", serial, "--json", "--limit", "100", query) as? [String: Any]
            let y = try json("search", "--index", parallel, "--json", "--limit", "100", query) as? [String: Any]
            #expect((x?["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == (y?["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, "\(query)")
            #expect(NSDictionary(dictionary: x?["facets"] as? [String: Any] ?? [:]) == NSDictionary(dictionary: y?["facets"] as? [String: Any] ?? [:]), "\(query)")
            #expect(x?["corrected_query"] as? String == y?["corrected_query"] as? String, "\(query)")
        }
        #expect(try CLIRunner.quorum("acronyms", "--index", serial, "--json").stdout == CLIRunner.quorum("acronyms", "--index", parallel, "--json").stdout)
        // The parts are gone once merged.
        #expect(!FileManager.default.fileExists(atPath: parallel + ".parts"))
    }

    @Test func anIndexThatHoldsItemsIsLoadedSerially() throws {
        let index = temporaryPath()
        #expect(try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus + "/improving-lives-2018-09-18-minutes.txt").status == 0)
        let more = try CLIRunner.quorum(["index", "--jobs", "2", "--index", index, CLIRunner.corpus])
        #expect(more.status == 0)
        #expect(!more.stdout.contains("merged"), "the parts cannot see what the index holds")
        #expect(more.stdout.contains("4 indexed (104 items), 1 unchanged"))
    }
}
