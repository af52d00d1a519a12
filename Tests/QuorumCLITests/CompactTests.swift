import Foundation
import XCTest

/// `quorum compact` on a real index of the shipped corpus: the compacted index is smaller and
/// answers every search exactly as the original does.
final class CompactTests: XCTestCase {
    private var folders: [String] = []

    override func tearDown() {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
        super.tearDown()
    }

    private func temporaryPath(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-compact-\(name)-\(UUID().uuidString)").path
        folders.append(path)
        return path
    }

    private func size(_ folder: String) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: folder).reduce(0) { total, name in
            total + ((try FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? 0)
        }
    }

    /// The hits' ids and the total and facets of a search, as the JSON output gives them.
    private func answer(_ index: String, _ query: String) throws -> String {
        let output = try CLIRunner.quorum("search", "--index", index, "--json", query, "--facet", "year", "--limit", "20")
        XCTAssertEqual(output.status, 0, output.stderr)
        let json = try output.json()
        let ids = (json["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        XCTAssertFalse(ids.isEmpty, "no hits for \(query)")
        let facets = (json["facets"] as? [String: Any])?["year"] as? [[String: Any]] ?? []
        let counts = facets.map { "\($0["value"] ?? ""):\($0["count"] ?? "")" }
        return "\(json["total"] ?? "") \(ids) \(counts)"
    }

    private let queries = ["elective home education", "\"looked after children\"", "send", "ofsted inspection",
                           "title:\"work programme\"", "resolved:noted"]

    func testCompactIntoANewFolderKeepsEveryAnswerAndIsSmaller() throws {
        let index = temporaryPath("index")
        let indexed = try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus)
        XCTAssertEqual(indexed.status, 0, indexed.stderr)
        let compacted = temporaryPath("out")
        let output = try CLIRunner.quorum("compact", "--index", index, "--output", compacted)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("compacted \(index) into \(compacted)"), output.stdout)
        XCTAssertLessThan(try size(compacted), try size(index))
        for query in queries {
            XCTAssertEqual(try answer(compacted, query), try answer(index, query), query)
        }
        // The output must be new: compacting over an existing folder is refused and changes nothing.
        let before = try size(compacted)
        let again = try CLIRunner.quorum("compact", "--index", index, "--output", compacted)
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        XCTAssertEqual(try size(compacted), before)
    }

    func testCompactInPlaceKeepsEveryAnswer() throws {
        let index = temporaryPath("inplace")
        XCTAssertEqual(try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus).status, 0)
        let answers = try queries.map { try answer(index, $0) }
        let sizeBefore = try size(index)
        let output = try CLIRunner.quorum("compact", "--index", index)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertLessThan(try size(index), sizeBefore)
        XCTAssertEqual(try queries.map { try answer(index, $0) }, answers)
        XCTAssertFalse(FileManager.default.fileExists(atPath: index + ".compacting"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: index + ".before-compaction"))
        // Still a writable index: indexing the corpus again finds nothing changed.
        let reindexed = try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus)
        XCTAssertEqual(reindexed.status, 0, reindexed.stderr)
        XCTAssertTrue(reindexed.stdout.contains("5 unchanged"), reindexed.stdout)
    }

    func testCompactingAMissingIndexFailsClearly() throws {
        let output = try CLIRunner.quorum("compact", "--index", temporaryPath("missing"))
        XCTAssertNotEqual(output.status, 0)
        XCTAssertTrue(output.stderr.contains("no index at"), output.stderr)
    }
}
