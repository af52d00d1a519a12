import Foundation

/// Measures ranking against judged queries: nDCG@k, recall@k and MRR, per query and on average.
/// What `quorum eval FILE` prints, and what the test suite holds floors on, so that a change of
/// weighting is chosen by figures and a regression fails.
public struct RelevanceEvaluation: Sendable {
    /// The judged queries to run.
    public var queries: [JudgedQuery]
    /// The rank cut-off of nDCG and recall (10: a first page).
    public var cutoff: Int
    /// How deep MRR looks for the first relevant item; beyond it the reciprocal rank is 0.
    public var depth: Int
    /// When a query as written finds nothing and the search offers a correction ("did you
    /// mean"), score the corrected query's ranking, as a results page that shows the
    /// correction's hits would. Off, a misspelt query scores 0.
    public var followsCorrections: Bool

    /// An evaluation of these queries.
    public init(queries: [JudgedQuery], cutoff: Int = 10, depth: Int = 100, followsCorrections: Bool = true) {
        self.queries = queries
        self.cutoff = cutoff
        self.depth = depth
        self.followsCorrections = followsCorrections
    }

    /// Reads a judged set (a JSON array of ``JudgedQuery``).
    public init(contentsOf url: URL, cutoff: Int = 10, depth: Int = 100) throws {
        self.init(queries: try JSONDecoder().decode([JudgedQuery].self, from: Data(contentsOf: url)), cutoff: cutoff, depth: depth)
    }

    /// Runs every query through `searcher` (relevance order, its filters applied) and scores the ranking.
    public func run(with searcher: Searcher) throws -> RelevanceReport {
        var scores: [RelevanceReport.QueryScore] = []
        for judged in queries {
            let request = judged.filters.request(query: judged.query, limit: max(cutoff, depth))
            var response = try searcher.search(request)
            if followsCorrections, response.hits.isEmpty, let corrected = response.correctedQuery {
                var correctedRequest = request
                correctedRequest.query = corrected
                response = try searcher.search(correctedRequest)
            }
            scores.append(score(judged, ranked: response.hits.map(\.id)))
        }
        return RelevanceReport(cutoff: cutoff, queries: scores)
    }

    /// Scores one ranking against its judgements.
    public func score(_ judged: JudgedQuery, ranked: [String]) -> RelevanceReport.QueryScore {
        let top = Array(ranked.prefix(cutoff))
        let relevant = judged.relevantIDs
        // DCG with exponential gain, (2^g − 1) / log2(rank + 1): binary grades give 1 / log2(rank + 1).
        func dcg(_ grades: [Int]) -> Double {
            grades.enumerated().reduce(0) { sum, entry in
                sum + (pow(2, Double(entry.element)) - 1) / log2(Double(entry.offset + 2))
            }
        }
        let ideal = dcg(Array(relevant.map { judged.grade(of: $0) }.sorted(by: >).prefix(cutoff)))
        let ndcg = ideal > 0 ? dcg(top.map { judged.grade(of: $0) }) / ideal : 0
        let found = top.filter(relevant.contains)
        let recall = relevant.isEmpty ? 0 : Double(found.count) / Double(relevant.count)
        let firstRank = ranked.prefix(depth).firstIndex(where: relevant.contains).map { $0 + 1 }
        return RelevanceReport.QueryScore(
            query: judged.query, queryClass: judged.queryClass, ndcg: ndcg, recall: recall,
            reciprocalRank: firstRank.map { 1 / Double($0) } ?? 0,
            firstRelevantRank: firstRank, missing: relevant.subtracting(found).sorted(), top: top)
    }
}

