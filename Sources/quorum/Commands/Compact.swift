import ArgumentParser
import Foundation
import MinutesIndex

extension Quorum {
    /// `quorum compact`: rewrites an index with Xapian's compactor, smaller and as searchable.
    struct Compact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compact an index folder (Xapian's compactor): the same answers in fewer bytes.",
            discussion: """
                Without --output the index is compacted in place: the compacted copy is written beside
                it and swapped in only when complete. Stop quorumd first; it holds the index's write lock.
                """)

        @OptionGroup var options: IndexOptions

        @Option(help: ArgumentHelp("Write the compacted index to this new folder and leave the index as it is.", valueName: "DIR"))
        var output: String?

        func run() throws {
            guard FileManager.default.fileExists(atPath: options.index) else {
                throw CLIError("no index at \(options.index)")
            }
            let outcome: IndexCompactor.Outcome
            do {
                if let output {
                    outcome = try IndexCompactor.compact(index: options.index, into: output)
                } else {
                    outcome = try IndexCompactor.compactInPlace(index: options.index)
                }
            } catch {
                throw CLIError("cannot compact \(options.index): \(error)")
            }
            let ratio = outcome.bytesBefore > 0 ? Double(outcome.bytesAfter) / Double(outcome.bytesBefore) : 1
            print("compacted \(options.index)\(output.map { " into \($0)" } ?? ""): \(megabytes(outcome.bytesBefore)) → \(megabytes(outcome.bytesAfter)) (\(String(format: "%.0f", ratio * 100))%)")
        }

        private func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
    }
}
