import Foundation
import Testing
@testable import MinutesIndex

/// The larger judged set (`Judgements/judged-queries.json`): questions typed as sentences,
/// acronyms, two-word topics, misspellings and queries over the other councils' whole
/// documents, judged by reading the items of an index of the corpus and those documents. Floors
/// overall and per kind of query, a little below today's figures (docs/RELEVANCE.md), so that a
/// change that makes one kind worse fails here even when the mean holds.
@Suite struct QueryClassRelevanceTests {
    static let floors: [String: Double] = [
        "question": 0.84, "acronym": 0.85, "two-word": 0.84, "misspelling": 0.85, "other-councils": 0.88,
    ]
    static let overallFloor = 0.86

    @Test func everyKindOfQueryMeetsItsFloor() throws {
        let (index, searcher) = try CorpusIndex.build(otherCouncils: true)
        _ = index
        let evaluation = try RelevanceEvaluation(contentsOf: CorpusIndex.judgements.appendingPathComponent("judged-queries.json"))
        #expect(evaluation.queries.count >= 80)
        for judged in evaluation.queries {
            #expect(judged.queryClass != nil, "\(judged.query): every query has a kind")
            for id in judged.relevant { #expect(throws: Never.self, "\(judged.query): \(id)") { try searcher.item(id: id) } }
        }
        let report = try evaluation.run(with: searcher)
        print("Relevance by kind of query:\n\(report.table)")
        #expect(report.ndcg >= Self.overallFloor, "\(report.summary)")
        for (name, floor) in Self.floors {
            let figures = try #require(report.figures(of: name), "no query of kind \(name)")
            #expect(figures.ndcg >= floor, "\(name): \(figures)")
        }
    }
}

/// `explain=true`: the answer says how the query was read, and each hit which words it holds
/// where and what factors its weight got, as the ranking applied them.
@Suite struct SearchExplanationTests {
    @Test func aQuestionIsExplainedAndEachHitSaysWhereItHoldsTheWords() throws {
        let (index, searcher) = try CorpusIndex.build()
        _ = index
        var request = SearchRequest(query: "were the elective home education recommendations approved", limit: 5)
        request.explains = true
        let response = try searcher.search(request)
        let explanation = try #require(response.explanation)
        #expect(explanation.understood == "elective home education")
        #expect(explanation.question)
        #expect(explanation.decisionWords == ["recommendations", "approved"])
        #expect(explanation.resolutionBonus == searcher.ranking.resolutionPreference)
        #expect(!response.hits.isEmpty)
        for hit in response.hits {
            let why = try #require(hit.explanation)
            #expect(why.words.map(\.word) == ["elective", "home", "education"])
            #expect(why.words.allSatisfy { $0.inTitle || $0.inText }, "\(hit.id): an all-words match holds every word")
            #expect(why.resolutionBonus == (hit.resolved ? explanation.resolutionBonus : 0))
            #expect(why.weightKept == (hit.procedural ? searcher.ranking.proceduralFactor : 1))
        }
        // The draft policy's minute has every word in its title; the absences update only "education".
        let policy = try #require(response.hits.first { $0.item.title == "DRAFT ELECTIVE HOME EDUCATION POLICY" }?.explanation)
        #expect(policy.words.allSatisfy { $0.inTitle })
        let absences = try #require(response.hits.first { $0.item.title == "ABSENCES FROM EDUCATION UPDATE" }?.explanation)
        #expect(absences.words.map(\.inTitle) == [false, false, true])
        let plain = try searcher.search(SearchRequest(query: "elective home education", limit: 5))
        #expect(plain.explanation == nil && plain.hits.allSatisfy { $0.explanation == nil })
        // The codec carries it.
        #expect(try SearchRequest(queryItems: request.queryItems).explains)
    }
}
