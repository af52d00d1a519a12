import ArgumentParser
import Foundation
import MinutesIndex

extension Quorum {
    /// `quorum acronyms`: the acronyms the index learned from "Elective Home Education (EHE)"-style definitions.
    struct Acronyms: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the acronyms mined from the indexed text; searches use them both ways (EHE ⇄ elective home education).")

        @OptionGroup var target: TargetOptions

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let acronyms: [Acronym]
            if let index = target.index {
                acronyms = try Offline.searcher(index).acronyms()
            } else {
                acronyms = try JSONDecoder().decode(AcronymList.self, from: await target.client.send(.GET, "/acronyms")).acronyms
            }
            if json {
                print(try JSONOutput.encode(AcronymList(acronyms: acronyms)))
                return
            }
            let width = acronyms.map(\.acronym.count).max() ?? 0
            for entry in acronyms {
                let padding = String(repeating: " ", count: width - entry.acronym.count)
                print("\(entry.acronym)\(padding)  \(entry.expansion)  (\(entry.sourceCount) document\(entry.sourceCount == 1 ? "" : "s"))")
            }
        }

        /// The shape of `GET /acronyms`.
        struct AcronymList: Codable {
            var acronyms: [Acronym]
        }
    }
}
