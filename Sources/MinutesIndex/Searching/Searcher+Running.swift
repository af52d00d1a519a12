import Foundation
import Xapian

/// A search's steps, as its ``SearchPlan`` decides them: the page, the facets, the hits, and
/// the spelling correction when few are found.
extension Searcher {
    /// The answer to `request`, with "did you mean" when it finds few hits and may offer one.
    func answer(_ request: SearchRequest, offeringCorrection: Bool) throws -> SearchResponse {
        let words = QueryUnderstanding.understand(request.queryText).words ?? []
        let ranksWords = request.sort == .relevance && words.count >= 2 && !backend.answersNothing
        // The words near each other add weight where few items hold the rarest of them: the
        // preference reads each candidate's word positions (a term's frequency costs a lookup).
        let nearness = ranksWords && words.map { database.termFrequency($0.lowercased()) }.min()! < ranking.proximityMatchLimit
        let matching = try queryParser.query(for: request, over: database, acronyms: acronymSynonyms, ranking: ranking,
                                             nearness: nearness)
        let plan = searchPlan(for: request, matching: matching, offeringCorrection: offeringCorrection)
        var response = try run(plan)
        // The fallback's test and the offer below both want the correction: it is looked up
        // once (hundreds of term lookups and a few match counts for a word the index lacks).
        var lookedUp: String?? = nil
        func correction() throws -> String? {
            if let lookedUp { return lookedUp }
            let found = try spellingCorrection(of: request.queryText)
            lookedUp = .some(found)
            return found
        }
        // A plain query of several words that few items hold all of matches any of them, the
        // items with more of them first ("persistent absence" finds the absences update, which
        // never says "persistent"); a second pass, for those few queries only. One that few
        // items hold because a word is misspelt keeps its own matches and is offered the
        // correction instead ("elective home educaton").
        // Decided on the query without its filters, so that a facet's link (a year, a committee)
        // gives as many items as its count said.
        if ranksWords, let count = try matchCount(matching, ifFewerThan: ranking.anyWordsThreshold, bounds: response.totalBounds),
           try request.filters == SearchFilters() || fewHoldAllWords(unfiltered: request),
           try !(offeringCorrection && correctionFindsMore(than: count, for: request, corrected: correction())) {
            let relaxed = try queryParser.query(for: request, over: database, acronyms: acronymSynonyms, ranking: ranking,
                                                matching: .anyWords)
            response = try run(searchPlan(for: request, matching: relaxed, offeringCorrection: offeringCorrection))
            response.matchedAnyWords = true
        }
        if plan.offersCorrection, response.total < Self.fewHitsThreshold {
            try offerCorrection(correction(), for: request, in: &response)
        }
        if request.explains { try explain(&response, for: request, proximity: nearness && !response.matchedAnyWords) }
        return response
    }

    /// How a request whose matches are `matching` runs.
    private func searchPlan(for request: SearchRequest, matching: Query, offeringCorrection: Bool) -> SearchPlan {
        // Standing business is weighed down per document (ProceduralWeighting). A boost term on
        // substantive items cannot do this under BM25 (a term on nearly every item has almost no
        // weight), and a low wdf for procedural text only nudges them.
        SearchPlan(request: request, matching: matching,
                   weighsDownProcedural: request.weighsDownProcedural, proceduralFactor: ranking.proceduralFactor,
                   backend: backend, mayRerank: reranksProceduralItems,
                   offersCorrection: offeringCorrection && !request.queryText.isEmpty)
    }

    /// How many items `query` matches when that is fewer than `threshold`, else nil: what the
    /// page's bounds say when they settle it, else counted in a pass that stops at `threshold`
    /// (the same answer for any page and either form of the query).
    private func matchCount(_ query: Query, ifFewerThan threshold: Int, bounds: ClosedRange<Int>) throws -> Int? {
        if bounds.lowerBound >= threshold { return nil }
        if bounds.upperBound < threshold, bounds.lowerBound == bounds.upperBound { return bounds.upperBound }
        let count = try matchCount(query, upTo: threshold)
        return count < threshold ? count : nil
    }

    /// Whether fewer than the any-words threshold of items hold all the request's words, its
    /// filters set aside (the caller's own count serves when it has none).
    private func fewHoldAllWords(unfiltered request: SearchRequest) throws -> Bool {
        var unfiltered = request
        unfiltered.filters = SearchFilters()
        let query = try queryParser.query(for: unfiltered, over: database, acronyms: acronymSynonyms, ranking: ranking)
        return try matchCount(query, upTo: ranking.anyWordsThreshold) < ranking.anyWordsThreshold
    }

    /// How many items `query` matches, counted up to `limit`: a pass that stops there.
    private func matchCount(_ query: Query, upTo limit: Int) throws -> Int {
        let enquire = Enquire(database: database)
        enquire.query = query
        return try enquire.mset(offset: 0, limit: 0, checkAtLeast: limit).matchesLowerBound
    }

    /// Whether the query's spelling correction, `corrected`, holds all its words in more items than `count`.
    private func correctionFindsMore(than count: Int, for request: SearchRequest, corrected: String?) throws -> Bool {
        guard let corrected else { return false }
        var correctedRequest = request
        correctedRequest.query = corrected
        let query = try queryParser.query(for: correctedRequest, over: database, acronyms: acronymSynonyms, ranking: ranking)
        return try matchCount(query, upTo: count + 1) > count
    }

