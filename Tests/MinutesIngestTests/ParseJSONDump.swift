import Foundation
import MinutesIngest
import Testing

/// A development aid, not a check: when QUORUM_PARSE_OUT is set, parses every .txt/.md file in
/// QUORUM_PARSE_DIR (default: the shipped Corpus/) and writes the `[MinutesDocument]` JSON there,
/// ready for `structure-score GOLD.json OUT.json`.
@Suite struct ParseJSONDump {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["QUORUM_PARSE_OUT"] != nil, "set QUORUM_PARSE_OUT to write parse JSON"))
    func writeParseJSONWhenAsked() throws {
        let env = ProcessInfo.processInfo.environment
        let out = try #require(env["QUORUM_PARSE_OUT"])
        let dir = env["QUORUM_PARSE_DIR"].map { URL(fileURLWithPath: $0) } ?? CorpusFiles.directory
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { DocumentReader.supportedExtensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let parser = MinutesParser()
        let documents = try files.map { try parser.parse(DocumentReader.readText(at: $0), fileName: $0.lastPathComponent) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(documents).write(to: URL(fileURLWithPath: out))
    }
}