/// The figures of one evaluation run.
public struct RelevanceReport: Codable, Sendable, Equatable {
    /// One query's figures and what it ranked.
    public struct QueryScore: Codable, Sendable, Equatable {
        /// The query as judged.
        public var query: String
        /// Its kind, when the judged set gives one.
        public var queryClass: String?
        /// nDCG@cutoff of the ranking; 0 when no item is judged relevant.
        public var ndcg: Double
        /// Share of the relevant items that are in the top `cutoff`; 0 when none is judged relevant.
        public var recall: Double
        /// 1 over the rank of the first relevant item; 0 when none is found within the depth.
        public var reciprocalRank: Double
        /// The rank of the first relevant item, when one is found within the evaluation's depth.
        public var firstRelevantRank: Int?
        /// Relevant items not in the top `cutoff`, to see what a change gained or lost.
        public var missing: [String]
        /// The top `cutoff` item ids as ranked.
        public var top: [String]

        enum CodingKeys: String, CodingKey {
            case query, ndcg, recall, missing, top
            case queryClass = "class"
            case reciprocalRank = "reciprocal_rank"
            case firstRelevantRank = "first_relevant_rank"
        }
    }

    /// The rank cut-off of nDCG and recall.
    public var cutoff: Int
    /// Each query's figures, in the judged set's order.
    public var queries: [QueryScore]

    /// A report of these figures.
    public init(cutoff: Int, queries: [QueryScore]) {
        self.cutoff = cutoff
        self.queries = queries
    }

    enum CodingKeys: String, CodingKey { case cutoff, queries, ndcg, recall, mrr, classes }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cutoff = try c.decode(Int.self, forKey: .cutoff)
        queries = try c.decode([QueryScore].self, forKey: .queries)
    }

    /// The means are written too (`quorum eval --json`), and recomputed when read.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cutoff, forKey: .cutoff)
        try c.encode(ndcg, forKey: .ndcg)
        try c.encode(recall, forKey: .recall)
        try c.encode(mrr, forKey: .mrr)
        if !classes.isEmpty { try c.encode(classes, forKey: .classes) }
        try c.encode(queries, forKey: .queries)
    }

    /// The figures of one kind of query.
    public struct ClassFigures: Codable, Sendable, Equatable {
        public var name: String
        public var queries: Int
        public var ndcg: Double
        public var recall: Double
        public var mrr: Double
    }

    /// The figures per kind of query, in the order the kinds first appear (empty when the set
    /// gives none).
    public var classes: [ClassFigures] {
        var order: [String] = []
        var members: [String: [QueryScore]] = [:]
        for score in queries {
            guard let name = score.queryClass else { continue }
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(score)
        }
        return order.map { name in
            let group = RelevanceReport(cutoff: cutoff, queries: members[name]!)
            return ClassFigures(name: name, queries: group.queries.count, ndcg: group.ndcg, recall: group.recall, mrr: group.mrr)
        }
    }

    /// The figures of the queries of one kind.
    public func figures(of name: String) -> ClassFigures? { classes.first { $0.name == name } }

    /// The summary line, then a line per kind of query when the set gives kinds.
    public var table: String {
        var lines = [summary]
        for figures in classes {
            lines.append(String(format: "  %-16@ nDCG@%d %.3f  recall@%d %.3f  MRR %.3f  (%d)", figures.name as NSString,
                                cutoff, figures.ndcg, cutoff, figures.recall, figures.mrr, figures.queries))
        }
        return lines.joined(separator: "\n")
    }

    /// Mean nDCG@cutoff over the queries.
    public var ndcg: Double { mean(\.ndcg) }
    /// Mean recall@cutoff over the queries.
    public var recall: Double { mean(\.recall) }
    /// Mean reciprocal rank of the first relevant item.
    public var mrr: Double { mean(\.reciprocalRank) }

    private func mean(_ value: KeyPath<QueryScore, Double>) -> Double {
        queries.isEmpty ? 0 : queries.map { $0[keyPath: value] }.reduce(0, +) / Double(queries.count)
    }

    /// `nDCG@10 0.812  recall@10 0.901  MRR 0.934  (32 queries)`.
    public var summary: String {
        String(format: "nDCG@%d %.3f  recall@%d %.3f  MRR %.3f  (%d queries)", cutoff, ndcg, cutoff, recall, mrr, queries.count)
    }
}
