import Foundation
import XCTest

/// The questions a newcomer asks of the shipped corpus, through the real `quorum` binary.
final class CorpusSearchTests: XCTestCase {
    /// One index of the corpus shared by the tests of this class (built by the first that needs it).
    private static let indexPath = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-cli-\(UUID().uuidString)").path

    override class func tearDown() {
        try? FileManager.default.removeItem(atPath: indexPath)
        super.tearDown()
    }

    private func indexCorpus() throws {
        if FileManager.default.fileExists(atPath: Self.indexPath) { return }
        let output = try CLIRunner.quorum("index", "--index", Self.indexPath, CLIRunner.corpus)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("5 indexed"), output.stdout)
    }

    private func search(_ arguments: String...) throws -> [String: Any] {
        try indexCorpus()
        let output = try CLIRunner.quorum(["search", "--index", Self.indexPath, "--json"] + arguments)
        XCTAssertEqual(output.status, 0, output.stderr)
        return try output.json()
    }

    /// Meeting dates of the shipped documents, read from their front pages and embedded minutes.
    private let meetingsOfSource = [
        "improving-lives-2018-09-18-minutes": ["2018-09-18"],
        "improving-lives-2020-10-27-agenda-pack": ["2020-10-27", "2020-09-22"],
        "improving-lives-2024-07-30-minutes": ["2024-07-30"],
        "improving-lives-2025-01-28-agenda-pack": ["2025-01-28", "2024-12-03"],
        "improving-lives-2025-07-22-minutes": ["2025-07-22"],
    ]

    func testElectiveHomeEducationAcrossTheYears() throws {
        let result = try search("elective home education", "--facet", "year", "--limit", "50")
        let hits = try XCTUnwrap(result["hits"] as? [[String: Any]])
        let years = Set(hits.compactMap { ($0["meeting_date"] as? String)?.prefix(4) }.map(String.init))
        // 2018's minutes say "Elected Home Education": stemming carries it.
        XCTAssertTrue(years.isSuperset(of: ["2018", "2020", "2024", "2025"]), "\(years)")
        for hit in hits {
            // Each hit carries its own meeting's date, not the pack's.
            let source = try XCTUnwrap((hit["source"] as? [String: Any])?["id"] as? String)
            let date = try XCTUnwrap(hit["meeting_date"] as? String)
            XCTAssertTrue(meetingsOfSource[source]?.contains(date) == true, "\(source) has no meeting on \(date)")
            XCTAssertNotNil(hit["snippet"] as? String)
            XCTAssertNotNil((hit["item"] as? [String: Any])?["title"] as? String)
        }
        let facet = try XCTUnwrap((result["facets"] as? [String: Any])?["year"] as? [[String: Any]])
        XCTAssertEqual(facet.compactMap { $0["count"] as? Int }.reduce(0, +), result["total"] as? Int)
        XCTAssertEqual(result["total"] as? Int, hits.count)
        // The 2018 item is the one about children missing education, dated 18 September 2018.
        XCTAssertTrue(hits.contains { $0["meeting_date"] as? String == "2018-09-18" })
    }

    func testFromDateRemovesEarlierMeetings() throws {
        let result = try search("elective home education", "--from", "2024-01-01", "--facet", "year", "--limit", "50")
        let hits = try XCTUnwrap(result["hits"] as? [[String: Any]])
        XCTAssertFalse(hits.isEmpty)
        XCTAssertTrue(hits.allSatisfy { ($0["meeting_date"] as? String ?? "") >= "2024-01-01" })
        let facet = try XCTUnwrap((result["facets"] as? [String: Any])?["year"] as? [[String: Any]])
        XCTAssertEqual(Set(facet.compactMap { $0["value"] as? String }), ["2024", "2025"])
        XCTAssertEqual(facet.compactMap { $0["count"] as? Int }.reduce(0, +), result["total"] as? Int)
    }

    func testPhraseAndPrefixesOnTheCorpus() throws {
        let titled = try search("title:\"elective home education\"", "--kind", "minutes")
        let titles = (titled["hits"] as? [[String: Any]] ?? []).compactMap { ($0["item"] as? [String: Any])?["title"] as? String }
        XCTAssertEqual(titles, ["DRAFT ELECTIVE HOME EDUCATION POLICY"])
        let sorted = try search("send", "--sort=-date", "--limit", "50")
        let dates = (sorted["hits"] as? [[String: Any]] ?? []).compactMap { $0["meeting_date"] as? String }
        XCTAssertEqual(dates, dates.sorted(by: >))
        XCTAssertGreaterThan(dates.count, 3)
    }

    func testHumanOutputShowsDateCommitteeItemSnippetAndSource() throws {
        try indexCorpus()
        let output = try CLIRunner.quorum("search", "--index", Self.indexPath, "draft elective home education policy", "--limit", "1")
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("2025-07-22  Improving Lives Select Commission"), output.stdout)
        XCTAssertTrue(output.stdout.contains("15. DRAFT ELECTIVE HOME EDUCATION POLICY"), output.stdout)
        XCTAssertTrue(output.stdout.contains("improving-lives-2025-07-22-minutes.txt:149-"), output.stdout)
        XCTAssertTrue(output.stdout.contains("matches per year\n"), output.stdout)
    }

    func testGroupedByMeetingWithAYearHistogram() throws {
        try indexCorpus()
        let output = try CLIRunner.quorum("search", "--index", Self.indexPath, "elective home education", "--group", "--facet", "year", "--limit", "50")
        XCTAssertEqual(output.status, 0, output.stderr)
        // Each meeting appears once as a heading, however many of its items match.
        let headings = output.stdout.split(separator: "\n").filter { $0.hasSuffix("  Improving Lives Select Commission") }
        XCTAssertEqual(headings.count, Set(headings).count)
        XCTAssertTrue(headings.contains("2020-10-27  Improving Lives Select Commission"), output.stdout)
        XCTAssertTrue(output.stdout.contains("matches per year\n2018  "), output.stdout)
        // The year with the most matches fills the 40-block bar.
        XCTAssertTrue(output.stdout.contains("2020  " + String(repeating: "█", count: 40) + " 7"), output.stdout)
    }

    func testSinceTakesASpanBackFromToday() throws {
        try indexCorpus()
        let recent = try search("education", "--since", "1000y", "--limit", "1")
        let all = try search("education", "--limit", "1")
        XCTAssertEqual(recent["total"] as? Int, all["total"] as? Int)
        let bad = try CLIRunner.quorum("search", "--index", Self.indexPath, "education", "--since", "two years")
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--since takes a span such as 2y"), bad.stderr)
    }

    func testDidYouMean() throws {
        let misspelt = try search("elective home educaton")
        XCTAssertEqual(misspelt["total"] as? Int, 0)
        XCTAssertEqual(misspelt["corrected_query"] as? String, "elective home education")
        XCTAssertGreaterThan(misspelt["corrected_total"] as? Int ?? 0, 5)
        XCTAssertNil(try search("elective home education")["corrected_query"])
        let human = try CLIRunner.quorum("search", "--index", Self.indexPath, "elective home educaton")
        XCTAssertTrue(human.stdout.contains("Did you mean: elective home education"), human.stdout)
    }

    func testShowPrintsTheWholeItem() throws {
        try indexCorpus()
        let output = try CLIRunner.quorum("show", "--index", Self.indexPath, "improving-lives-2025-07-22-minutes:1.6", "--json")
        XCTAssertEqual(output.status, 0, output.stderr)
        let item = try output.json()
        XCTAssertEqual((item["item"] as? [String: Any])?["number"] as? String, "15")
        XCTAssertEqual(item["meeting_date"] as? String, "2025-07-22")
        XCTAssertEqual((item["attendance"] as? [String: Any])?["chair"] as? String, "Monk")
        XCTAssertTrue((item["text"] as? String ?? "").contains("Elective Home Education"))
        let missing = try CLIRunner.quorum("show", "--index", Self.indexPath, "no-such:1.1")
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("no item with id 'no-such:1.1'"), missing.stderr)
    }

    func testIndexingAgainChangesNothing() throws {
        try indexCorpus()
        let again = try CLIRunner.quorum("index", "--index", Self.indexPath, CLIRunner.corpus)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("0 indexed (0 items), 5 unchanged, 0 failed; index \(Self.indexPath) holds 114 items"), again.stdout)
    }
}
