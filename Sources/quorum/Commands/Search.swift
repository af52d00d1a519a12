import ArgumentParser
import Foundation
import MinutesIndex
import MinutesIngest

extension Quorum {
    /// `quorum search`: the main question, "what did a committee say about this?".
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search the minutes.",
            discussion: """
                QUERY uses Xapian's syntax: words (stemmed: "educated" finds "education"), "exact phrases", \
                AND/OR/NOT, -word, title:word, resolved:word, committee:NAME, kind:minutes, person:SURNAME, \
                year:2024, date:2020-01-01..2024-12-31.
                """)

        @OptionGroup var options: IndexOptions

        @Argument(help: ArgumentHelp("What to look for; several words are joined into one query.", valueName: "QUERY"))
        var words: [String] = []

        @Option(help: ArgumentHelp("Only meetings on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "DATE"))
        var from: String?

        @Option(help: ArgumentHelp("Only meetings on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "DATE"))
        var to: String?

        @Option(help: ArgumentHelp("Only this committee (name or slug); repeat for several.", valueName: "NAME"))
        var committee: [String] = []

        @Option(help: ArgumentHelp("Only this section kind: agenda, minutes, report, appendix, work_programme, other.", valueName: "KIND"))
        var kind: [String] = []

        @Flag(help: "Only items that record a resolution.")
        var resolved = false

        @Option(help: ArgumentHelp("Count matches per value of a facet: year, month, committee, kind, meeting; repeatable.", valueName: "NAME"))
        var facet: [String] = []

        @Option(help: "Order: relevance, date (oldest first) or -date (newest first).")
        var sort: SortOrder = .relevance

        @Option(help: "How many hits to show.")
        var limit = 10

        @Option(help: "How many hits to skip (for paging).")
        var offset = 0

        @Flag(help: "Show only the best item of each meeting, with the count of its other matching items.")
        var collapse = false

        @Flag(help: "Print JSON: total, hits and facets.")
        var json = false

        func validate() throws {
            _ = try makeRequest()
        }

        func run() throws {
            let request = try makeRequest()
            let searcher: Searcher
            do {
                searcher = try Searcher(path: options.index)
            } catch {
                throw ValidationError("Cannot open the index at \(options.index): \(error). Build one with `quorum index --index \(options.index) Corpus/`.")
            }
            let response: SearchResponse
            do {
                response = try searcher.search(request)
            } catch let error as IndexError {
                throw ValidationError(error.description)
            }
            if json {
                print(try JSONOutput.encode(response))
            } else {
                print(HitFormatter(style: .forStandardOutput).format(response, request: request), terminator: "")
            }
        }

        private func makeRequest() throws -> SearchRequest {
            func date(_ text: String?, name: String, end: Bool) throws -> MeetingDate? {
                guard let text else { return nil }
                guard let date = MeetingDate(bound: text, endOfSpan: end) else {
                    throw ValidationError("--\(name) takes a date as YYYY-MM-DD, YYYY-MM or YYYY; got '\(text)'.")
                }
                return date
            }
            let request = SearchRequest(
                query: words.joined(separator: " "),
                from: try date(from, name: "from", end: false), to: try date(to, name: "to", end: true),
                committees: committee, kinds: kind, resolvedOnly: resolved,
                facets: facet.isEmpty && !json ? ["year", "committee", "kind"] : facet,
                sort: sort, offset: offset, limit: limit, collapseByMeeting: collapse)
            do {
                try request.validate()
            } catch let error as IndexError {
                throw ValidationError(error.description)
            }
            return request
        }
    }
}

extension SortOrder: ExpressibleByArgument {}
