import Foundation
import MinutesIngest

/// A search someone wants to follow ("tell me when elective home education comes up again"),
/// stored in the index's own metadata so that a copied index keeps it.
public struct SavedSearch: Codable, Sendable, Equatable {
    /// Its name: letters, digits, `-`, `_` and `.`, as it appears in `/saved/NAME`.
    public var name: String
    /// The query, in the same syntax as ``SearchRequest/query``.
    public var query: String
    /// What may match, as in ``SearchRequest/filters``.
    public var filters: SearchFilters
    /// When it was saved.
    public var created: Date

    /// A saved search with these values.
    public init(name: String, query: String, filters: SearchFilters = SearchFilters(), created: Date = Date()) {
        self.name = name
        self.query = query
        self.filters = filters
        self.created = created
    }

    /// Saves what a request asks for; its order, page and facets are not kept.
    public init(name: String, request: SearchRequest, created: Date = Date()) {
        self.init(name: name, query: request.query, filters: request.filters, created: created)
    }

    /// The request the saved search runs: newest meetings first, up to `limit` items.
    public func request(limit: Int = SavedSearchStore.matchesKept) -> SearchRequest {
        filters.request(query: query, limit: limit)
    }

    /// The most characters a name may have.
    public static let maximumNameLength = 64

    /// Checks the name and the request, naming what is wrong.
    public func validate() throws {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        if name.isEmpty || name.count > Self.maximumNameLength || name.hasPrefix(".")
            || !name.unicodeScalars.allSatisfy(allowed.contains) {
            throw IndexError.invalidParameter(
                name: "name", reason: "'\(name)' must be 1–\(Self.maximumNameLength) letters, digits, '-', '_' or '.', not starting with '.'")
        }
        try request().validate()
    }
}

/// An item that matched a saved search when it was indexed: what a feed entry shows.
public struct SavedSearchMatch: Codable, Sendable, Equatable {
    /// Stable for this item under this saved search (`NAME/ITEM-ID`), for feed entry ids.
    public var id: String
    /// The matching item's id (``ItemRecord/id``).
    public var itemID: String
    /// The day of the item's meeting, if one was found.
    public var meetingDate: MeetingDate?
    /// The committee, as the document names it.
    public var committee: String?
    /// The item's title ("15. DRAFT ELECTIVE HOME EDUCATION POLICY" gives the title alone).
    public var title: String
    /// The start of the item text (up to ``SavedSearchStore/excerptLength`` characters, cut at a
    /// word), plain text: enough for a feed summary without opening the index again.
    public var excerpt: String
    /// When the indexer recorded the match.
    public var matchedAt: Date

    /// A match with these values.
    public init(id: String, itemID: String, meetingDate: MeetingDate?, committee: String?, title: String,
                excerpt: String, matchedAt: Date) {
        self.id = id
        self.itemID = itemID
        self.meetingDate = meetingDate
        self.committee = committee
        self.title = title
        self.excerpt = excerpt
        self.matchedAt = matchedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, committee, title, excerpt
        case itemID = "item_id"
        case meetingDate = "meeting_date"
        case matchedAt = "matched_at"
    }
}
