import Testing
import Xapian

/// Facet counts from ValueCountMatchSpy.
@Suite struct MatchSpyTests {
    let tmp = TemporaryDirectory()

    @Test func countsSumToTheMatchedDocuments() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let enquire = Enquire(database: db)
        enquire.query = .matchAll
        let spy = ValueCountMatchSpy(slot: Slot.committee)
        enquire.addMatchSpy(spy)
        let mset = try enquire.mset(offset: 0, limit: 1, checkAtLeast: db.documentCount)

        #expect(spy.documentsSeen == 5)
        #expect(mset.matchesEstimated == 5)
        #expect(spy.values.map(\.value) == ["cabinet", "planning", "scrutiny"])
        #expect(spy.values.map(\.count) == [2, 1, 2])
        #expect(spy.values.reduce(0) { $0 + $1.count } == spy.documentsSeen)
        let top = spy.topValues(2)
        #expect(top.count == 2)
        #expect(top.allSatisfy { $0.count == 2 })
        #expect(Set(top.map(\.value)) == ["cabinet", "scrutiny"])
    }

    @Test func spiesSeeOnlyMatches() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let enquire = Enquire(database: db)
        enquire.query = try makeParser().parse("education")
        let committees = ValueCountMatchSpy(slot: Slot.committee)
        let meetings = ValueCountMatchSpy(slot: Slot.meeting)
        enquire.addMatchSpy(committees)
        enquire.addMatchSpy(meetings)
        _ = try enquire.mset(offset: 0, limit: 10, checkAtLeast: 100)
        #expect(committees.documentsSeen == 4)
        #expect(committees.topValues(10).map(\.count) == [2, 2])
        #expect(meetings.topValues(1).first?.value == "cab-2020-01")
        #expect(meetings.topValues(1).first?.count == 2)

        enquire.clearMatchSpies()
        let fresh = ValueCountMatchSpy(slot: Slot.committee)
        _ = try enquire.mset(offset: 0, limit: 10)
        #expect(fresh.documentsSeen == 0)
        #expect(committees.documentsSeen == 4, "a cleared spy is no longer fed")
    }
}
