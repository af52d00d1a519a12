import ArgumentParser
import Foundation
import MinutesIndex

extension Quorum {
    /// `quorum show`: one item in full, with its metadata.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one item in full, by its id.")

        @OptionGroup var options: IndexOptions

        @Argument(help: ArgumentHelp("The item id, as search results print it.", valueName: "ITEM-ID"))
        var id: String

        @Flag(help: "Print the item as JSON.")
        var json = false

        func run() throws {
            let searcher = try Searcher(path: options.index)
            let record: ItemRecord
            do {
                record = try searcher.item(id: id)
            } catch let error as IndexError {
                throw ValidationError(error.description)
            }
            if json {
                print(try JSONOutput.encode(record))
            } else {
                print(HitFormatter(style: .forStandardOutput).format(record))
            }
        }
    }
}
