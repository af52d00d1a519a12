import Foundation
import Testing

/// Every `quorum search` and `quorum show` example of the README's "Asking" block, run through
/// the real binary on an index of the shipped corpus: each answers with hits and offers no
/// correction, so a newcomer trying them meets no dead end.
@Suite struct ReadmeExamplesTests {
    /// The examples as written, comments and the block's other commands aside.
    static func examples() throws -> [[String]] {
        let readme = try String(contentsOf: CLIRunner.root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let asking = readme.range(of: "## Asking"), let open = readme.range(of: "```sh\n", range: asking.upperBound..<readme.endIndex),
              let close = readme.range(of: "```", range: open.upperBound..<readme.endIndex) else { return [] }
        return readme[open.upperBound..<close.lowerBound].split(separator: "\n").map(words)
            .filter { $0.count >= 3 && $0[0] == "quorum" && ["search", "show"].contains($0[1]) && !$0.contains("DIR") && !$0.contains("QUERY") }
    }

    /// A line's words as a shell splits them (quotes kept together), up to a `#` comment.
    static func words(_ line: Substring) -> [String] {
        var words: [String] = [], word = "", quote: Character?, inWord = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c; inWord = true
            } else if c == "#" && !inWord {
                break
            } else if c == " " {
                if inWord { words.append(word); word = ""; inWord = false }
            } else {
                word.append(c); inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    @Test func everyExampleAnswersWithHitsAndNoCorrection() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 8, "the README's Asking block lists its search examples")
        let index = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-readme-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: index) }
        let built = try CLIRunner.quorum("index", "--index", index, CLIRunner.corpus)
        #expect(built.status == 0, "\(built.stderr)")
        for example in examples {
            let arguments = [example[1], "--index", index] + example.dropFirst(2)
            let output = try CLIRunner.quorum(arguments)
            let shown = example.joined(separator: " ")
            #expect(output.status == 0, "\(shown): \(output.stderr)")
            #expect(!output.stdout.hasPrefix("0 matching"), "\(shown) finds nothing")
            #expect(!output.stdout.contains("Did you mean"), "\(shown): \(output.stdout.prefix(300))")
            #expect(!output.stdout.isEmpty, "\(shown) prints nothing")
        }
    }
}
