import Foundation
import Testing

/// The questions a newcomer asks of the shipped corpus, through the real `quorum` binary.
/// Serialized: the tests share one index, built by the first that needs it, and two building it
/// at once would race. ``CorpusSearchIndexCleanup`` removes it when the whole suite has run.
@Suite(.serialized, CorpusSearchIndexCleanup())
struct CorpusSearchTests {
    /// One index of the corpus shared by the tests of this suite (built by the first that needs it).
    fileprivate static let indexPath = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-cli-\(UUID().uuidString)").path

    private func indexCorpus() throws {
        if FileManager.default.fileExists(atPath: Self.indexPath) { return }
        let output = try CLIRunner.quorum("index", "--index", Self.indexPath, CLIRunner.corpus)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("5 indexed"), "\(output.stdout)")
    }

    private func search(_ arguments: String...) throws -> [String: Any] {
        try indexCorpus()
        let output = try CLIRunner.quorum(["search", "--index", Self.indexPath, "--json"] + arguments)
        #expect(output.status == 0, "\(output.stderr)")
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

    @Test func electiveHomeEducationAcrossTheYears() throws {
        let result = try search("elective home education", "--facet", "year", "--limit", "50")
        let hits = try #require(result["hits"] as? [[String: Any]])
        let years = Set(hits.compactMap { ($0["meeting_date"] as? String)?.prefix(4) }.map(String.init))
        // 2018's minutes say "Elected Home Education": stemming carries it.
        #expect(years.isSuperset(of: ["2018", "2020", "2024", "2025"]), "\(years)")
        for hit in hits {
            // Each hit carries its own meeting's date, not the pack's.
            let source = try #require((hit["source"] as? [String: Any])?["id"] as? String)
            let date = try #require(hit["meeting_date"] as? String)
            #expect(meetingsOfSource[source]?.contains(date) == true, "\(source) has no meeting on \(date)")
            #expect(hit["snippet"] as? String != nil)
            #expect((hit["item"] as? [String: Any])?["title"] as? String != nil)
        }
        let facet = try #require((result["facets"] as? [String: Any])?["year"] as? [[String: Any]])
        #expect(facet.compactMap { $0["count"] as? Int }.reduce(0, +) == result["total"] as? Int)
        #expect(result["total"] as? Int == hits.count)
        // The 2018 item is the one about children missing education, dated 18 September 2018.
        #expect(hits.contains { $0["meeting_date"] as? String == "2018-09-18" })
    }

    @Test func fromDateRemovesEarlierMeetings() throws {
        let result = try search("elective home education", "--from", "2024-01-01", "--facet", "year", "--limit", "50")
        let hits = try #require(result["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { ($0["meeting_date"] as? String ?? "") >= "2024-01-01" })
        let facet = try #require((result["facets"] as? [String: Any])?["year"] as? [[String: Any]])
        #expect(Set(facet.compactMap { $0["value"] as? String }) == ["2024", "2025"])
        #expect(facet.compactMap { $0["count"] as? Int }.reduce(0, +) == result["total"] as? Int)
    }

    @Test func phraseAndPrefixesOnTheCorpus() throws {
        let titled = try search("title:\"elective home education\"", "--kind", "minutes")
        let titles = (titled["hits"] as? [[String: Any]] ?? []).compactMap { ($0["item"] as? [String: Any])?["title"] as? String }
        #expect(titles == ["DRAFT ELECTIVE HOME EDUCATION POLICY"])
        let sorted = try search("send", "--sort=-date", "--limit", "50")
        let dates = (sorted["hits"] as? [[String: Any]] ?? []).compactMap { $0["meeting_date"] as? String }
        #expect(dates == dates.sorted(by: >))
        #expect(dates.count > 3)
    }

    @Test func humanOutputShowsDateCommitteeItemSnippetAndSource() throws {
        try indexCorpus()
        let output = try CLIRunner.quorum("search", "--index", Self.indexPath, "draft elective home education policy", "--limit", "1")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("2025-07-22  Improving Lives Select Commission"), "\(output.stdout)")
        #expect(output.stdout.contains("15. DRAFT ELECTIVE HOME EDUCATION POLICY"), "\(output.stdout)")
        #expect(output.stdout.contains("improving-lives-2025-07-22-minutes.txt:149-"), "\(output.stdout)")
        #expect(output.stdout.contains("matches per year\n"), "\(output.stdout)")
    }

    @Test func groupedByMeetingWithAYearHistogram() throws {
        try indexCorpus()
        let output = try CLIRunner.quorum("search", "--index", Self.indexPath, "elective home education", "--group", "--facet", "year", "--limit", "50")
        #expect(output.status == 0, "\(output.stderr)")
        // Each meeting appears once as a heading, however many of its items match.
        let headings = output.stdout.split(separator: "\n").filter { $0.hasSuffix("  Improving Lives Select Commission") }
        #expect(headings.count == Set(headings).count)
        #expect(headings.contains("2020-10-27  Improving Lives Select Commission"), "\(output.stdout)")
        #expect(output.stdout.contains("matches per year\n2018  "), "\(output.stdout)")
        // The year with the most matches fills the 40-block bar.
        #expect(output.stdout.contains("2020  " + String(repeating: "█", count: 40) + " 7"), "\(output.stdout)")
    }

    @Test func sinceTakesASpanBackFromToday() throws {
        try indexCorpus()
        let recent = try search("education", "--since", "1000y", "--limit", "1")
        let all = try search("education", "--limit", "1")
        #expect(recent["total"] as? Int == all["total"] as? Int)
        let bad = try CLIRunner.quorum("search", "--index", Self.indexPath, "education", "--since", "two years")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--since takes a span such as 2y"), "\(bad.stderr)")
    }

    @Test func didYouMean() throws {
        let misspelt = try search("elective home educaton")
        #expect(misspelt["total"] as? Int == 0)
        #expect(misspelt["corrected_query"] as? String == "elective home education")
        #expect((misspelt["corrected_total"] as? Int ?? 0) > 5)
        #expect(try search("elective home education")["corrected_query"] == nil)
        let human = try CLIRunner.quorum("search", "--index", Self.indexPath, "elective home educaton")
        #expect(human.stdout.contains("Did you mean: elective home education"), "\(human.stdout)")
    }

    @Test func showPrintsTheWholeItem() throws {
        try indexCorpus()
        let output = try CLIRunner.quorum("show", "--index", Self.indexPath, "improving-lives-2025-07-22-minutes:1.6", "--json")
        #expect(output.status == 0, "\(output.stderr)")
        let item = try output.json()
        #expect((item["item"] as? [String: Any])?["number"] as? String == "15")
        #expect(item["meeting_date"] as? String == "2025-07-22")
        #expect((item["attendance"] as? [String: Any])?["chair"] as? String == "Monk")
        #expect((item["text"] as? String ?? "").contains("Elective Home Education"))
        let missing = try CLIRunner.quorum("show", "--index", Self.indexPath, "no-such:1.1")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no item with id 'no-such:1.1'"), "\(missing.stderr)")
    }

    @Test func indexingAgainChangesNothing() throws {
        try indexCorpus()
        let again = try CLIRunner.quorum("index", "--index", Self.indexPath, CLIRunner.corpus)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("0 indexed (0 items), 5 unchanged, 0 failed; index \(Self.indexPath) holds 114 items"), "\(again.stdout)")
    }
}

/// Removes ``CorpusSearchTests``'s shared index once every test of the suite has run (what
/// XCTest's `class func tearDown` did): a suite trait that is not recursive provides its scope
/// once, around the whole suite.
struct CorpusSearchIndexCleanup: SuiteTrait, TestScoping {
    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        defer { try? FileManager.default.removeItem(atPath: CorpusSearchTests.indexPath) }
        try await function()
    }
}
