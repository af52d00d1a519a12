import ArgumentParser
import Foundation
import MinutesIndex

extension Quorum {
    /// `quorum similar`: items like a given one.
    struct Similar: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Find items like a given one (more like this), through the daemon.")

        @OptionGroup var target: TargetOptions

        @Argument(help: ArgumentHelp("The item id.", valueName: "ITEM-ID"))
        var id: String

        @Option(help: "How many similar items to show.")
        var limit = 10

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let response: SearchResponse
            if let index = target.index {
                response = try Offline.searcher(index).similar(to: id, limit: limit)
            } else {
                let path = "/items/" + DaemonClient.pathSegment(id) + "/similar"
                response = try JSONDecoder().decode(SearchResponse.self,
                                                    from: await target.client.send(.GET, path, query: [URLQueryItem(name: "limit", value: String(limit))]))
            }
            if json {
                print(try JSONOutput.encode(response))
            } else {
                print(HitFormatter(style: .forStandardOutput).format(response, request: SearchRequest(limit: limit)), terminator: "")
            }
        }
    }
}
