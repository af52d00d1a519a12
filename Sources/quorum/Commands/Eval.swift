import ArgumentParser
import Foundation
import MinutesIndex
import MinutesIngest

extension Quorum {
    /// `quorum eval`: ranking quality on a judged query set.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure ranking on judged queries: nDCG@10, recall@10 and MRR (offline, on an index folder).")

        @OptionGroup var options: IndexOptions

        @Argument(help: ArgumentHelp("Judged queries (JSON), e.g. Tests/MinutesIndexTests/Judgements/corpus-queries.json.", valueName: "FILE"))
        var file: String

        @Flag(help: "Print the report as JSON.")
        var json = false

        @Option(name: .customLong("set"), help: ArgumentHelp(
            "Ranking settings to try instead of the defaults, name=value separated by commas: \(RankingSettings.names.joined(separator: ", ")).",
            valueName: "SETTINGS"))
        var settings: String?

        func run() throws {
            let searcher = try Offline.searcher(options.index)
            if let settings {
                do { searcher.ranking = try searcher.ranking.applying(settings) } catch { throw ValidationError("--set: \(error)") }
            }
            let report = try RelevanceEvaluation(contentsOf: URL(fileURLWithPath: file)).run(with: searcher)
            print(json ? try JSONOutput.encode(report) : report.table)
        }
    }
}
