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
    /// Where searches run: this one index, or the shards.
    var backend: SearchBackend { shardSet.map(SearchBackend.shards) ?? .index }
    let stemmer: Stem
    let decoder = JSONDecoder()
    /// Built once: the parser's prefixes and field processors come from ``Schema``.
    let queryParser: SearchQueryParser
    /// What orders ranked searches: ``Schema/ranking`` unless an evaluation tries other settings.
    public var ranking = Schema.ranking
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
        queryParser = SearchQueryParser(stemmer: stemmer)
    }

    /// Searches shards as one index, answering from those that respond; each response says
    /// which did (``SearchResponse/shards``).
    public init(shards: ShardSet) throws {
        shardSet = shards
        database = shards.database
        stemmer = try Stem(language: Schema.stemLanguage)
        queryParser = SearchQueryParser(stemmer: stemmer)
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
        var response = try retryingOnModified { try answer(request, offeringCorrection: true) }
        response.shards = shardSet?.summary
        return response
    }

    /// Below this many hits, a search also tries the spelling-corrected query and offers it
    /// ("did you mean") when the correction finds more. A query with enough hits is taken as
    /// meant: rare names and jargon are often "corrected" into commoner words.
    public static let fewHitsThreshold = 3

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
            let plan = SearchPlan(request: SearchRequest(limit: limit), matching: query, weighsDownProcedural: false,
                                  backend: backend, mayRerank: false, offersCorrection: false)
            return try run(plan)
        }
    }

    /// Builds the value columns of `facets` now (with ``valueColumns`` set), so that the first
    /// search counting them does not wait: about 20 ms per facet at a million items.
    public func prepareFacetColumns(for facets: [Facet]) throws {
        guard let valueColumns else { return }
        try retryingOnModified {
            for slot in facets.compactMap(\.slot) {
                try valueColumns.prepare(slot: slot, for: database)
            }
        }
    }

    /// Where acronyms' other forms are read: the index's synonyms, or the shards' merged table.
    var acronymSynonyms: AcronymExpander.Synonyms {
        shardSet.map { .table($0.acronymSynonyms) } ?? .database(database)
    }

    /// The fields of a stored ``ItemRecord`` that a hit shows. Decoding only these skips the
    /// attendance and references: JSONDecoder was 18% of a search's time (perf, 10k items),
    /// and this saves 4% of it; see Benchmarks/RESULTS.md.
    struct HitFields: Decodable {
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
        try decoder.decode(ItemRecord.self, from: Data(try document.readData().utf8))
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
    /// Runs `body` on the read handle, once more after a writer's commit moved the database on
    /// underneath it: for reads of the index's metadata that are not searches (saved searches).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try retryingOnModified { try body(database) }
    }
}
