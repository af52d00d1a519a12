import Foundation
import Xapian

/// Turns the text a person types into a Xapian query, with Xapian's own parser set up from
/// ``Schema`` once: free-text fields as prefixes, boolean fields as filters whose values are
/// normalised by field processors (`committee:"Improving Lives"` is the term
/// `XCimproving-lives`, as the indexer wrote it), `date:` ranges. The one place a query is
/// validated. Not thread-safe, like the searcher that owns it.
final class SearchQueryParser {
    private let parser = QueryParser()

    /// What the parser accepts: AND/OR/NOT and brackets, "phrases", +/-, trailing `*`, NOT alone.
    static let flags: QueryParser.Flags = [.boolean, .phrase, .lovehate, .wildcard, .pureNot]

    init(stemmer: Stem) {
        parser.stemmer = stemmer
        parser.stemmingStrategy = .some
        parser.defaultOperator = .and
        for field in Schema.fields {
            switch field.termKind {
            case .freeText where !field.prefix.isEmpty:
                parser.addPrefix(field: field.name, prefix: field.prefix)
            case .boolean where field.valueForm == .asWritten:
                parser.addBooleanPrefix(field: field.name, prefix: field.prefix)
            case .boolean:
                parser.addFieldProcessor(field: field.name, boolean: true) { Query(term: field.term(normalising: $0)) }
            default:
                break
            }
        }
        parser.addRangeProcessor(.date(slot: Schema.date.slot!, prefix: Schema.dateRangePrefix))
    }

    /// The query for `text` over `database` (whose terms wildcards expand): `.matchAll` for
    /// blank text, or for text of stopwords and punctuation only, which Xapian parses to nothing.
    /// Bad syntax is ``IndexError/invalidParameter(name:reason:)`` for `q`; a read that a
    /// commit interrupted (wildcards read the term list) is Xapian's error, for the retry.
    func parse(_ text: String, over database: Database) throws -> Query {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .matchAll }
        let query = try parse(trimmed, over: database, flags: Self.flags)
        return query.isEmpty ? .matchAll : query
    }

    /// Which of a plain query's words a match must hold.
    enum WordMatching {
        /// Every word (Xapian's AND): the default.
        case allWords
        /// Any of them, the items with all of them first: the fallback when all-words finds few.
        case anyWords
    }

    /// What a request's matches satisfy: its understood query (``QueryUnderstanding``), or'd
    /// with the other forms of its acronyms (weighed down), less procedural items when it leaves
    /// them out, filtered; with the ranking preferences that add weight and never restrict:
    /// items with a resolution when the query asked for decisions, the words near each other.
    /// - Parameter nearness: whether the words near each other add weight (the searcher decides,
    ///   from how many items hold them all).
    func query(for request: SearchRequest, over database: Database, acronyms: AcronymExpander.Synonyms,
               ranking: RankingSettings = Schema.ranking, matching words: WordMatching = .allWords,
               nearness: Bool = false) throws -> Query {
        let understood = QueryUnderstanding.understand(request.queryText)
        let text = understood.text
        var query = try parse(text, over: database)
        if words == .anyWords, understood.words != nil {
            // More of the words rank higher: BM25 sums the words an item holds, and an item
            // holding them all gets the all-words query's weight again.
            let any = try parse(text, over: database, flags: Self.flags, defaultOperator: .or)
            query = Query(.andMaybe, [any, query])
        }
        if !text.isEmpty, let expanded = try AcronymExpander(synonyms: acronyms, printedForms: database).expand(text),
           let alternative = try? parse(expanded, over: database, flags: Self.flags) {
            // What only the acronym's other form finds ranks below what the query finds as
            // written: the branches are disjoint, and the second keeps a fraction of its weight.
            query = Query(.or, [query, Query(scaling: alternative.andNot(query), by: ranking.acronymFactor)])
        }
        if nearness, let words = understood.words, (2...6).contains(words.count), ranking.proximityFactor > 0 {
            // The words near each other outrank the words scattered over a long report.
            let near = try Query(combining: .near, words.map { Query(term: $0.lowercased()) },
                                 window: max(ranking.proximityWindow, words.count))
            query = Query(.andMaybe, [query, Query(scaling: near, by: ranking.proximityFactor)])
        }
        if understood.prefersResolutions, ranking.resolutionPreference > 0 {
            // `XRES` is a boolean term (no wdf, so no BM25 weight of its own): the items holding
            // it get a fixed weight instead.
            let resolved = Query(.and, [Query(term: Schema.hasResolution.prefix), try .fixedWeight(ranking.resolutionPreference)])
            query = Query(.andMaybe, [query, resolved])
        }
        if request.filters.excludeProcedural {
            query = query.andNot(Query(term: ItemKind.procedural.term))
        }
        for filter in request.filters.queries {
            query = query.filter(filter)
        }
        return query
    }

    /// The query with misspelt words corrected from the index's spelling data, or nil when
    /// nothing needs correcting.
    func spellingCorrection(of text: String, over database: Database) throws -> String? {
        _ = try parse(text, over: database, flags: Self.flags.union(.spellingCorrection))
        let corrected = parser.correctedQueryString
        return corrected.isEmpty ? nil : corrected
    }

    private func parse(_ text: String, over database: Database, flags: QueryParser.Flags,
                       defaultOperator: Query.Operator = .and) throws -> Query {
        parser.setDatabase(database)
        parser.defaultOperator = defaultOperator
        defer { parser.defaultOperator = .and }
        do {
            return try parser.parse(text, flags: flags)
        } catch let error as XapianError where error.kind == .queryParser {
            throw IndexError.invalidParameter(name: SearchRequest.Parameter.q.rawValue, reason: "cannot parse query: \(error.message)")
        }
    }
}

extension SearchFilters {
    /// The filters as queries that restrict without weighing.
    var queries: [Query] {
        var filters: [Query] = []
        let dateSlot = Schema.date.slot!
        switch (from, to) {
        case let (from?, to?): filters.append(.valueRange(slot: dateSlot, from: from.compact, to: to.compact))
        case let (from?, nil): filters.append(.valueGreaterOrEqual(slot: dateSlot, from.compact))
        case let (nil, to?): filters.append(.valueLessOrEqual(slot: dateSlot, to.compact))
        case (nil, nil): break
        }
        if !committees.isEmpty {
            filters.append(Query(.or, committees.map { Query(term: Schema.committee.term(normalising: $0)) }))
        }
        if !kinds.isEmpty {
            filters.append(Query(.or, kinds.map { Query(term: $0.term) }))
        }
        if !people.isEmpty {
            filters.append(Query(.or, people.map { Query(term: Schema.person.term(normalising: $0)) }))
        }
        if resolvedOnly {
            filters.append(Query(term: Schema.hasResolution.prefix))
        }
        return filters
    }
}
