import ArgumentParser
import Foundation
import MinutesIndex

extension Quorum {
    /// `quorum show`: one item in full, with its metadata.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one item in full, by its id.")

        @OptionGroup var target: TargetOptions

        @Argument(help: ArgumentHelp("The item id, as search results print it.", valueName: "ITEM-ID"))
        var id: String

        @Flag(help: "Print the item as JSON.")
        var json = false

        func run() async throws {
            let record: ItemRecord
            if let index = target.index {
                do {
                    record = try Offline.searcher(index).item(id: id)
                } catch let error as IndexError {
                    throw CLIError(error.description)
                }
            } else {
                let path = "/items/" + DaemonClient.pathSegment(id)
                record = try JSONDecoder().decode(ItemRecord.self, from: await target.client.send(.GET, path))
            }
            if json {
                print(try JSONOutput.encode(record))
            } else {
                print(HitFormatter(style: .forStandardOutput).format(record))
            }
        }
    }
}
