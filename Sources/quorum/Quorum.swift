import ArgumentParser

/// `quorum`: search and manage a Quorum index of committee minutes.
@main
struct Quorum: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorum",
        abstract: "Search council committee minutes: what a committee said and decided, across years of meetings.",
        discussion: """
            search, show, similar, status, add and remove ask a running quorumd over its socket;
            search and show read an index folder directly when given --index DIR.
            index and parse work offline.
            Example: quorum search "elective home education" --facet year
            """,
        subcommands: [Search.self, Show.self, Similar.self, Status.self, Add.self, Remove.self, Acronyms.self, Saved.self, Eval.self, Index.self, Compact.self, Backup.self, Restore.self, Parse.self],
        defaultSubcommand: Search.self
    )
}

/// Where the index lives; shared by the commands that read or write one.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index folder.", valueName: "DIR"))
    var index: String = "Indexes/default"
}

/// Where to ask: a running daemon's socket, or an index folder read directly.
struct TargetOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read this index folder directly instead of asking the daemon.", valueName: "DIR"))
    var index: String?

    @Option(name: .long, help: ArgumentHelp("The daemon's socket.", valueName: "PATH"))
    var socket: String = "Indexes/quorum.sock"

    var client: DaemonClient { DaemonClient(socketPath: socket) }
}
