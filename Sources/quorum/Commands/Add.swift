import ArgumentParser
import Foundation
import MinutesIndex

extension Quorum {
    /// `quorum add`: hands a document to the daemon, which files it in its watched folder and indexes it.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a document through the daemon; prints the items it created.")

        @OptionGroup var target: TargetOptions

        @Argument(help: ArgumentHelp("The document to add.", valueName: "FILE"))
        var file: String

        @Option(help: ArgumentHelp("The name to file it under (default: the file's own name).", valueName: "NAME"))
        var name: String?

        func run() async throws {
            guard let body = FileManager.default.contents(atPath: file) else { throw CLIError("cannot read \(file)") }
            let fileName = name ?? (file as NSString).lastPathComponent
            let data = try await target.client.send(.POST, "/documents", query: [URLQueryItem(name: "name", value: fileName)], body: Array(body))
            let result = try JSONDecoder().decode(DocumentChange.self, from: data)
            print("\(result.state) \(result.path) as source \(result.source_id): \(result.items.count) items")
            for item in result.items { print("  \(item)") }
        }
    }
}

/// The daemon's answer to adding or removing a document (`quorum add`, `quorum remove`).
struct DocumentChange: Decodable {
    let source_id: String
    let path: String
    let state: String
    let items: [String]
}
