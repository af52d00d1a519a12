import ArgumentParser
import Foundation
import MinutesIndex
import MinutesIngest

extension Quorum {
    /// `quorum search`: the main question, "what did a committee say about this?".
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search the minutes.",
            discussion: """
                QUERY uses Xapian's syntax: words (stemmed: "educated" finds "education"), "exact phrases", \
                AND/OR/NOT, -word, title:word, resolved:word, committee:NAME, kind:minutes, person:SURNAME, \
                year:2024, date:2020-01-01..2024-12-31.
                """)

        @OptionGroup var target: TargetOptions

        @Argument(help: ArgumentHelp("What to look for; several words are joined into one query.", valueName: "QUERY"))
        var words: [String] = []

        @Option(help: ArgumentHelp("Only meetings on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "DATE"))
        var from: String?

        @Option(help: ArgumentHelp("Only meetings in this span up to today: 2y, 6m, 3w or 10d.", valueName: "SPAN"))
        var since: String?

        @Option(help: ArgumentHelp("Only meetings on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "DATE"))
        var to: String?

        @Option(help: ArgumentHelp("Only this committee (name or slug); repeat for several.", valueName: "NAME"))
        var committee: [String] = []

        @Option(help: ArgumentHelp("Only this kind of item: agenda, minutes, report, appendix, work_programme, other or procedural.", valueName: "KIND"))
        var kind: [ItemKind] = []

        @Option(help: ArgumentHelp("Only items whose attendance names this person (a surname); repeatable.", valueName: "NAME"))
        var person: [String] = []

        @Flag(help: "Only items that record a resolution.")
        var resolved = false

        @Option(help: ArgumentHelp("Count matches per value of a facet: year, month, committee, kind, meeting, person; repeatable.", valueName: "NAME"))
        var facet: [Facet] = []

        @Flag(help: "Count facets and the total over every match (by default, very many matches are counted in a sample).")
        var exact = false

        @Option(help: "Order: relevance, date (oldest first) or -date (newest first; write --sort=-date).")
        var sort: SearchOrder = .relevance

        @Option(help: "How many hits to show.")
        var limit = 10

        @Option(help: "How many hits to skip (for paging).")
        var offset = 0

        @Flag(help: "Leave out procedural items (apologies, declarations of interest, minutes of the previous meeting, …).")
        var noProcedural = false

        @Flag(help: "Show only the best item of each meeting, with the count of its other matching items.")
        var collapse = false

        @Flag(help: "Show the hits under their meetings (date, committee, then items).")
        var group = false

        @Flag(help: "Print JSON: total, hits and facets.")
        var json = false

        @Flag(help: "Say why each hit ranks where it does: how the query was read, which words each hit holds in its title or text, and the factors applied.")
        var explain = false

        func validate() throws {
            _ = try makeRequest()
        }

        func run() async throws {
            let request = try makeRequest()
            let response: SearchResponse
            if let index = target.index {
                response = try Offline.searcher(index).search(request)
            } else {
                let data = try await target.client.send(.GET, "/search", query: request.queryItems)
                response = try JSONDecoder().decode(SearchResponse.self, from: data)
            }
            if json {
                print(try JSONOutput.encode(response))
            } else {
                print(HitFormatter(style: .forStandardOutput).format(response, request: request, grouped: group), terminator: "")
            }
        }

        private func makeRequest() throws -> SearchRequest {
            var request = try makeUnexplainedRequest()
            request.explains = explain
            return request
        }

        private func makeUnexplainedRequest() throws -> SearchRequest {
            if since != nil && from != nil {
                throw ValidationError("Give --since or --from, not both.")
            }
            var start = try dateOption(from, name: "from", end: false)
            if let since {
                guard let begin = RelativeDate.start(of: since) else {
                    throw ValidationError("--since takes a span such as 2y, 6m, 3w or 10d; got '\(since)'.")
                }
                start = begin
            }
            let request = SearchRequest(
                query: words.joined(separator: " "),
                from: start, to: try dateOption(to, name: "to", end: true),
                committees: committee, kinds: kind, people: person, resolvedOnly: resolved,
                facets: facet.isEmpty && !json ? Facet.defaults : facet,
                sort: sort, offset: offset, limit: limit, collapseByMeeting: collapse, excludeProcedural: noProcedural,
                exactCounts: exact)
            do {
                try request.validate()
            } catch {
                throw ValidationError(error.description)
            }
            return request
        }
    }
}

extension SearchOrder: ExpressibleByArgument {}
extension Facet: ExpressibleByArgument {}

extension ItemKind: ExpressibleByArgument {
    /// The kind named on the command line.
    public init?(argument: String) { self.init(name: argument) }
    /// The names `--help` lists.
    public static var allValueStrings: [String] { allCases.map(\.name) }
}

/// A `--from`/`--to` value as a date bound (`2024` means its first or, with `end`, its last day),
/// or a message that names the flag.
func dateOption(_ text: String?, name: String, end: Bool) throws -> MeetingDate? {
    guard let text else { return nil }
    guard let date = MeetingDate(bound: text, endOfSpan: end) else {
        throw ValidationError("--\(name) takes a date as YYYY-MM-DD, YYYY-MM or YYYY; got '\(text)'.")
    }
    return date
}

/// Reading an index folder directly, without a daemon.
enum Offline {
    static func searcher(_ index: String) throws -> Searcher {
        do {
            return try Searcher(path: index)
        } catch {
            throw CLIError("cannot open the index at \(index): \(error). Build one with `quorum index --index \(index) Corpus/`.")
        }
    }
}
