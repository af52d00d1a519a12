import Foundation
@testable import MinutesIndex

/// A fresh index of the shipped Corpus/ folder, for tests that search the real minutes.
enum CorpusIndex {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = tests.deletingLastPathComponent().appendingPathComponent("Corpus")
    static let judgements = tests.appendingPathComponent("MinutesIndexTests/Judgements")

    /// The ten whole documents of other councils (`../shared/devset/whole`, beside the clone).
    static let otherCouncils = tests.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/devset/whole")

    /// Indexes every `Corpus/*.txt` (and, with `otherCouncils`, the other councils' whole
    /// documents beside them) into a new temporary index.
    static func build(otherCouncils withOthers: Bool = false) throws -> (TemporaryIndex, Searcher) {
        let index = try TemporaryIndex()
        let indexer = try Indexer(path: index.path)
        var files = try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        if withOthers {
            files += try FileManager.default.contentsOfDirectory(at: otherCouncils, includingPropertiesForKeys: nil)
                .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
        }
        for file in files { try indexer.indexFile(atPath: file.path) }
        try indexer.commit()
        return (index, try Searcher(path: index.path))
    }
}
