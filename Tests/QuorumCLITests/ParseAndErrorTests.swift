import Foundation
import Testing

@Suite struct ParseAndErrorTests {
    @Test func parseJSONFollowsTheAnnotationSchema() throws {
        let file = CLIRunner.corpus + "/improving-lives-2020-10-27-agenda-pack.txt"
        let output = try CLIRunner.quorum("parse", "--json", file)
        #expect(output.status == 0, "\(output.stderr)")
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        let document = try #require(documents.first)
        #expect(document["file"] as? String == "improving-lives-2020-10-27-agenda-pack.txt")
        #expect(document["committee"] as? String == "Improving Lives Select Commission")
        let sections = try #require(document["sections"] as? [[String: Any]])
        #expect(sections.first?["kind"] as? String == "agenda")
        #expect(sections.first?["meeting_date"] as? String == "2020-10-27")
        // The embedded minutes of the earlier meeting carry that meeting's date and numbering.
        let minutes = try #require(sections.first { $0["kind"] as? String == "minutes" })
        #expect(minutes["meeting_date"] as? String == "2020-09-22")
        #expect(minutes["chair"] as? String == "Cusworth")
        let numbers = (minutes["items"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
        #expect(numbers == (90...101).map(String.init))
    }

    @Test func noDaemonGivesDirections() throws {
        let socket = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).sock").path
        let output = try CLIRunner.quorum("search", "--socket", socket, "budget")
        #expect(output.status != 0)
        #expect(output.stderr.contains("no quorumd answers on \(socket)"), "\(output.stderr)")
        #expect(output.stderr.contains("scripts/run"), "\(output.stderr)")
    }

    @Test func badFlagsAreExplained() throws {
        let output = try CLIRunner.quorum("search", "--index", "/nonexistent", "--from", "13/01/2025", "budget")
        #expect(output.status != 0)
        #expect(output.stderr.contains("--from takes a date as YYYY-MM-DD"), "\(output.stderr)")
    }
}

/// `quorum eval` on the judged queries over the shipped corpus: the ranking keeps its measured quality.
@Suite struct EvalCommandTests {
    @Test func rankingMeetsItsFloors() throws {
        let index = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-eval-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: index) }
        #expect(try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus).status == 0)
        let judgements = CLIRunner.root.appendingPathComponent("Tests/MinutesIndexTests/Judgements/corpus-queries.json").path
        let output = try CLIRunner.quorum("eval", "--index", index, judgements)
        #expect(output.status == 0, "\(output.stderr)")
        // "nDCG@10 0.893  recall@10 0.834  MRR 0.988  (40 queries)" when these floors were set.
        let summary = try #require(output.stdout.split(separator: "\n").last.map(String.init))
        let numbers = summary.split(separator: " ").compactMap { Double($0) }
        #expect(numbers.count == 3, "\(summary)")
        #expect(numbers[0] >= 0.87, "nDCG@10: \(summary)")
        #expect(numbers[1] >= 0.81, "recall@10: \(summary)")
        #expect(numbers[2] >= 0.96, "MRR: \(summary)")
        #expect(summary.hasSuffix("(40 queries)"), "\(summary)")
    }
}

/// `quorum saved` on an index folder: a search kept in the index records the items that arrive later.
@Suite struct SavedSearchCommandTests {
    @Test func savedSearchRecordsLaterMatches() throws {
        let index = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-saved-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: index) }
        #expect(try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus + "/improving-lives-2018-09-18-minutes.txt").status == 0)
        let added = try CLIRunner.quorum("saved", "add", "--index", index, "ehe", "elective home education", "--from", "2024")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try CLIRunner.quorum("saved", "list", "--index", index).stdout == "ehe  elective home education\n")
        #expect(try CLIRunner.quorum("saved", "show", "--index", index, "ehe").stdout == "")
        // The 2025 minutes arrive: their policy item is recorded; the 2020 pack is before --from.
        for file in ["improving-lives-2025-07-22-minutes.txt", "improving-lives-2020-10-27-agenda-pack.txt"] {
            #expect(try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus + "/" + file).status == 0)
        }
        let shown = try CLIRunner.quorum("saved", "show", "--index", index, "ehe").stdout
        #expect(shown.contains("2025-07-22  Improving Lives Select Commission  DRAFT ELECTIVE HOME EDUCATION POLICY"), "\(shown)")
        #expect(!shown.contains("2020-"), "\(shown)")
        #expect(try CLIRunner.quorum("saved", "remove", "--index", index, "ehe").status == 0)
        #expect(try CLIRunner.quorum("saved", "list", "--index", index).stdout == "")
        #expect(try CLIRunner.quorum("saved", "show", "--index", index, "ehe").status != 0)
    }
}
