import Testing
import Xapian

/// Running queries: sorting, collapsing, counts, paging and relevance feedback.
@Suite struct EnquireTests {
    let tmp = TemporaryDirectory()

    @Test func sortByValueAscendingAndDescending() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let ascending = try searchIDs(db, .matchAll) { $0.sortByValue(Slot.date, descending: false) }
        #expect(ascending == ["m5", "m1", "m2", "m4", "m3"])
        let descending = try searchIDs(db, .matchAll) { $0.sortByValue(Slot.date, descending: true) }
        #expect(descending.first == "m3")
        #expect(descending.last == "m5")
        #expect(Set(descending[2...3]) == ["m1", "m2"])
    }

    @Test func relevanceThenValueBreaksTies() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let ids = try searchIDs(db, Query(term: "XCscrutiny").or(Query(term: "XCcabinet"))) {
            $0.setWeightingScheme(.boolean)
            $0.sortByRelevanceThenValue(Slot.date, descending: true)
        }
        #expect(ids == ["m3", "m4", "m1", "m2"])
        let byValueThenRelevance = try searchIDs(db, .matchAll) { $0.sortByValueThenRelevance(Slot.committee, descending: false) }
        #expect(byValueThenRelevance.last == "m4" || byValueThenRelevance.last == "m3")
        #expect(byValueThenRelevance[2] == "m5")
    }

    @Test func docidOrderWithBooleanWeighting() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let descending = try searchIDs(db, .matchAll) {
            $0.setWeightingScheme(.boolean)
            $0.docidOrder = .descending
        }
        #expect(descending == ["m5", "m4", "m3", "m2", "m1"])
        let ascending = try searchIDs(db, .matchAll) { $0.docidOrder = .ascending }
        #expect(ascending == ["m1", "m2", "m3", "m4", "m5"])
    }

    @Test func collapseKeyGivesOneHitPerMeeting() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let enquire = Enquire(database: db)
        enquire.query = .matchAll
        enquire.setCollapseKey(Slot.meeting)
        let hits = try enquire.mset(offset: 0, limit: 10).hits
        #expect(hits.count == 4)
        #expect(Set(hits.map(\.collapseKey)) == ["cab-2020-01", "scr-2021-03", "scr-2020-11", "pla-2019-06"])
        let cabinet = try #require(hits.first { $0.collapseKey == "cab-2020-01" })
        #expect(cabinet.collapseCount == 1, "one other cabinet item was folded into this hit")
        #expect(hits.filter { $0.collapseKey != "cab-2020-01" }.allSatisfy { $0.collapseCount == 0 })

        enquire.setCollapseKey(Slot.meeting, maxPerKey: 2)
        #expect(try enquire.mset(offset: 0, limit: 10).size == 5)
        enquire.setCollapseKey(nil)
        let uncollapsed = try enquire.mset(offset: 0, limit: 10).hits
        #expect(uncollapsed.count == 5)
        #expect(uncollapsed.allSatisfy { $0.collapseKey.isEmpty })
    }

    @Test func estimatesAndBounds() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let enquire = Enquire(database: db)
        enquire.query = try makeParser().parse("education")
        let exact = try enquire.mset(offset: 0, limit: 10, checkAtLeast: 100)
        #expect(exact.size == 4)
        #expect(exact.matchesLowerBound == 4)
        #expect(exact.matchesEstimated == 4)
        #expect(exact.matchesUpperBound == 4)

        let page = try enquire.mset(offset: 1, limit: 2)
        #expect(page.size == 2)
        #expect(page.matchesLowerBound <= page.matchesEstimated && page.matchesEstimated <= page.matchesUpperBound)
        #expect(page.matchesLowerBound >= 3 && page.matchesUpperBound <= 5)
        #expect(page.hits.map(\.rank) == [1, 2])
        #expect(page.hits == exact.hits.dropFirst().prefix(2).map { $0 })
        #expect(page.termFrequency("Zeduc") == 4)
    }

    @Test func hitsCarryWeightsAndPercentages() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let enquire = Enquire(database: db)
        enquire.query = try makeParser().parse("home education")
        let hits = try enquire.mset(offset: 0, limit: 10).hits
        #expect(hits.first?.percent == 100)
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.weight >= $1.weight })
        #expect(hits.allSatisfy { $0.weight > 0 && $0.documentID > 0 })
        #expect(throws: XapianError.self) { try enquire.mset(offset: 0, limit: 10).document(at: 99) }

        enquire.setWeightingScheme(.tfidf)
        #expect(try enquire.mset(offset: 0, limit: 10).size == hits.count)
        // Xapian's own BM25 default has k1 = 1; the Swift default is the textbook 1.2.
        enquire.setWeightingScheme(.bm25(k1: 1))
        #expect(try enquire.mset(offset: 0, limit: 10).hits == hits)
        enquire.setWeightingScheme(.bm25())
        let textbook = try enquire.mset(offset: 0, limit: 10).hits
        #expect(textbook.map(\.documentID) .count == hits.count)
        #expect(textbook.first?.weight != hits.first?.weight)
    }

    @Test func expandTermsFromRelevantDocuments() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let enquire = Enquire(database: db)
        enquire.query = Query(term: "potholes")
        let relevant = try db.postings(for: "Qm5")
        let terms = try enquire.expandTerms(relevantDocuments: relevant, limit: 50)
        let names = terms.map(\.term)
        #expect(names.contains("Zpothol"))
        #expect(names.contains("highways"))
        #expect(!names.contains("potholes"), "query terms are left out by default")
        #expect(!names.contains("budget"), "terms come from the relevant document only")
        #expect(zip(terms, terms.dropFirst()).allSatisfy { $0.weight >= $1.weight })
        let withQuery = try enquire.expandTerms(relevantDocuments: relevant, limit: 50, excludingQueryTerms: false)
        #expect(withQuery.map(\.term).contains("potholes"))
        #expect(try enquire.expandTerms(relevantDocuments: [], limit: 10).isEmpty)
    }
}
