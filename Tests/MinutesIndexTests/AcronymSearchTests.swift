import Foundation
import MinutesIngest
import XCTest
@testable import MinutesIndex

/// Acronyms mined at indexing time find the items that use the other form, on a real index.
final class AcronymSearchTests: XCTestCase {
    private var index: TemporaryIndex!

    /// d: defines EHE; a: says only "EHE"; s: only spells it out; o: neither.
    private let documents: [(String, MinutesDocument)] = [
        ("d", SampleDocuments.minutes(date: "2020-02-04", items: [
            ("5", "BRIEFING", "The Elective Home Education (EHE) team reported on 300 families.", [])])),
        ("a", SampleDocuments.minutes(date: "2021-02-04", items: [
            ("6", "EHE UPDATE", "EHE numbers rose again this year.", [])])),
        ("s", SampleDocuments.minutes(date: "2022-02-04", items: [
            ("7", "FAMILY SUPPORT", "Families choosing elective home education were offered visits.", [])])),
        ("o", SampleDocuments.minutes(date: "2023-02-04", items: [
            ("8", "LIBRARIES", "Library opening hours were extended.", [])])),
    ]

    override func setUpWithError() throws {
        index = try TemporaryIndex()
        let indexer = try Indexer(path: index.path)
        for (name, document) in documents { try indexer.index(document, path: "/corpus/\(name).txt") }
        try indexer.commit()
    }

    private func ids(_ query: String) throws -> [String] {
        try Searcher(path: index.path).search(SearchRequest(query: query)).hits.map(\.id)
    }

    func testTheAcronymFindsItemsThatOnlySpellItOutRankedBelowExactMatches() throws {
        let hits = try ids("EHE")
        XCTAssertEqual(Set(hits), ["d:1.1", "a:1.1", "s:1.1"])
        XCTAssertEqual(hits.last, "s:1.1", "the item that only spells it out comes after those that say EHE")
        XCTAssertEqual(Set(try ids("ehe")), ["d:1.1", "a:1.1", "s:1.1"])
    }

    func testTheSpelledOutPhraseFindsItemsThatOnlySayTheAcronym() throws {
        for query in ["\"elective home education\"", "elective home education", "Elective Home Education"] {
            let hits = try ids(query)
            XCTAssertEqual(Set(hits), ["d:1.1", "a:1.1", "s:1.1"], query)
            XCTAssertEqual(hits.last, "a:1.1", "\(query): the item that only says EHE comes last")
        }
    }

    func testOtherWordsStillApply() throws {
        XCTAssertEqual(Set(try ids("EHE families")), ["d:1.1", "s:1.1"])
        XCTAssertEqual(Set(try ids("EHE -families")), ["a:1.1"])
        XCTAssertEqual(try ids("title:EHE"), ["a:1.1"], "a prefixed word is not expanded")
    }

    func testTheIndexListsWhatWasMinedAndKeepsItAsSynonyms() throws {
        let searcher = try Searcher(path: index.path)
        XCTAssertEqual(try searcher.acronyms(), [Acronym(acronym: "EHE", expansion: "Elective Home Education", sourceCount: 1)])
        XCTAssertEqual(try searcher.database.synonyms(of: "ehe"), ["elective home education"])
        XCTAssertEqual(try searcher.database.synonyms(of: "elective home education"), ["ehe"])
    }

    func testNewDocumentsUpdateTheListAndRemovedOnesLeaveIt() throws {
        do {
            let indexer = try Indexer(path: index.path)
            try indexer.index(SampleDocuments.minutes(date: "2024-01-01", items: [
                ("9", "SEND", "Special Educational Needs and Disabilities (SEND) and Elective Home Education (EHE).", [])]),
                path: "/corpus/n.txt")
            try indexer.commit()
        }
        var listed = try Searcher(path: index.path).acronyms()
        XCTAssertEqual(listed.map(\.acronym), ["EHE", "SEND"])
        XCTAssertEqual(listed.first?.sourceCount, 2)
        XCTAssertEqual(Set(try ids("SEND")), ["n:1.1"])

        let indexer = try Indexer(path: index.path)
        XCTAssertTrue(try indexer.removeSource(atPath: "/corpus/d.txt"))
        XCTAssertTrue(try indexer.removeSource(atPath: "/corpus/n.txt"))
        try indexer.commit()
        listed = try Searcher(path: index.path).acronyms()
        XCTAssertEqual(listed, [])
        XCTAssertEqual(try Searcher(path: index.path).database.synonyms(of: "ehe"), [])
        XCTAssertEqual(try ids("EHE"), ["a:1.1"], "with no definition left, EHE finds only itself")
    }
}
