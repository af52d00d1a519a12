import Foundation
import Testing

/// Benchmarks/generate-corpus writes files that the real parser reads back as exactly the items
/// and meeting dates it meant (its items.jsonl feeds the peer engines, so the two must agree),
/// and the same seed always gives the same files.
///
/// A class, for `deinit`: the folders a test made are removed when its instance goes away.
@Suite final class GeneratedCorpusTests {
    private var folders: [String] = []

    deinit {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }

    private func generate(items: Int, seed: Int) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-gen-\(UUID().uuidString)").path
        folders.append(out)
        let process = Process()
        process.executableURL = CLIRunner.root.appendingPathComponent("Benchmarks/generate-corpus")
        process.arguments = ["--items", String(items), "--seed", String(seed), "--out", out]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return out
    }

    private struct ItemLine: Decodable, Hashable, Comparable {
        var file: String
        var date: String
        var title: String
        var committee: String
        var number: String

        static func < (a: ItemLine, b: ItemLine) -> Bool {
            (a.file, a.date, a.number, a.title) < (b.file, b.date, b.number, b.title)
        }
    }

    private func itemLines(in folder: String) throws -> [ItemLine] {
        let text = try String(contentsOfFile: folder + "/items.jsonl", encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(ItemLine.self, from: Data($0.utf8)) }
    }

    @Test func theParserFindsEveryGeneratedItemWithItsMeetingDate() throws {
        let folder = try generate(items: 200, seed: 3)
        let expected = try itemLines(in: folder)
        #expect(expected.count == 200)
        let files = Dictionary(grouping: expected, by: \.file)
        #expect(files.count > 10)
        #expect(files.keys.contains { $0.hasSuffix("agenda-pack.txt") }, "no agenda pack among \(files.keys.sorted())")

        let paths = files.keys.sorted().map { folder + "/docs/" + $0 }
        let output = try CLIRunner.quorum(["parse", "--json"] + paths)
        #expect(output.status == 0, "\(output.stderr)")
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(documents.count == files.count)

        var found: [ItemLine] = []
        for (relative, document) in zip(files.keys.sorted(), documents) {
            let committee = try #require(document["committee"] as? String)
            for section in document["sections"] as? [[String: Any]] ?? [] {
                let date = try #require(section["meeting_date"] as? String, "\(relative): a section without a date")
                for item in section["items"] as? [[String: Any]] ?? [] {
                    found.append(ItemLine(file: relative, date: date, title: item["title"] as? String ?? "",
                                          committee: committee, number: item["number"] as? String ?? ""))
                }
            }
        }
        #expect(found.count == 200)
        // Same items with the same numbers, titles (without "(Pages …)"), committees and dates.
        #expect(found.sorted() == expected.sorted())
        let years = Set(expected.map { $0.date.prefix(4) })
        #expect(years.count > 5, "meetings should spread over the years: \(years.sorted())")
    }

    @Test func theSameSeedGivesTheSameFiles() throws {
        let first = try generate(items: 150, seed: 11)
        let second = try generate(items: 150, seed: 11)
        let other = try generate(items: 150, seed: 12)
        let firstItems = try String(contentsOfFile: first + "/items.jsonl", encoding: .utf8)
        #expect(try firstItems == String(contentsOfFile: second + "/items.jsonl", encoding: .utf8))
        #expect(try firstItems != String(contentsOfFile: other + "/items.jsonl", encoding: .utf8))
        let files = try FileManager.default.subpathsOfDirectory(atPath: first + "/docs").sorted()
        #expect(try files == FileManager.default.subpathsOfDirectory(atPath: second + "/docs").sorted())
        for file in files where file.hasSuffix(".txt") {
            #expect(FileManager.default.contents(atPath: first + "/docs/" + file) ==
                    FileManager.default.contents(atPath: second + "/docs/" + file), "\(file)")
        }
    }
}
