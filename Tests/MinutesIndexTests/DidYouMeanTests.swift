import Foundation
import MinutesIngest
import XCTest
@testable import MinutesIndex

/// "Did you mean": a misspelt query with few hits is offered the correction from the indexed
/// words, with how many items that finds; a query spelt right is offered nothing.
final class DidYouMeanTests: XCTestCase {
    private var index: TemporaryIndex!
    private var searcher: Searcher!

    override func setUpWithError() throws {
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

    func testAMisspeltTopicIsCorrectedWithTheCorrectionsCount() throws {
        let response = try searcher.search(SearchRequest(query: "elective home educaton"))
        XCTAssertEqual(response.total, 0)
        XCTAssertEqual(response.correctedQuery, "elective home education")
        XCTAssertEqual(response.correctedTotal, 2)
    }

    func testAMisspeltCouncillorIsCorrected() throws {
        let response = try searcher.search(SearchRequest(query: "Pitchly"))
        XCTAssertEqual(response.total, 0)
        XCTAssertEqual(response.correctedQuery, "pitchley")
        XCTAssertEqual(response.correctedTotal, 2)
    }

    func testACorrectQueryIsOfferedNothing() throws {
        let response = try searcher.search(SearchRequest(query: "elective home education"))
        XCTAssertEqual(response.total, 2)
        XCTAssertNil(response.correctedQuery)
        XCTAssertNil(response.correctedTotal)
        let rare = try searcher.search(SearchRequest(query: "secondary"))
        XCTAssertEqual(rare.total, 1, "one hit, but spelt as indexed: nothing to correct")
        XCTAssertNil(rare.correctedQuery)
    }

    func testTheCorrectionSurvivesJSON() throws {
        let response = try searcher.search(SearchRequest(query: "educaton"))
        let json = try JSONEncoder().encode(response)
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        XCTAssertEqual(object?["corrected_query"] as? String, "education")
        XCTAssertEqual(object?["corrected_total"] as? Int, 3)
        XCTAssertEqual(try JSONDecoder().decode(SearchResponse.self, from: json), response)
    }
}
