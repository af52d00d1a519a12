import Xapian

/// Why a search ranks as it does (`explain=true`, `quorum search --explain`): how the query was
/// read, and the settings that weighed it.
public struct QueryExplanation: Codable, Sendable, Equatable {
    /// The text Xapian parsed: the content words of a question, without decision words.
    public var understood: String
    /// Whether the query was read as a question typed as a sentence.
    public var question: Bool
    /// Decision words taken out of the required words; items with a resolution got a bonus.
    public var decisionWords: [String]
    /// Whether few items held every word, so the hits hold any of them.
    public var matchedAnyWords: Bool
    /// Whether the words near each other added weight.
    public var proximity: Bool
    /// BM25's k1 and b, and the factors applied.
    public var k1: Double, b: Double, proceduralFactor: Double, resolutionBonus: Double, proximityFactor: Double

    enum CodingKeys: String, CodingKey {
        case understood, question, proximity, k1, b
        case decisionWords = "decision_words"
        case matchedAnyWords = "matched_any_words"
        case proceduralFactor = "procedural_factor"
        case resolutionBonus = "resolution_bonus"
        case proximityFactor = "proximity_factor"
    }
}

/// Why one hit ranks where it does: which of the query's words it holds in which field, and the
/// factors its weight got.
public struct HitExplanation: Codable, Sendable, Equatable {
    /// One word of the query, and where the item holds it (by its stem, as the search matches).
    public struct Word: Codable, Sendable, Equatable {
        public var word: String
        public var inTitle: Bool
        /// In the free text, which ends with the committee's name (``inCommittee``).
        public var inText: Bool
        /// In the name of the committee whose meeting it is.
        public var inCommittee: Bool

        public init(word: String, inTitle: Bool, inText: Bool, inCommittee: Bool = false) {
            self.word = word
            self.inTitle = inTitle
            self.inText = inText
            self.inCommittee = inCommittee
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            word = try c.decode(String.self, forKey: .word)
            inTitle = try c.decode(Bool.self, forKey: .inTitle)
            inText = try c.decode(Bool.self, forKey: .inText)
            inCommittee = try c.decodeIfPresent(Bool.self, forKey: .inCommittee) ?? false
        }

        enum CodingKeys: String, CodingKey {
            case word
            case inTitle = "in_title"
            case inText = "in_text"
            case inCommittee = "in_committee"
        }
    }

    /// The query's words (none for a query in the query syntax).
    public var words: [Word]
    /// The share of its weight the item kept: the procedural factor for standing business, else 1.
    public var weightKept: Double
    /// The weight added for recording a resolution, when the query asked for decisions.
    public var resolutionBonus: Double

    enum CodingKeys: String, CodingKey {
        case words
        case weightKept = "weight_kept"
        case resolutionBonus = "resolution_bonus"
    }
}

extension Searcher {
    /// Adds the explanations to `response`, the answer to `request`.
    func explain(_ response: inout SearchResponse, for request: SearchRequest, proximity: Bool) throws {
        let understood = QueryUnderstanding.understand(request.queryText)
        let bonus = understood.prefersResolutions ? ranking.resolutionPreference : 0
        response.explanation = QueryExplanation(
            understood: understood.text, question: understood.isQuestion, decisionWords: understood.decisionWords,
            matchedAnyWords: response.matchedAnyWords, proximity: proximity, k1: ranking.k1, b: ranking.b,
            proceduralFactor: ranking.proceduralFactor, resolutionBonus: bonus, proximityFactor: proximity ? ranking.proximityFactor : 0)
        let ids = try response.hits.map { hit in try database.postings(for: Schema.id.term(hit.id)).first ?? 0 }
        var held: [[HitExplanation.Word]] = Array(repeating: [], count: ids.count)
        for word in understood.words ?? [] {
            let lower = word.lowercased(), stem = stemmer.stem(lower)
            func holding(_ terms: [String]) throws -> [Bool] {
                var any = [Bool](repeating: false, count: ids.count)
                for term in terms {
                    for (n, has) in try database.documents(ids, haveTerm: term).enumerated() where has { any[n] = true }
                }
                return any
            }
            let title = try holding([Schema.title.prefix + lower, "Z" + Schema.title.prefix + stem])
            let text = try holding([lower, "Z" + stem])
            let committee = response.hits.map { hit in
                (hit.committee ?? "").lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                    .contains { $0 == lower || stemmer.stem(String($0)) == stem }
            }
            for n in ids.indices {
                held[n].append(HitExplanation.Word(word: word, inTitle: title[n], inText: text[n], inCommittee: committee[n]))
            }
        }
        for n in response.hits.indices {
            let hit = response.hits[n]
            let kept = request.weighsDownProcedural && hit.procedural ? ranking.proceduralFactor : 1
            response.hits[n].explanation = HitExplanation(words: held[n], weightKept: kept, resolutionBonus: hit.resolved ? bonus : 0)
        }
    }
}