    /// Runs a plan: the page (reranked or not), the facets (alongside it, apart from it, or in
    /// a sample), then the page's hits.
    func run(_ plan: SearchPlan) throws -> SearchResponse {
        let request = plan.request
        guard !backend.answersNothing else {
            // No shard answers: an empty, degraded answer rather than an error.
            return SearchResponse(total: 0, totalBounds: 0...0, hits: [],
                                  facets: Dictionary(request.facets.map { ($0.rawValue, []) }, uniquingKeysWith: { first, _ in first }),
                                  correctedQuery: nil, parsedQuery: plan.ranking.description)
        }
        let enquire = makeEnquire(plan.firstPass, for: request, collapsing: request.collapseByMeeting)
        let counting = try FacetCounting(plan: plan, pageEnquire: enquire, searcher: self)
        let page = try findPage(plan, enquire: enquire, checkAtLeast: counting.spies.isEmpty ? 0 : database.documentCount)
        let counted = try counting.finish(matches: page.counted, searcher: self)
        let hits = try page.ranked.map { hit in
            try searchHit(hit, from: page.documents, request: request, meetingMatches: counted.meetingMatches)
        }
        var response = SearchResponse(total: counted.total, totalBounds: counted.totalBounds, hits: hits,
                                      facets: counted.facets, correctedQuery: nil, parsedQuery: plan.ranking.description)
        response.sampleRate = counted.sampleRate
        return response
    }

    /// An Enquire over the database for `query`, in the request's order.
    func makeEnquire(_ query: Query, for request: SearchRequest, collapsing: Bool) -> Enquire {
        let enquire = Enquire(database: database)
        enquire.query = query
        enquire.setWeightingScheme(ranking.weighting)
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

    /// A page of a search: the MSet that counted the matches, the one holding the page's
    /// documents (the same unless the reranked page could not be decided and the split query
    /// ran for it), and the page's hits in order.
    struct Page {
        var counted: MSet
        var documents: MSet
        var ranked: [RankedHit]
    }

    private func findPage(_ plan: SearchPlan, enquire: Enquire, checkAtLeast: Int) throws -> Page {
        let request = plan.request
        guard plan.reranksPage else {
            let mset = try enquire.mset(offset: request.offset, limit: request.limit, checkAtLeast: checkAtLeast)
            return Page(counted: mset, documents: mset, ranked: RankedHit.page(of: mset))
        }
        let depth = ProceduralWeighting.depth(for: request)
        let mset = try enquire.mset(offset: 0, limit: depth, checkAtLeast: checkAtLeast)
        if let reranked = try ProceduralWeighting.page(of: mset, depth: depth, request: request, factor: ranking.proceduralFactor,
                                                        database: database) {
            return Page(counted: mset, documents: mset, ranked: reranked)
        }
        // A fresh Enquire: the facet spies have counted already.
        let split = try makeEnquire(plan.ranking, for: request, collapsing: request.collapseByMeeting)
            .mset(offset: request.offset, limit: request.limit)
        return Page(counted: mset, documents: split, ranked: RankedHit.page(of: split))
    }

    private func searchHit(_ hit: RankedHit, from documents: MSet, request: SearchRequest,
                           meetingMatches: [String: Int]?) throws -> SearchHit {
        let record = try decoder.decode(HitFields.self, from: Data(try documents.document(at: hit.index).readData().utf8))
        let snippet = documents.snippet(record.text, length: 240, stemmer: stemmer, flags: .exhaustive,
                                        highlightStart: "<b>", highlightEnd: "</b>", omit: "…")
        // The meeting's other matches: counted apart over remote shards, else Xapian's count.
        let othersInMeeting = meetingMatches.map { max(0, ($0[record.meeting] ?? 1) - 1) } ?? hit.collapseCount
        return SearchHit(
            id: record.id, rank: hit.rank + 1, percent: hit.percent, weight: hit.weight,
            meetingDate: record.meetingDate, committee: record.committee, section: record.section,
            item: record.item, snippet: snippet, source: record.source, meeting: record.meeting,
            resolved: record.resolved, resolutions: record.resolutions, procedural: record.procedural,
            collapsedCount: request.collapseByMeeting ? othersInMeeting : nil)
    }

    /// The correction worth offering for `text`: for plain words, the collated one
    /// (``SpellingCorrection/collated(_:frequency:suggestion:matches:)``); for query syntax,
    /// Xapian's, when it mends typos.
    func spellingCorrection(of text: String) throws -> String? {
        guard QueryUnderstanding.isPlain(text) else {
            guard let corrected = try queryParser.spellingCorrection(of: text, over: database),
                  SpellingCorrection.isWorthOffering(corrected, for: text) else { return nil }
            return corrected
        }
        let typed = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let corrected = try SpellingCorrection.collated(
            typed, frequency: { database.termFrequency($0) },
            suggestion: { word in
                let suggested = try database.spellingSuggestion(for: word)
                return suggested.isEmpty ? nil : suggested
            },
            matches: { words in
                let query = try queryParser.query(for: SearchRequest(query: words.joined(separator: " ")), over: database,
                                                  acronyms: acronymSynonyms, ranking: ranking)
                return try matchCount(query, upTo: 100)
            })
        return corrected.map { $0.joined(separator: " ") }
    }

    /// Offers the spelling-corrected query, `corrected`, when it finds more than the query as typed.
    private func offerCorrection(_ corrected: String?, for request: SearchRequest, in response: inout SearchResponse) throws {
        guard let corrected else { return }
        var correctedRequest = request
        correctedRequest.query = corrected
        correctedRequest.facets = []  // only its total is needed
        correctedRequest.explains = false
        correctedRequest.offset = 0
        let alternative = try answer(correctedRequest, offeringCorrection: false)
        if alternative.total > response.total {
            response.correctedQuery = corrected
            response.correctedTotal = alternative.total
        }
    }
}
