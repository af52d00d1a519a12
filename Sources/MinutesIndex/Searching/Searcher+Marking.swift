import Xapian

extension Searcher {
    /// The paragraphs of an item's text and its resolutions with the words of `query` that
    /// match marked (`<mark>`), HTML-escaped by Xapian's snippet generator, which stems as the
    /// search did: what an item page shows when a search led there. Nil when the query does
    /// not match the item (or is empty).
    public func markedText(ofItem id: String, query text: String, paragraphs: [String], resolutions: [String])
        throws -> (paragraphs: [String], resolutions: [String])? {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return try retryingOnModified {
            let query = try queryParser.query(for: SearchRequest(query: text), over: database, acronyms: acronymSynonyms)
            let enquire = Enquire(database: database)
            enquire.query = query.filter(Query(term: Schema.id.term(id)))
            let mset = try enquire.mset(offset: 0, limit: 1)
            guard !mset.hits.isEmpty else { return nil }
            func mark(_ piece: String) -> String {
                mset.snippet(piece, length: piece.count + 64, stemmer: stemmer, flags: [],
                             highlightStart: "<mark>", highlightEnd: "</mark>", omit: "")
            }
            return (paragraphs.map(mark), resolutions.map(mark))
        }
    }
}
