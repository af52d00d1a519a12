import Foundation
import MinutesIngest
import Xapian

/// Finds the items of one source that match a saved search, for the indexer to record: the
/// query a search of the same request builds (``SearchQueryParser``), run on the writer's own
/// database, which sees its uncommitted documents. Handed to the ``Indexer``, built once, so
/// that writing never opens a ``Searcher``.
public final class SavedSearchMatcher {
    private let queryParser: SearchQueryParser
    private let decoder = JSONDecoder()

    /// A matcher with the index's stemmer.
    public init() throws {
        queryParser = SearchQueryParser(stemmer: try Stem(language: Schema.stemLanguage))
    }

    /// An item a saved search matched, with what its feed entry shows.
    struct MatchedItem: Decodable {
        var id: String
        var meetingDate: MeetingDate?
        var committee: String?
        var item: ItemRecord.ItemSummary
        var text: String

        enum CodingKeys: String, CodingKey {
            case id, committee, item, text
            case meetingDate = "meeting_date"
        }
    }

    /// The items of source `sourceID` that `saved` matches, best first as a search would rank
    /// them (procedural items below the rest), at most ``SavedSearchStore/matchesKept``.
    func items(matching saved: SavedSearch, inSource sourceID: String, of database: Database) throws -> [MatchedItem] {
        let request = saved.request()
        let matching = try queryParser.query(for: request, over: database, acronyms: .database(database))
            .filter(Query(term: Schema.source.term(sourceID)))
        let enquire = Enquire(database: database)
        enquire.query = request.weighsDownProcedural ? ProceduralWeighting.split(matching) : matching
        enquire.setWeightingScheme(Schema.ranking.weighting)
        enquire.sortByRelevanceThenValue(Schema.date.slot!, descending: true)
        let mset = try enquire.mset(offset: 0, limit: request.limit)
        return try mset.hits.indices.map { index in
            try decoder.decode(MatchedItem.self, from: Data(try mset.document(at: index).readData().utf8))
        }
    }
}
