import Foundation
import MinutesIngest

/// The sample minutes shipped in the repository's Corpus/ folder, found from this file's path
/// so that tests do not depend on the working directory.
enum CorpusFiles {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static func parse(_ name: String) throws -> MinutesDocument {
        let url = directory.appendingPathComponent(name)
        return MinutesParser().parse(try DocumentReader.readText(at: url), fileName: name)
    }
}
