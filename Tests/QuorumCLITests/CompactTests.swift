import Foundation
import Testing

/// `quorum compact` on a real index of the shipped corpus: the compacted index is smaller and
/// answers every search exactly as the original does.
///
/// A class, for `deinit`: the folders a test made are removed when its instance goes away.
@Suite final class CompactTests {
    private var folders: [String] = []

    deinit {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
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
        #expect(output.status == 0, "\(output.stderr)")
        let json = try output.json()
        let ids = (json["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!ids.isEmpty, "no hits for \(query)")
        let facets = (json["facets"] as? [String: Any])?["year"] as? [[String: Any]] ?? []
        let counts = facets.map { "\($0["value"] ?? ""):\($0["count"] ?? "")" }
        return "\(json["total"] ?? "") \(ids) \(counts)"
    }

    private let queries = ["elective home education", "\"looked after children\"", "send", "ofsted inspection",
                           "title:\"work programme\"", "resolved:noted"]

    @Test func compactIntoANewFolderKeepsEveryAnswerAndIsSmaller() throws {
        let index = temporaryPath("index")
        let indexed = try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus)
        #expect(indexed.status == 0, "\(indexed.stderr)")
        let compacted = temporaryPath("out")
        let output = try CLIRunner.quorum("compact", "--index", index, "--output", compacted)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("compacted \(index) into \(compacted)"), "\(output.stdout)")
        #expect(try size(compacted) < size(index))
        for query in queries {
            #expect(try answer(compacted, query) == answer(index, query), "\(query)")
        }
        // The output must be new: compacting over an existing folder is refused and changes nothing.
        let before = try size(compacted)
        let again = try CLIRunner.quorum("compact", "--index", index, "--output", compacted)
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"), "\(again.stderr)")
        #expect(try size(compacted) == before)
    }

    @Test func compactInPlaceKeepsEveryAnswer() throws {
        let index = temporaryPath("inplace")
        #expect(try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus).status == 0)
        let answers = try queries.map { try answer(index, $0) }
        let sizeBefore = try size(index)
        let output = try CLIRunner.quorum("compact", "--index", index)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try size(index) < sizeBefore)
        #expect(try queries.map { try answer(index, $0) } == answers)
        #expect(!FileManager.default.fileExists(atPath: index + ".compacting"))
        #expect(!FileManager.default.fileExists(atPath: index + ".before-compaction"))
        // Still a writable index: indexing the corpus again finds nothing changed.
        let reindexed = try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus)
        #expect(reindexed.status == 0, "\(reindexed.stderr)")
        #expect(reindexed.stdout.contains("5 unchanged"), "\(reindexed.stdout)")
    }

    @Test func compactingAMissingIndexFailsClearly() throws {
        let output = try CLIRunner.quorum("compact", "--index", temporaryPath("missing"))
        #expect(output.status != 0)
        #expect(output.stderr.contains("no index at"), "\(output.stderr)")
    }
}
