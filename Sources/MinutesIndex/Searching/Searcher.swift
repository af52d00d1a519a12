import Foundation
import MinutesIngest
import Xapian

/// Answers searches over an index: parses the user's query with Xapian's query parser
/// (prefixes from ``Schema``), applies filters, counts facets, sorts, pages and makes snippets.
///
/// A searcher holds one read handle and is not thread-safe; a server keeps one per worker.
/// Every operation reopens and retries once when a writer's commit has moved the
/// database on underneath it (Recoll's `XAPTRY`).
public final class Searcher {
    /// The read handle; ``reopen()`` brings it up to the latest commit. Over shards, the
    /// shards that answer, joined (it changes as shards go and come back).
    public private(set) var database: Database
    /// The shards, when this searcher spans several indexes (local or remote) as one.
    private let shardSet: ShardSet?
    private let stemmer: Stem
    private let decoder = JSONDecoder()
    /// The weighting of ranked searches; ``Schema/weighting`` unless an evaluation tries another.
    var weighting: WeightingScheme = Schema.weighting
    /// When facets are counted over a sample of the matches rather than all of them.
    public var facetSampling = FacetSampling.standard
    /// Facet slots in memory, shared by the searchers of one index (``ReaderPool`` gives its
    /// searchers one). Without them facets are read from Xapian's value table, as suits a
    /// one-off search: building a column costs more than one search saves.
    public var valueColumns: ValueColumns?
    /// Whether a ranked page may be reranked from one pass (``ProceduralWeighting``); tests turn
    /// it off to compare with the split query.
    var reranksProceduralItems = true

    /// Opens the index at `path` for reading.
    public convenience init(path: String) throws {
        try self.init(database: Database(path: path))
    }

    /// Searches an open database (a single index, or several joined with `Database.add`).
    public init(database: Database) throws {
        self.database = database
        shardSet = nil
        stemmer = try Stem(language: Schema.stemLanguage)
    }

    /// Searches shards as one index, answering from those that respond; each response says
    /// which did (``SearchResponse/shards``).
    public init(shards: ShardSet) throws {
        shardSet = shards
        database = shards.database
        stemmer = try Stem(language: Schema.stemLanguage)
    }

    /// Which shards answer now, when searching shards (nil for a single index).
    public func shardSummary() -> ShardSummary? {
        guard let shardSet else { return nil }
        shardSet.refreshIfDue()
        database = shardSet.database
        return shardSet.summary
    }

    /// Brings the read handle up to the latest commit. Returns true when it moved.
    @discardableResult
    public func reopen() throws -> Bool {
        try database.reopen()
    }

    /// The number of items in the index.
    public var itemCount: Int { database.documentCount }

