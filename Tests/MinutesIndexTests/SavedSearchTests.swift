import Foundation
import MinutesIngest
import Testing
@testable import MinutesIndex

/// Saved searches live in the index's metadata: managed by the indexer, read by a searcher,
/// matched against each newly indexed file, and carried along when the index is copied.
@Suite struct SavedSearchTests {
    private let index: TemporaryIndex
    private let indexer: Indexer

    init() throws {
        index = try TemporaryIndex()
        indexer = try Indexer(path: index.path)
        try indexer.index(SampleDocuments.meetings[0], path: "/corpus/before.txt")  // indexed before the search was saved
        try indexer.addSavedSearch(name: "ehe", request: SearchRequest(query: "\"home education\"", committees: ["Cabinet"]))
        try indexer.commit()
    }

    @Test func aSavedSearchIsListedWithItsFilters() throws {
        let searcher = try Searcher(path: index.path)
        let saved = try #require(try searcher.savedSearchStore.savedSearch(named: "ehe"))
        #expect(saved.query == "\"home education\"")
        #expect(saved.filters.committees == ["Cabinet"])
        #expect(try searcher.savedSearchStore.list().map(\.name) == ["ehe"])
        #expect(try searcher.savedSearchStore.matches(of: "ehe") == [], "items indexed before it was saved are not matches")
        #expect(try searcher.savedSearchStore.matches(of: "nothing-saved") == nil)
    }

    @Test func aMatchingDocumentIsRecordedAndANonMatchingOneIsNot() throws {
        try indexer.index(SampleDocuments.meetings[1], path: "/corpus/libraries.txt")  // no home education
        try indexer.commit()
        #expect(try Searcher(path: index.path).savedSearchStore.matches(of: "ehe") == [])

        let before = Date()
        try indexer.index(SampleDocuments.meetings[2], path: "/corpus/cabinet.txt")
        try indexer.commit()
        let matches = try #require(try Searcher(path: index.path).savedSearchStore.matches(of: "ehe"))
        #expect(matches.map(\.itemID) == ["cabinet:1.1"])
        let match = try #require(matches.first)
        #expect(match.id == "ehe/cabinet:1.1")
        #expect(match.title == "HOME EDUCATION POLICY")
        #expect(match.committee == "Cabinet")
        #expect(match.meetingDate == MeetingDate(iso: "2024-11-05"))
        #expect(match.excerpt == "Cabinet approved the policy for families who home educate.")
        #expect(match.matchedAt.timeIntervalSince1970 >= before.timeIntervalSince1970 - 1)

        // Re-indexing the same file does not record the item a second time.
        try indexer.index(SampleDocuments.meetings[2], path: "/corpus/cabinet.txt")
        try indexer.commit()
        #expect(try Searcher(path: index.path).savedSearchStore.matches(of: "ehe")?.count == 1)
    }

    @Test func matchesAreNewestFirstAndCapped() throws {
        try indexer.addSavedSearch(name: "transport", request: SearchRequest(query: "transport"))
        for n in 0..<3 {
            try indexer.index(SampleDocuments.minutes(date: "2025-0\(n + 1)-10", items: [
                ("\(n)", "SCHOOL TRANSPORT \(n)", "Transport costs were discussed.", []),
            ]), path: "/corpus/t\(n).txt")
        }
        try indexer.commit()
        #expect(try indexer.savedSearches.matches(of: "transport")?.map(\.itemID) == ["t2:1.1", "t1:1.1", "t0:1.1"])
    }

    @Test func aCopiedIndexKeepsItsSavedSearchesAndMatches() throws {
        try indexer.index(SampleDocuments.meetings[2], path: "/corpus/cabinet.txt")
        try indexer.commit()
        let copy = try TemporaryIndex()
        try FileManager.default.copyItem(atPath: index.path, toPath: copy.path)
        let searcher = try Searcher(path: copy.path)
        #expect(try searcher.savedSearchStore.list().map(\.name) == ["ehe"])
        #expect(try searcher.savedSearchStore.matches(of: "ehe")?.map(\.itemID) == ["cabinet:1.1"])
    }

    @Test func removingASavedSearchRemovesItsMatches() throws {
        try indexer.index(SampleDocuments.meetings[2], path: "/corpus/cabinet.txt")
        #expect(try indexer.removeSavedSearch(name: "ehe"))
        #expect(try !indexer.removeSavedSearch(name: "ehe"))
        try indexer.commit()
        let searcher = try Searcher(path: index.path)
        #expect(try searcher.savedSearchStore.list() == [])
        #expect(try searcher.savedSearchStore.matches(of: "ehe") == nil)
        #expect(try searcher.database.metadataKeys(withPrefix: "quorum.saved") == [])
    }

    @Test func badNamesAndRequestsAreRefused() throws {
        let error = #expect(throws: (any Error).self) {
            try indexer.addSavedSearch(name: "../feed", request: SearchRequest(query: "x"))
        }
        if let error {
            if case IndexError.invalidParameter(name: "name", _)? = error as? IndexError {} else { Issue.record("\(error)") }
        }
        #expect(throws: (any Error).self) {
            // A kind no search knows is refused where text becomes a request.
            try indexer.addSavedSearch(name: "ok", request: SearchRequest(queryItems: [URLQueryItem(name: "q", value: "x"),
                                                                                      URLQueryItem(name: "kind", value: "nonsense")]))
        }
        #expect(try indexer.savedSearches.list().map(\.name) == ["ehe"])
    }
}

private extension Searcher {
    /// The saved searches as this searcher's read handle sees them.
    var savedSearchStore: SavedSearchStore { SavedSearchStore(database: database) }
}
