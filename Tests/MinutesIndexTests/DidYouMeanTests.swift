import Foundation
import MinutesIngest
import Testing
@testable import MinutesIndex

/// "Did you mean": a misspelt query with few hits is offered the correction from the indexed
/// words, with how many items that finds; a query spelt right is offered nothing.
@Suite struct DidYouMeanTests {
    private let index: TemporaryIndex
    private let searcher: Searcher

    init() throws {
        index = try TemporaryIndex()
        let indexer = try Indexer(path: index.path)
        try indexer.index(SampleDocuments.minutes(date: "2023-02-14", items: [
            ("12", "ELECTIVE HOME EDUCATION", "Councillor Pitchley asked how many families chose elective home education.",
             ["That the elective home education report be noted."]),
            ("13", "HOME EDUCATION VISITS", "Officers visit each family that home educates once a year; Pitchley welcomed this.", []),
            ("14", "SCHOOL PLACES", "Demand for secondary school places rose again.", []),
        ]), path: "/corpus/a.txt")
        try indexer.index(SampleDocuments.minutes(date: "2024-03-19", items: [
            ("40", "ELECTIVE HOME EDUCATION ANNUAL REPORT", "The annual report on elective home education was presented.", []),
        ]), path: "/corpus/b.txt")
        try indexer.commit()
        searcher = try Searcher(path: index.path)
    }

    @Test func aMisspeltTopicIsCorrectedWithTheCorrectionsCount() throws {
        let response = try searcher.search(SearchRequest(query: "elective home educaton"))
        #expect(response.total == 0)
        #expect(response.correctedQuery == "elective home education")
        // What the correction finds when followed: the two items holding all its words, and
        // (few hold all of them) the one holding some.
        #expect(response.correctedTotal == 3)
    }

    @Test func aMisspeltCouncillorIsCorrected() throws {
        let response = try searcher.search(SearchRequest(query: "Pitchly"))
        #expect(response.total == 0)
        #expect(response.correctedQuery == "pitchley")
        #expect(response.correctedTotal == 2)
    }

    @Test func aCorrectQueryIsOfferedNothing() throws {
        let response = try searcher.search(SearchRequest(query: "elective home education"))
        #expect(response.hits.prefix(2).allSatisfy { $0.item.title.contains("ELECTIVE HOME EDUCATION") })
        #expect(response.matchedAnyWords, "two items hold all three words: the item on home education visits joins them")
        #expect(response.total == 3)
        #expect(response.correctedQuery == nil)
        #expect(response.correctedTotal == nil)
        let rare = try searcher.search(SearchRequest(query: "secondary"))
        #expect(rare.total == 1, "one hit, but spelt as indexed: nothing to correct")
        #expect(rare.correctedQuery == nil)
    }

    @Test func theCorrectionSurvivesJSON() throws {
        let response = try searcher.search(SearchRequest(query: "educaton"))
        let json = try JSONEncoder().encode(response)
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect(object?["corrected_query"] as? String == "education")
        #expect(object?["corrected_total"] as? Int == 3)
        #expect(try JSONDecoder().decode(SearchResponse.self, from: json) == response)
    }

    @Test("of two words one letter away, the correction takes the one that stands beside the query's other words")
    func theCorrectionIsCollatedWithTheOtherWords() throws {
        let index = try TemporaryIndex()
        let indexer = try Indexer(path: index.path)
        try indexer.index(SampleDocuments.minutes(date: "2023-05-16", items: [
            ("10", "QUESTION ON THE RYDER CUP", "Funding was allocated to the preparation of a Ryder Cup strategy.", []),
            ("11", "COMMUNITY GRANTS", "The wider community benefits from the grants; a wider review follows.", []),
            ("12", "PARKING", "Wider footways and a wider junction were proposed.", []),
            ("13", "CHILD PROTECTION", "The CPP numbers fell; each CPP was reviewed.", []),
        ]), path: "/corpus/adare.txt")
        try indexer.commit()
        let searcher = try Searcher(path: index.path)
        // "rider" is one letter from "wider" (three items) and "ryder" (one): only "ryder" stands
        // beside "cup". And "cup", which the index holds, is kept, though "cpp" is one letter away.
        let response = try searcher.search(SearchRequest(query: "Rider Cup"))
        #expect(response.total == 0)
        #expect(response.correctedQuery == "ryder Cup")
        #expect(response.correctedTotal == 1)
        // Alone, a word takes its commonest neighbour.
        #expect(try searcher.search(SearchRequest(query: "rider")).correctedQuery == "wider")
        #expect(SpellingCorrection.oneEditAway("cup").isSuperset(of: ["cp", "cpp", "cu", "up", "ucp", "cups", "scup"]))
        #expect(!SpellingCorrection.oneEditAway("cup").contains("cup"))
    }
}
