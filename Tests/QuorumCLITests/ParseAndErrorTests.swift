import Foundation
import XCTest

final class ParseAndErrorTests: XCTestCase {
    func testParseJSONFollowsTheAnnotationSchema() throws {
        let file = CLIRunner.corpus + "/improving-lives-2020-10-27-agenda-pack.txt"
        let output = try CLIRunner.quorum("parse", "--json", file)
        XCTAssertEqual(output.status, 0, output.stderr)
        let documents = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        let document = try XCTUnwrap(documents.first)
        XCTAssertEqual(document["file"] as? String, "improving-lives-2020-10-27-agenda-pack.txt")
        XCTAssertEqual(document["committee"] as? String, "Improving Lives Select Commission")
        let sections = try XCTUnwrap(document["sections"] as? [[String: Any]])
        XCTAssertEqual(sections.first?["kind"] as? String, "agenda")
        XCTAssertEqual(sections.first?["meeting_date"] as? String, "2020-10-27")
        // The embedded minutes of the earlier meeting carry that meeting's date and numbering.
        let minutes = try XCTUnwrap(sections.first { $0["kind"] as? String == "minutes" })
        XCTAssertEqual(minutes["meeting_date"] as? String, "2020-09-22")
        XCTAssertEqual(minutes["chair"] as? String, "Cusworth")
        let numbers = (minutes["items"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
        XCTAssertEqual(numbers, (90...101).map(String.init))
    }

    func testNoDaemonGivesDirections() throws {
        let socket = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).sock").path
        let output = try CLIRunner.quorum("search", "--socket", socket, "budget")
        XCTAssertNotEqual(output.status, 0)
        XCTAssertTrue(output.stderr.contains("no quorumd answers on \(socket)"), output.stderr)
        XCTAssertTrue(output.stderr.contains("scripts/run"), output.stderr)
    }

    func testBadFlagsAreExplained() throws {
        let output = try CLIRunner.quorum("search", "--index", "/nonexistent", "--from", "13/01/2025", "budget")
        XCTAssertNotEqual(output.status, 0)
        XCTAssertTrue(output.stderr.contains("--from takes a date as YYYY-MM-DD"), output.stderr)
    }
}

/// `quorum eval` on the judged queries over the shipped corpus: the ranking keeps its measured quality.
final class EvalCommandTests: XCTestCase {
    func testRankingMeetsItsFloors() throws {
        let index = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-eval-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: index) }
        XCTAssertEqual(try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus).status, 0)
        let judgements = CLIRunner.root.appendingPathComponent("Tests/MinutesIndexTests/Judgements/corpus-queries.json").path
        let output = try CLIRunner.quorum("eval", "--index", index, judgements)
        XCTAssertEqual(output.status, 0, output.stderr)
        // "nDCG@10 0.893  recall@10 0.834  MRR 0.988  (40 queries)" when these floors were set.
        let summary = try XCTUnwrap(output.stdout.split(separator: "\n").last.map(String.init))
        let numbers = summary.split(separator: " ").compactMap { Double($0) }
        XCTAssertEqual(numbers.count, 3, summary)
        XCTAssertGreaterThanOrEqual(numbers[0], 0.87, "nDCG@10: \(summary)")
        XCTAssertGreaterThanOrEqual(numbers[1], 0.81, "recall@10: \(summary)")
        XCTAssertGreaterThanOrEqual(numbers[2], 0.96, "MRR: \(summary)")
        XCTAssertTrue(summary.hasSuffix("(40 queries)"), summary)
    }
}

/// `quorum saved` on an index folder: a search kept in the index records the items that arrive later.
final class SavedSearchCommandTests: XCTestCase {
    func testSavedSearchRecordsLaterMatches() throws {
        let index = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-saved-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: index) }
        XCTAssertEqual(try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus + "/improving-lives-2018-09-18-minutes.txt").status, 0)
        let added = try CLIRunner.quorum("saved", "add", "--index", index, "ehe", "elective home education", "--from", "2024")
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(try CLIRunner.quorum("saved", "list", "--index", index).stdout, "ehe  elective home education\n")
        XCTAssertEqual(try CLIRunner.quorum("saved", "show", "--index", index, "ehe").stdout, "")
        // The 2025 minutes arrive: their policy item is recorded; the 2020 pack is before --from.
        for file in ["improving-lives-2025-07-22-minutes.txt", "improving-lives-2020-10-27-agenda-pack.txt"] {
            XCTAssertEqual(try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus + "/" + file).status, 0)
        }
        let shown = try CLIRunner.quorum("saved", "show", "--index", index, "ehe").stdout
        XCTAssertTrue(shown.contains("2025-07-22  Improving Lives Select Commission  DRAFT ELECTIVE HOME EDUCATION POLICY"), shown)
        XCTAssertFalse(shown.contains("2020-"), shown)
        XCTAssertEqual(try CLIRunner.quorum("saved", "remove", "--index", index, "ehe").status, 0)
        XCTAssertEqual(try CLIRunner.quorum("saved", "list", "--index", index).stdout, "")
        XCTAssertNotEqual(try CLIRunner.quorum("saved", "show", "--index", index, "ehe").status, 0)
    }
}
