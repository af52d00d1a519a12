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
        "question": 0.80, "acronym": 0.72, "two-word": 0.84, "misspelling": 0.76, "other-councils": 0.87,
    ]
    static let overallFloor = 0.81

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
