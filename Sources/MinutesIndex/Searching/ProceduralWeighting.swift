import Xapian

/// How a ranked search weighs standing business (apologies, declarations of interest, minutes of
/// the previous meeting…) down: each procedural item keeps a fraction of its weight
/// (``RankingSettings/proceduralFactor``), each substantive item all of it.
///
/// Xapian 1.4 can scale weights only per subquery, so the exact form runs the query twice over
/// disjoint halves — `(Q AND_NOT procedural) OR 0.2 × (Q FILTER procedural)` — which doubles the
/// cost of every ranked search (phrases: each candidate's positions were read twice; 2.6× the
/// Xapian peer at 1M items). Scaling only ever lowers procedural items, so the first page can be
/// had from one pass instead: take the best `depth` matches of Q itself, scale the procedural
/// ones, sort again. That page is exact whenever those matches hold at least offset + limit
/// substantive items (or are all the matches): every substantive item keeps its place relative
/// to the others, and a procedural item that outranks the last of them after scaling outranked it
/// before. By date, scaling only reorders items of one meeting date, so the page is exact when it
/// ends before the last date among those matches. Otherwise (a query mostly about standing
/// business, a page ending amid a long date) the split form runs.
enum ProceduralWeighting {
    /// `XKprocedural`.
    static let term = ItemKind.procedural.term

    /// The exact two-branch form of `query`.
    static func split(_ query: Query, factor: Double = Schema.ranking.proceduralFactor) -> Query {
        let procedural = Query(term: term)
        return Query(.or, [query.andNot(procedural),
                           Query(scaling: query.filter(procedural), by: factor)])
    }

    /// How many matches of one pass to rerank for the request's page.
    static func depth(for request: SearchRequest) -> Int {
        2 * (request.offset + request.limit) + 10
    }

    /// The request's page, reranked from the best `depth` matches of the unsplit query in
    /// `mset` (in the request's order); nil when those matches cannot decide it. Ties are
    /// ordered as Xapian orders them: by relevance, the newer meeting first; by date, the
    /// heavier item first; then the lower document id.
    static func page(of mset: MSet, depth: Int, request: SearchRequest, factor: Double = Schema.ranking.proceduralFactor,
                     database: Database) throws -> [RankedHit]? {
        let hits = mset.hits
        let wanted = request.offset + request.limit
        let procedural = try database.documents(hits.map(\.documentID), haveTerm: term)
        var ranked = hits.indices.map { index in
            let hit = hits[index]
            let scale = procedural[index] ? factor : 1
            return RankedHit(index: index, rank: 0, weight: hit.weight * scale,
                             percent: Int((Double(hit.percent) * scale).rounded()), collapseCount: hit.collapseCount,
                             documentID: hit.documentID)
        }
        // Meeting dates, read where the order needs them: every hit's by date, tied weights' by
        // relevance (a read error goes up, so the searcher's retry after a commit covers it).
        var dates = [String](repeating: "", count: hits.count)
        let weightCounts = Dictionary(ranked.map { ($0.weight, 1) }, uniquingKeysWith: +)
        for hit in ranked where request.sort != .relevance || weightCounts[hit.weight]! > 1 {
            dates[hit.index] = try mset.document(at: hit.index).value(Schema.date.slot!)
        }
        if hits.count == depth {  // else these are all the matches, and decide any page
            switch request.sort {
            case .relevance:
                // Substantive items keep their order; enough of them fix the page.
                guard procedural.lazy.filter({ !$0 }).count >= wanted else { return nil }
            case .date, .dateDescending:
                // Scaling reorders items within a meeting date only: the items before the last
                // date seen are complete, and their order is fixed.
                let lastDate = dates[hits.count - 1]
                guard dates.lazy.filter({ $0 != lastDate }).count >= wanted else { return nil }
            }
        }
        ranked.sort { a, b in
            let (dateA, dateB) = (dates[a.index], dates[b.index])
            switch request.sort {
            case .relevance:
                if a.weight != b.weight { return a.weight > b.weight }
                if dateA != dateB { return dateA > dateB }
            case .date, .dateDescending:
                if dateA != dateB { return request.sort == .date ? dateA < dateB : dateA > dateB }
                if a.weight != b.weight { return a.weight > b.weight }
            }
            return a.documentID < b.documentID
        }
        return ranked.indices.dropFirst(request.offset).prefix(request.limit).map { position in
            var hit = ranked[position]
            hit.rank = position
            return hit
        }
    }
}

/// One hit of a page: where it is in the MSet it came from, and its place and weight in the
/// ranking the searcher returns (which reranking may change).
struct RankedHit {
    /// Index in the MSet, for its document and snippet.
    var index: Int
    /// 0-based rank among all matches.
    var rank: Int
    var weight: Double
    var percent: Int
    var collapseCount: Int
    var documentID: DocumentID

    /// A page in the MSet's own order.
    static func page(of mset: MSet) -> [RankedHit] {
        mset.hits.enumerated().map { index, hit in
            RankedHit(index: index, rank: hit.rank, weight: hit.weight, percent: hit.percent,
                      collapseCount: hit.collapseCount, documentID: hit.documentID)
        }
    }
}
