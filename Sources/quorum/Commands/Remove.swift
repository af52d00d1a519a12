import ArgumentParser
import Foundation
import MinutesIndex

extension Quorum {
    /// `quorum remove`: removes a document's items (and its file in the watched folder) through the daemon.
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a document's items through the daemon, by source id (see `quorum status --json`).")

        @OptionGroup var target: TargetOptions

        @Argument(help: ArgumentHelp("The source id.", valueName: "SOURCE-ID"))
        var sourceID: String

        func run() async throws {
            let path = "/documents/" + DaemonClient.pathSegment(sourceID)
            let result = try JSONDecoder().decode(DocumentChange.self, from: await target.client.send(.DELETE, path))
            print("removed source \(result.source_id) (\(result.path))")
        }
    }
}
