import ArgumentParser
import Foundation
import MinutesIndex
import MinutesIngest

extension Quorum {
    /// `quorum saved`: searches kept in the index, whose new matches are recorded for a feed.
    struct Saved: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep searches in the index; new items that match are recorded (GET /saved/NAME/feed.atom).",
            subcommands: [Add.self, List.self, Show.self, Remove.self], defaultSubcommand: List.self)

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Save a search under a name.")
            @OptionGroup var target: TargetOptions
            @Argument(help: "A name: letters, digits, '-', '_' or '.'.") var name: String
            @Argument(help: "The query, as for `quorum search`.") var words: [String] = []
            @Option(help: ArgumentHelp("Only meetings on or after this date.", valueName: "DATE")) var from: String?
            @Option(help: ArgumentHelp("Only meetings on or before this date.", valueName: "DATE")) var to: String?
            @Option(help: ArgumentHelp("Only this committee; repeatable.", valueName: "NAME")) var committee: [String] = []
            @Option(help: ArgumentHelp("Only this section kind; repeatable.", valueName: "KIND")) var kind: [ItemKind] = []

            func run() async throws {
                let request = SearchRequest(query: words.joined(separator: " "), from: try dateOption(from, name: "from", end: false),
                                            to: try dateOption(to, name: "to", end: true), committees: committee, kinds: kind)
                if let index = target.index {
                    let indexer = try Indexer(path: index)
                    try indexer.addSavedSearch(name: name, request: request)
                    try indexer.commit()
                } else {
                    let query = request.queryItems + [URLQueryItem(name: "name", value: name)]
                    _ = try await target.client.send(.POST, "/saved", query: query)
                }
                print("saved \(name): \(request.query)")
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the saved searches.")
            @OptionGroup var target: TargetOptions

            func run() async throws {
                let saved: [SavedSearch]
                if let index = target.index {
                    saved = try Offline.searcher(index).read { try SavedSearchStore(database: $0).list() }
                } else {
                    saved = try JSONDecoder().decode(SavedSearchListBody.self, from: await target.client.send(.GET, "/saved")).saved
                }
                for search in saved { print("\(search.name)  \(search.query)") }
            }
        }

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show the newest items that matched a saved search.")
            @OptionGroup var target: TargetOptions
            @Argument var name: String

            func run() async throws {
                let matches: [SavedSearchMatch]
                if let index = target.index {
                    guard let found = try Offline.searcher(index).read({ try SavedSearchStore(database: $0).matches(of: name) }) else {
                        throw CLIError("no saved search named '\(name)'")
                    }
                    matches = found
                } else {
                    matches = try JSONDecoder().decode(SavedMatchesBody.self,
                                                       from: await target.client.send(.GET, "/saved/" + DaemonClient.pathSegment(name))).matches
                }
                for match in matches {
                    print("\(match.meetingDate?.iso ?? "undated")  \(match.committee ?? "")  \(match.title)  id \(match.itemID)")
                }
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Forget a saved search and its matches.")
            @OptionGroup var target: TargetOptions
            @Argument var name: String

            func run() async throws {
                if let index = target.index {
                    let indexer = try Indexer(path: index)
                    guard try indexer.removeSavedSearch(name: name) else { throw CLIError("no saved search named '\(name)'") }
                    try indexer.commit()
                } else {
                    _ = try await target.client.send(.DELETE, "/saved/" + DaemonClient.pathSegment(name))
                }
                print("removed \(name)")
            }
        }

        private struct SavedSearchListBody: Decodable { let saved: [SavedSearch] }
        private struct SavedMatchesBody: Decodable { let matches: [SavedSearchMatch] }
    }
}
