import Foundation
import MinutesIngest
import Testing
@testable import MinutesIndex

/// Procedural items are found, listed by `kind:procedural`, ranked below substantive items and
/// can be left out.
@Suite struct ProceduralSearchTests {
    private let index: TemporaryIndex

    init() throws {
        index = try TemporaryIndex()
        var minutes = SampleDocuments.minutes(date: "2024-05-01", items: [
            ("1", "DECLARATIONS OF INTEREST", "There were no declarations of interest.", []),
            ("2", "CODE OF CONDUCT REVIEW", """
                The Monitoring Officer presented the review of the members' code of conduct, covering gifts and \
                hospitality, the register of interests, training for new members, complaints handling, and how \
                declarations of interest at meetings should be recorded in future, with examples from other councils.
                """, ["That the revised code be recommended to Council."]),
            ("3", "MINUTES OF THE PREVIOUS MEETING", "The minutes of the meeting held on 2 April were approved.", []),
        ])
        minutes.sections[0].items[0].isProcedural = true
        minutes.sections[0].items[2].isProcedural = true
        let indexer = try Indexer(path: index.path)
        try indexer.index(minutes, path: "/corpus/p.txt")
        try indexer.commit()
    }

    private func search(_ request: SearchRequest) throws -> [SearchHit] {
        try Searcher(path: index.path).search(request).hits
    }

    @Test func kindProceduralListsProceduralItemsOnly() throws {
        #expect(Set(try search(SearchRequest(query: "kind:procedural")).map(\.id)) == ["p:1.1", "p:1.3"])
        #expect(Set(try search(SearchRequest(kinds: [.procedural])).map(\.id)) == ["p:1.1", "p:1.3"])
        #expect(Set(try search(SearchRequest(query: "kind:minutes")).map(\.id)) == ["p:1.1", "p:1.2", "p:1.3"],
                "the section kind stays")
    }

    @Test func hitsSayWhetherTheyAreProcedural() throws {
        let hits = try search(SearchRequest(query: "meeting OR conduct OR declarations"))
        #expect(Dictionary(uniqueKeysWithValues: hits.map { ($0.id, $0.procedural) }) ==
                ["p:1.1": true, "p:1.2": false, "p:1.3": true])
        let record = try Searcher(path: index.path).item(id: "p:1.1")
        #expect(record.procedural)
    }

    @Test func aSubstantiveItemIsNotBuriedUnderProceduralOnes() throws {
        // The procedural item is short and names the words in its title: unweighted, it would win.
        let hits = try search(SearchRequest(query: "declarations of interest"))
        #expect(hits.map(\.id).prefix(2) == ["p:1.2", "p:1.1"])
        let phrase = try search(SearchRequest(query: "\"declarations of interest\""))
        #expect(phrase.map(\.id) == ["p:1.2", "p:1.1"])
    }

    @Test func proceduralItemsCanBeLeftOut() throws {
        #expect(try search(SearchRequest(query: "declarations", excludeProcedural: true)).map(\.id) == ["p:1.2"])
        #expect(try search(SearchRequest(excludeProcedural: true)).map(\.id) == ["p:1.2"])
    }
}