    /// Runs a search.
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        try request.validate()
        var response = try retryingOnModified { try runSearch(request, within: nil, suggestingCorrections: true) }
        response.shards = shardSet?.summary
        return response
    }

    /// Below this many hits, a search also tries the spelling-corrected query and offers it
    /// ("did you mean") when the correction finds more. A query with enough hits is taken as
    /// meant: rare names and jargon are often "corrected" into commoner words.
    public static let fewHitsThreshold = 3

    /// Runs a search over the items that carry `term` only (the saved-search matcher restricts
    /// a search to one source's `XSRC` term). Never suggests corrections.
    func search(_ request: SearchRequest, restrictedTo term: String) throws -> SearchResponse {
        try request.validate()
        return try retryingOnModified { try runSearch(request, within: Query(term: term), suggestingCorrections: false) }
    }

    /// The whole record of an item, or ``IndexError/itemNotFound(_:)``.
    public func item(id: String) throws -> ItemRecord {
        try retryingOnModified {
            guard let docid = try database.postings(for: Schema.id.term(id)).first else {
                throw IndexError.itemNotFound(id)
            }
            return try record(of: database.document(docid))
        }
    }

    /// The acronyms mined from the indexed text ("EHE" = "Elective Home Education"), sorted by
    /// acronym: what `quorum acronyms` lists.
    public func acronyms() throws -> [Acronym] {
        try retryingOnModified {
            if let shardSet { return AcronymRegistry.list(of: shardSet.acronymDefinitions) }
            return try AcronymRegistry.list(from: database)
        }
    }

    /// Items like the given one ("more like this"): the most telling terms of the item
    /// (Xapian's expand set over it as the relevant document) searched as an OR query.
    public func similar(to id: String, limit: Int = 10) throws -> SearchResponse {
        try retryingOnModified {
            guard let docid = try database.postings(for: Schema.id.term(id)).first else {
                throw IndexError.itemNotFound(id)
            }
            let enquire = Enquire(database: database)
            enquire.query = Query(term: Schema.id.term(id))
            let terms = try enquire.expandTerms(relevantDocuments: [docid], limit: 25)
                .map(\.term)
                .filter { !$0.isEmpty && !$0.first!.isUppercase }  // free-text terms only, not filters
            guard !terms.isEmpty else {
                return SearchResponse(total: 0, totalBounds: 0...0, hits: [], facets: [:], correctedQuery: nil, parsedQuery: "")
            }
            let query = Query(.or, terms.map { Query(term: $0) }).andNot(Query(term: Schema.id.term(id)))
            return try execute(query: query, request: SearchRequest(limit: limit))
        }
    }

    // MARK: - Running a search

    private func runSearch(_ request: SearchRequest, within restriction: Query?, suggestingCorrections: Bool) throws -> SearchResponse {
        let parser = makeQueryParser()
        let userQuery: Query
        let text = QueryRewriter.normaliseFilterValues(request.query).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            userQuery = .matchAll
        } else {
            do {
                userQuery = try parser.parse(text, flags: Self.parserFlags)
            } catch let error as XapianError where error.kind == .queryParser {
                throw IndexError.invalidParameter(name: "q", reason: "cannot parse query: \(error.message)")
            }
        }
        var query = userQuery.isEmpty && !text.isEmpty ? .matchAll : userQuery
        if !text.isEmpty, let expanded = try AcronymExpander(synonyms: acronymSynonyms).expand(text),
           let alternative = try? parser.parse(expanded, flags: Self.parserFlags) {
            // What only the acronym's other form finds ranks below what the query finds as
            // written: the branches are disjoint, and the second keeps a fraction of its weight.
            query = Query(.or, [query, Query(scaling: alternative.andNot(query), by: Schema.acronymWeightFactor)])
        }
        if request.excludeProcedural {
            query = query.andNot(Query(term: ProceduralWeighting.term))
        }
        for filter in filters(of: request) + [restriction].compactMap({ $0 }) {
            query = query.filter(filter)
        }
        // Standing business is weighed down per document (ProceduralWeighting). A boost term on
        // substantive items cannot do this under BM25 (a term on nearly every item has almost no
        // weight), and a low wdf for procedural text only nudges them.
        var response = try execute(query: query, request: request,
                                   downweightingProcedural: !request.excludeProcedural && !text.isEmpty)
        if suggestingCorrections, !text.isEmpty, response.total < Self.fewHitsThreshold,
           let corrected = try spellingCorrection(of: text), corrected != text {
            var correctedRequest = request
            correctedRequest.query = corrected
            correctedRequest.facets = []  // only its total is needed
            correctedRequest.offset = 0
            let alternative = try runSearch(correctedRequest, within: restriction, suggestingCorrections: false)
            if alternative.total > response.total {
                response.correctedQuery = corrected
                response.correctedTotal = alternative.total
            }
        }
        return response
    }

    private func execute(query unsplit: Query, request: SearchRequest, downweightingProcedural: Bool = false) throws -> SearchResponse {
        let split = downweightingProcedural ? ProceduralWeighting.split(unsplit) : unsplit
        if shardSet?.isEmpty == true {
            // No shard answers: an empty, degraded answer rather than an error.
            return SearchResponse(total: 0, totalBounds: 0...0, hits: [], facets: Dictionary(uniqueKeysWithValues: request.facets.map { ($0, []) }),
                                  correctedQuery: nil, parsedQuery: split.description)
        }
        // An uncollapsed page is reranked from one pass of the unsplit query when that gives it
        // exactly; collapsing picks each meeting's best item by weight, so it needs the split
        // weights from the start.
        let reranking = reranksProceduralItems && downweightingProcedural && !request.collapseByMeeting && shardSet == nil
        let query = reranking ? unsplit : split
        func makeEnquire(collapsing: Bool = request.collapseByMeeting, query: Query = query) -> Enquire {
            let enquire = Enquire(database: database)
            enquire.query = query
            enquire.setWeightingScheme(weighting)
            let dateSlot = Schema.date.slot!
            switch request.sort {
            case .relevance: enquire.sortByRelevanceThenValue(dateSlot, descending: true)
            case .date: enquire.sortByValueThenRelevance(dateSlot, descending: false)
            case .dateDescending: enquire.sortByValueThenRelevance(dateSlot, descending: true)
            }
            if collapsing {
                enquire.setCollapseKey(Schema.meeting.slot!)
            }
            return enquire
        }
        let enquire = makeEnquire()
        // Over remote shards, facets are counted in a pass of their own that returns no hits:
        // Xapian 1.4's remote matcher miscounts match spies when the same pass also returns a
        // page (counts off by one or two, varying with the page size; tested in
        // ShardFederationTests). Its collapse counts are short too, so that pass also counts
        // each meeting's matches, and a collapsed hit's count is its meeting's matches less itself.
        let remote = shardSet?.hasRemoteShards == true
        let countsMeetingsApart = remote && request.collapseByMeeting
        let countsFacetsApart = remote && (!request.facets.isEmpty || countsMeetingsApart)
        let facetEnquire = countsFacetsApart ? makeEnquire(collapsing: false) : enquire
        let meetingSpy = countsMeetingsApart ? ValueCountMatchSpy(slot: Schema.meeting.slot!) : nil
        if let meetingSpy { facetEnquire.addMatchSpy(meetingSpy) }
        // Over many matches, facets are counted in passes of their own over a sample of them
        // (FacetSampling); otherwise every match is counted as the page is found, and the
        // total is exact too.
        let sampleRate = request.facets.isEmpty || request.exactCounts || remote ? nil : try facetSampleRate(of: enquire)
        let spies = sampleRate == nil ? try facetSpies(for: request, on: facetEnquire) : []
        let checkAtLeast = spies.isEmpty ? 0 : database.documentCount
        // `mset` counts the matches; `pageSource` holds the page's documents (the same MSet
        // unless the reranked page could not be decided and the split query ran for it).
        let mset: MSet
        let pageSource: MSet
        let page: [RankedHit]
        if reranking {
            let depth = ProceduralWeighting.depth(for: request)
            mset = try enquire.mset(offset: 0, limit: depth, checkAtLeast: checkAtLeast)
            if let reranked = try ProceduralWeighting.page(of: mset, depth: depth, request: request, database: database) {
                (pageSource, page) = (mset, reranked)
            } else {
                // A fresh Enquire: the facet spies have counted already.
                pageSource = try makeEnquire(query: split).mset(offset: request.offset, limit: request.limit)
                page = RankedHit.page(of: pageSource)
            }
        } else {
            mset = try enquire.mset(offset: request.offset, limit: request.limit, checkAtLeast: checkAtLeast)
            (pageSource, page) = (mset, RankedHit.page(of: mset))
        }
        if countsFacetsApart {
            _ = try facetEnquire.mset(offset: 0, limit: 0, checkAtLeast: database.documentCount)
        }
        var total = mset.matchesEstimated
        var totalBounds = mset.matchesLowerBound...max(mset.matchesLowerBound, mset.matchesUpperBound)
        var facets = Self.facetCounts(of: spies)
        var sampled: Int?
        if let sampleRate {
            let counted = try countFacets(of: unsplit, request: request, sampledOneIn: sampleRate)  // the same matches, one pass
            facets = counted.facets
            sampled = counted.rate
            if !request.collapseByMeeting {
                // The sample's estimate of all matches, within the bounds Xapian knows for sure;
                // or all of them, counted.
                total = min(max(counted.matches, totalBounds.lowerBound), totalBounds.upperBound)
                if counted.rate == nil { totalBounds = counted.matches...counted.matches }
            }
        }
        let meetingMatches = meetingSpy.map { Dictionary($0.values.map { ($0.value, $0.count) }, uniquingKeysWith: +) }

        var hits: [SearchHit] = []
        for hit in page {
            let record = try decoder.decode(HitFields.self, from: Data(pageSource.document(at: hit.index).data.utf8))
            let snippet = pageSource.snippet(record.text, length: 240, stemmer: stemmer, flags: .exhaustive,
                                       highlightStart: "<b>", highlightEnd: "</b>", omit: "…")
            // The meeting's other matches: counted apart over remote shards, else Xapian's count.
            let othersInMeeting = meetingMatches.map { max(0, ($0[record.meeting] ?? 1) - 1) } ?? hit.collapseCount
            hits.append(SearchHit(
                id: record.id, rank: hit.rank + 1, percent: hit.percent, weight: hit.weight,
                meetingDate: record.meetingDate, committee: record.committee, section: record.section,
                item: record.item, snippet: snippet, source: record.source, meeting: record.meeting,
                resolved: record.resolved, resolutions: record.resolutions, procedural: record.procedural,
                collapsedCount: request.collapseByMeeting ? othersInMeeting : nil))
        }
        var response = SearchResponse(total: total, totalBounds: totalBounds, hits: hits, facets: facets,
                                      correctedQuery: nil, parsedQuery: split.description)
        response.sampleRate = sampled
        return response
    }

    /// Builds the value columns of `facets` now (with ``valueColumns`` set), so that the first
    /// search counting them does not wait: about 20 ms per facet at a million items.
    public func prepareFacetColumns(for facets: [String]) throws {
        guard let valueColumns else { return }
        try retryingOnModified {
            for slot in facets.compactMap({ Schema.field(named: $0)?.slot }) {
                try valueColumns.prepare(slot: slot, for: database)
            }
        }
    }

    // MARK: - Facets over many matches

    /// The sample rate for counting the facets of `enquire`'s query, or nil to count every
    /// match: from Xapian's estimate of the matches, which a page of no hits gets without
    /// running the match.
    private func facetSampleRate(of enquire: Enquire) throws -> Int? {
        let estimate = try enquire.mset(offset: 0, limit: 0).matchesEstimated
        guard estimate > facetSampling.exactUpTo else { return nil }
        return facetSampling.rate(forMatches: estimate)
    }

    /// Facet counts from the matches in a 1-in-`rate` hashed sample of the index, scaled up,
    /// with the sample's estimate of all matches. When the sample shows the matches are few
    /// after all (Xapian's estimate of an AND query can be far out), they are counted in full
    /// and `rate` comes back nil.
    private func countFacets(of query: Query, request: SearchRequest, sampledOneIn rate: Int)
        throws -> (facets: [String: [FacetCount]], matches: Int, rate: Int?) {
        func count(_ query: Query, scaledBy scale: Int) throws -> (facets: [String: [FacetCount]], matches: Int) {
            let enquire = Enquire(database: database)
            enquire.query = query
            enquire.setWeightingScheme(.boolean)  // counting only: no page, no weights
            let spies = try facetSpies(for: request, on: enquire)
            let mset = try enquire.mset(offset: 0, limit: 0, checkAtLeast: database.documentCount)
            return (Self.facetCounts(of: spies, scaledBy: scale), mset.matchesEstimated * scale)
        }
        let sample = try count(Query(.filter, [query, try .sample(oneIn: rate)]), scaledBy: rate)
        if sample.matches <= facetSampling.exactUpTo {
            let all = try count(query, scaledBy: 1)
            return (all.facets, all.matches, nil)
        }
        return (sample.facets, sample.matches, rate)
    }

    /// A match spy for each facet the request asks for, added to `enquire`: counting from
    /// ``valueColumns`` when the searcher has them and reads one local index.
    private func facetSpies(for request: SearchRequest, on enquire: Enquire) throws -> [(name: String, spy: ValueCountMatchSpy)] {
        try request.facets.compactMap { name in
            guard let slot = Schema.field(named: name)?.slot else { return nil }
            let columnSpy = try valueColumns.flatMap { try ValueCountMatchSpy(slot: slot, columns: $0, database: database) }
            let spy = columnSpy ?? ValueCountMatchSpy(slot: slot)
            enquire.addMatchSpy(spy)
            return (name, spy)
        }
    }

    /// What the spies counted, most frequent first, each count multiplied by `scale`.
    private static func facetCounts(of spies: [(name: String, spy: ValueCountMatchSpy)], scaledBy scale: Int = 1) -> [String: [FacetCount]] {
        Dictionary(spies.map { name, spy in
            (name, spy.topValues(1000).map { FacetCount(value: $0.value, count: $0.count * scale) })
        }, uniquingKeysWith: { first, _ in first })
    }

    private func filters(of request: SearchRequest) -> [Query] {
        var filters: [Query] = []
        let dateSlot = Schema.date.slot!
        switch (request.from, request.to) {
        case let (from?, to?): filters.append(.valueRange(slot: dateSlot, from: from.compact, to: to.compact))
        case let (from?, nil): filters.append(.valueGreaterOrEqual(slot: dateSlot, from.compact))
        case let (nil, to?): filters.append(.valueLessOrEqual(slot: dateSlot, to.compact))
        case (nil, nil): break
        }
        if !request.committees.isEmpty {
            filters.append(Query(.or, request.committees.map { Query(term: Schema.committee.term(slug($0))) }))
        }
        if !request.kinds.isEmpty {
            filters.append(Query(.or, request.kinds.map { Query(term: Schema.kind.term($0)) }))
        }
        if request.resolvedOnly {
            filters.append(Query(term: Schema.hasResolution.prefix))
        }
        return filters
    }

    static let parserFlags: QueryParser.Flags = [.boolean, .phrase, .lovehate, .wildcard, .pureNot]

    /// The query with misspelt words corrected from the index's spelling data, or nil when
    /// nothing needs correcting. Asked only when a search finds few hits, the only time it is
    /// offered: the correction looks every word up in the spelling table.
    private func spellingCorrection(of text: String) throws -> String? {
        let parser = makeQueryParser()
        _ = try parser.parse(text, flags: Self.parserFlags.union(.spellingCorrection))
        let corrected = parser.correctedQueryString
        return corrected.isEmpty ? nil : corrected
    }

    private func makeQueryParser() -> QueryParser {
        let parser = QueryParser()
        parser.stemmer = stemmer
        parser.stemmingStrategy = .some
        parser.defaultOperator = .and
        parser.setDatabase(database)
        for field in Schema.fields {
            switch field.termKind {
            case .freeText where !field.prefix.isEmpty: parser.addPrefix(field: field.name, prefix: field.prefix)
            case .boolean: parser.addBooleanPrefix(field: field.name, prefix: field.prefix)
            default: break
            }
        }
        parser.addRangeProcessor(.date(slot: Schema.date.slot!, prefix: Schema.dateRangePrefix))
        return parser
    }

    private var acronymSynonyms: AcronymExpander.Synonyms {
        shardSet.map { .table($0.acronymSynonyms) } ?? .database(database)
    }

    /// The fields of a stored ``ItemRecord`` that a hit shows. Decoding only these skips the
    /// attendance and references: JSONDecoder was 18% of a search's time (perf, 10k items),
    /// and this saves 4% of it; see Benchmarks/RESULTS.md.
    private struct HitFields: Decodable {
        var id: String
        var meetingDate: MeetingDate?
        var committee: String?
        var section: ItemRecord.SectionSummary
        var item: ItemRecord.ItemSummary
        var source: ItemRecord.SourceLocation
        var meeting: String
        var resolved: Bool
        var resolutions: [String]
        var procedural: Bool
        var text: String

        enum CodingKeys: String, CodingKey {
            case id, committee, section, item, source, meeting, resolved, resolutions, procedural, text
            case meetingDate = "meeting_date"
        }
    }

    private func record(of document: Document) throws -> ItemRecord {
        try decoder.decode(ItemRecord.self, from: Data(document.data.utf8))
    }

    /// Runs a read, once more after a writer's commit moved the database on underneath it;
    /// over shards, after leaving out a shard that stopped answering mid-read.
    func retryingOnModified<T>(_ body: () throws -> T) throws -> T {
        if let shardSet {
            shardSet.refreshIfDue()
            database = shardSet.database
        }
        do {
            return try body()
        } catch let error as XapianError where error.kind == .databaseModified {
            try database.reopen()
            return try body()
        } catch let error as XapianError where error.kind == .network && shardSet != nil {
            shardSet!.recover()
            database = shardSet!.database
            return try body()
        }
    }
}

extension Searcher {
    /// Every saved search in the index, by name.
    public func savedSearches() throws -> [SavedSearch] {
        try retryingOnModified { try SavedSearchStore(database: database).list() }
    }

    /// The saved search with this name, if there is one.
    public func savedSearch(named name: String) throws -> SavedSearch? {
        try retryingOnModified { try SavedSearchStore(database: database).savedSearch(named: name) }
    }

    /// The matches recorded for a saved search, newest first (nil when there is no such search).
    public func savedSearchMatches(of name: String) throws -> [SavedSearchMatch]? {
        try retryingOnModified { try SavedSearchStore(database: database).matches(of: name) }
    }
}
