import Foundation
import Xapian

/// Saved searches are written by the indexer, the index's single writer: offline tools and the
/// daemon's write queue both own one. Like every write, they are durable after ``commit()``.
extension Indexer {
    /// The saved searches and their matches, as this writer sees them (uncommitted changes included).
    public var savedSearches: SavedSearchStore { SavedSearchStore(database: database) }

    /// Saves a search under `name`, replacing one of that name (its matches are kept only when
    /// the query and filters are unchanged). Matches are recorded from the next indexed file on.
    @discardableResult
    public func addSavedSearch(name: String, request: SearchRequest, created: Date = Date()) throws -> SavedSearch {
        let saved = SavedSearch(name: name, request: request, created: created)
        try saved.validate()
        if let previous = try savedSearches.savedSearch(named: name),
           previous.query != saved.query || previous.filters != saved.filters {
            try database.setMetadata("", forKey: SavedSearchStore.matchesPrefix + name)
        }
        try database.setMetadata(try SavedSearchStore.encoded(saved), forKey: SavedSearchStore.searchPrefix + name)
        try copySavedSearches()
        return saved
    }

    /// Removes the saved search and its matches. Returns false when there is none of that name.
    @discardableResult
    public func removeSavedSearch(name: String) throws -> Bool {
        guard try savedSearches.savedSearch(named: name) != nil else { return false }
        try database.setMetadata("", forKey: SavedSearchStore.searchPrefix + name)
        try database.setMetadata("", forKey: SavedSearchStore.matchesPrefix + name)
        try copySavedSearches()
        return true
    }

    /// Puts back a saved search with the matches it had recorded (a rebuild carries them over).
    func restoreSavedSearch(_ saved: SavedSearch, matches: [SavedSearchMatch]) throws {
        try database.setMetadata(try SavedSearchStore.encoded(saved), forKey: SavedSearchStore.searchPrefix + saved.name)
        if !matches.isEmpty {
            try database.setMetadata(try SavedSearchStore.encoded(matches), forKey: SavedSearchStore.matchesPrefix + saved.name)
        }
        try copySavedSearches()
    }

    /// Writes the saved searches (with their matches so far) into the index folder beside the
    /// index's own files: the one thing of an index the watched folders cannot give back.
    /// Written whole and renamed into place, so a crash leaves the old copy or the new.
    private func copySavedSearches() throws {
        guard let folder else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(try IndexRecovery.read(savedSearches))
        try data.write(to: URL(fileURLWithPath: folder + "/" + IndexRecovery.savedSearchesFileName), options: .atomic)
    }

    /// Runs every saved search over the items just written for one source (a FILTER on its
    /// `XSRC` term) and records what matched. Called inside the source's transaction, so a
    /// file and its matches land together. An item already recorded for a search (a file
    /// re-indexed after an edit) is not recorded again.
    func recordSavedSearchMatches(sourceID: String, at time: Date = Date()) throws {
        let searches = try savedSearches.list()
        guard !searches.isEmpty else { return }
        for saved in searches {
            let hits: [SavedSearchMatcher.MatchedItem]
            do {
                hits = try savedSearchMatcher.items(matching: saved, inSource: sourceID, of: database)
            } catch is IndexError {
                // A saved search this build no longer accepts (a query that no longer parses)
                // must not stop the file from being indexed; it just matches nothing.
                continue
            }
            guard !hits.isEmpty else { continue }
            var matches = try savedSearches.matches(of: saved.name) ?? []
            let known = Set(matches.map(\.itemID))
            // Within one file, the newer meeting first (an agenda pack embeds older minutes).
            let fresh = hits.filter { !known.contains($0.id) }
                .sorted { ($0.meetingDate?.compact ?? "") > ($1.meetingDate?.compact ?? "") }
                .map { hit in
                    SavedSearchMatch(id: "\(saved.name)/\(hit.id)", itemID: hit.id, meetingDate: hit.meetingDate,
                                     committee: hit.committee, title: hit.item.title,
                                     excerpt: Self.excerpt(of: hit.text), matchedAt: time)
                }
            guard !fresh.isEmpty else { continue }
            matches = Array((fresh + matches).prefix(SavedSearchStore.matchesKept))
            try database.setMetadata(try SavedSearchStore.encoded(matches), forKey: SavedSearchStore.matchesPrefix + saved.name)
        }
    }

    /// The start of an item's text, cut at a word, with "…" when cut.
    static func excerpt(of text: String?) -> String {
        let flat = (text ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > SavedSearchStore.excerptLength else { return flat }
        let cut = flat.prefix(SavedSearchStore.excerptLength)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return word + "…"
    }
}
