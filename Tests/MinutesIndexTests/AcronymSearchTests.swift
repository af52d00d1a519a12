import Foundation
import MinutesIngest
import Testing
@testable import MinutesIndex

/// Acronyms mined at indexing time find the items that use the other form, on a real index.
@Suite struct AcronymSearchTests {
    private let index: TemporaryIndex

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

    init() throws {
        index = try TemporaryIndex()
        let indexer = try Indexer(path: index.path)
        for (name, document) in documents { try indexer.index(document, path: "/corpus/\(name).txt") }
        try indexer.commit()
    }

    private func ids(_ query: String) throws -> [String] {
        try Searcher(path: index.path).search(SearchRequest(query: query)).hits.map(\.id)
    }

    @Test func theAcronymFindsItemsThatOnlySpellItOutRankedBelowExactMatches() throws {
        let hits = try ids("EHE")
        #expect(Set(hits) == ["d:1.1", "a:1.1", "s:1.1"])
        #expect(hits.last == "s:1.1", "the item that only spells it out comes after those that say EHE")
        #expect(Set(try ids("ehe")) == ["d:1.1", "a:1.1", "s:1.1"])
    }

    @Test func theSpelledOutPhraseFindsItemsThatOnlySayTheAcronym() throws {
        for query in ["\"elective home education\"", "elective home education", "Elective Home Education"] {
            let hits = try ids(query)
            #expect(Set(hits) == ["d:1.1", "a:1.1", "s:1.1"], "\(query)")
            #expect(hits.last == "a:1.1", "\(query): the item that only says EHE comes last")
        }
    }

    @Test func otherWordsStillApply() throws {
        // Few items hold both words, so any of them match; the item holding both as typed comes first.
        let relaxed = try ids("EHE families")
        #expect(relaxed.first == "d:1.1")
        #expect(Set(relaxed) == ["d:1.1", "a:1.1", "s:1.1"])
        #expect(Set(try ids("EHE AND families")) == ["d:1.1", "s:1.1"])
        #expect(Set(try ids("EHE -families")) == ["a:1.1"])
        #expect(try ids("title:EHE") == ["a:1.1"], "a prefixed word is not expanded")
    }

    @Test func theIndexListsWhatWasMinedAndKeepsItAsSynonyms() throws {
        let searcher = try Searcher(path: index.path)
        #expect(try searcher.acronyms() == [Acronym(acronym: "EHE", expansion: "Elective Home Education", sourceCount: 1)])
        #expect(try searcher.database.synonyms(of: "ehe") == ["elective home education"])
        #expect(try searcher.database.synonyms(of: "elective home education") == ["ehe"])
    }

    @Test func newDocumentsUpdateTheListAndRemovedOnesLeaveIt() throws {
        do {
            let indexer = try Indexer(path: index.path)
            try indexer.index(SampleDocuments.minutes(date: "2024-01-01", items: [
                ("9", "SEND", "Special Educational Needs and Disabilities (SEND) and Elective Home Education (EHE).", [])]),
                path: "/corpus/n.txt")
            try indexer.commit()
        }
        var listed = try Searcher(path: index.path).acronyms()
        #expect(listed.map(\.acronym) == ["EHE", "SEND"])
        #expect(listed.first?.sourceCount == 2)
        #expect(Set(try ids("SEND")) == ["n:1.1"])

        let indexer = try Indexer(path: index.path)
        #expect(try indexer.removeSource(atPath: "/corpus/d.txt"))
        #expect(try indexer.removeSource(atPath: "/corpus/n.txt"))
        try indexer.commit()
        listed = try Searcher(path: index.path).acronyms()
        #expect(listed == [])
        #expect(try Searcher(path: index.path).database.synonyms(of: "ehe") == [])
        #expect(try ids("EHE") == ["a:1.1"], "with no definition left, EHE finds only itself")
    }

    @Test func anAcronymNoDocumentDefinesFindsTheFormAnotherPrints() throws {
        // One file says "PRU" only; two others print "Pupil Referral Unit" without the acronym;
        // a third prints another form with the same initials once.
        let indexer = try Indexer(path: index.path)
        try indexer.index(SampleDocuments.minutes(date: "2020-03-01", items: [
            ("10", "RESP PRIORITIES", "Places at the PRU were reviewed.", [])]), path: "/corpus/p.txt")
        try indexer.index(SampleDocuments.minutes(date: "2024-03-01", items: [
            ("11", "ABSENCES", "Excluded pupils attend the Aspire Pupil Referral Unit.", []),
            ("12", "SEND", "The Pupil Referral Unit offers part-time timetables.", []),
            ("13", "PLANNING", "The Planning Review Update was circulated.", [])]), path: "/corpus/q.txt")
        try indexer.commit()

        let hits = try ids("PRU")
        #expect(hits.first == "p:1.1", "the item that says PRU comes first")
        #expect(Set(hits) == ["p:1.1", "q:1.1", "q:1.2"], "the form most printed is the one used, not the Planning Review Update")
        // And the other way: the spelled-out form finds the bare acronym.
        let spelled = try ids("pupil referral unit")
        #expect(Set(spelled) == ["p:1.1", "q:1.1", "q:1.2"])
        #expect(spelled.last == "p:1.1")
        // Typed in small letters, a word is a word: "pru" is not guessed at.
        #expect(try ids("pru") == ["p:1.1"])
    }
}
