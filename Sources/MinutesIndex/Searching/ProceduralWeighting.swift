import Xapian

/// How a ranked search weighs standing business (apologies, declarations of interest, minutes of
/// the previous meeting…) down: each procedural item keeps ``Schema/proceduralWeightFactor`` of
/// its weight, each substantive item all of it.
///
/// Xapian 1.4 can scale weights only per subquery, so the exact form runs the query twice over
/// disjoint halves — `(Q AND_NOT procedural) OR 0.2 × (Q FILTER procedural)` — which doubles the
/// cost of every ranked search (phrases: each candidate's positions were read twice; 2.6× the
/// Xapian peer at 1M items). Scaling only ever lowers procedural items, so the first page can be
/// had from one pass instead: take the best `depth` matches of Q itself, scale the procedural
/// ones, sort again. That page is exact whenever those matches hold at least offset + limit
/// substantive items (or are all the matches): every substantive item keeps its place relative
/// to the others, and a procedural item that outranks the last of them after scaling outranked it
/// before. Otherwise (a query mostly about standing business) the split form runs.
enum ProceduralWeighting {
    /// `XKprocedural`.
    static let term = Schema.kind.term(Schema.proceduralKind)

    /// The exact two-branch form of `query`.
    static func split(_ query: Query) -> Query {
        let procedural = Query(term: term)
        return Query(.or, [query.andNot(procedural),
                           Query(scaling: query.filter(procedural), by: Schema.proceduralWeightFactor)])
    }

    /// How many matches of one pass to rerank for the request's page.
    static func depth(for request: SearchRequest) -> Int {
        2 * (request.offset + request.limit) + 10
    }

    /// The request's page, reranked from the best `depth` matches of the unsplit query in
    /// `mset`; nil when those matches cannot decide it (too few substantive items among them).
    /// Ties are ordered as Xapian orders them: newer meeting first, then lower document id.
    static func page(of mset: MSet, depth: Int, request: SearchRequest, database: Database) throws -> [RankedHit]? {
        let hits = mset.hits
        let procedural = try database.documents(hits.map(\.documentID), haveTerm: term)
        let substantive = procedural.lazy.filter { !$0 }.count
        guard hits.count < depth || substantive >= request.offset + request.limit else { return nil }
        let factor = Schema.proceduralWeightFactor
        var ranked = hits.indices.map { index in
            let hit = hits[index]
            let scale = procedural[index] ? factor : 1
            return RankedHit(index: index, rank: 0, weight: hit.weight * scale,
                             percent: Int((Double(hit.percent) * scale).rounded()), collapseCount: hit.collapseCount,
                             documentID: hit.documentID)
        }
        var dates: [Int: String] = [:]
        func date(_ index: Int) -> String {
            if let known = dates[index] { return known }
            let value = (try? mset.document(at: index).value(Schema.date.slot!)) ?? ""
            dates[index] = value
            return value
        }
        ranked.sort { a, b in
            if a.weight != b.weight { return a.weight > b.weight }
            let (dateA, dateB) = (date(a.index), date(b.index))
            if dateA != dateB { return dateA > dateB }
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
