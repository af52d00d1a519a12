import ArgumentParser

/// `quorum`: search and manage a Quorum index of committee minutes.
@main
struct Quorum: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorum",
        abstract: "Search council committee minutes: what a committee said and decided, across years of meetings.",
        discussion: """
            Index documents with `quorum index`, then ask with `quorum search`.
            Example: quorum search --index Indexes/default "elective home education" --facet year
            """,
        subcommands: [Search.self, Show.self, Index.self, Parse.self],
        defaultSubcommand: Search.self
    )
}

/// Where the index lives; shared by the commands that read or write one.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index folder.", valueName: "DIR"))
    var index: String = "Indexes/default"
}
