import Testing
import Xapian

/// Queries built by hand.
@Suite struct QueryTests {
    let tmp = TemporaryDirectory()

    @Test func combinationsDescribeThemselves() throws {
        let a = Query(term: "a"), b = Query(term: "b")
        #expect(Query(.and, [a, b]).description == "Query((a AND b))")
        #expect(a.or(b).description == "Query((a OR b))")
        #expect(a.andNot(b).description == "Query((a AND_NOT b))")
        #expect(a.filter(b).description == "Query((a FILTER b))")
        #expect(Query(.phrase, [Query(term: "home", position: 1), Query(term: "education", position: 2)])
            .description == "Query((home@1 PHRASE 2 education@2))")
        #expect(Query.matchNothing.isEmpty)
        #expect(!Query.matchAll.isEmpty)
        #expect(throws: XapianError.self) { try Query(combining: .valueRange, [a]) }
    }

    @Test func termAndCombinedQueriesMatch() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        #expect(try searchIDs(db, Query.matchAll).count == 5)
        #expect(try searchIDs(db, Query.matchNothing).isEmpty)
        let cabinetOrPlanning = Query(.or, [Query(term: "XCcabinet"), Query(term: "XCplanning")])
        #expect(Set(try searchIDs(db, cabinetOrPlanning)) == ["m1", "m2", "m5"])
        #expect(try searchIDs(db, Query(term: "Zeduc").filter(Query(term: "XCcabinet")).andNot(Query(term: "Qm1"))) == ["m2"])
        #expect(try searchIDs(db, Query(scaling: Query(term: "Zeduc"), by: 2).filter(Query(term: "XCscrutiny"))).count == 2)
    }

    @Test func valueQueries() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        #expect(Set(try searchIDs(db, .valueRange(slot: Slot.date, from: "20200101", to: "20201231"))) == ["m1", "m2", "m4"])
        #expect(Set(try searchIDs(db, .valueGreaterOrEqual(slot: Slot.date, "20201120"))) == ["m3", "m4"])
        #expect(try searchIDs(db, .valueLessOrEqual(slot: Slot.date, "20191231")) == ["m5"])
    }

    @Test func sortableSerialiseKeepsNumericOrder() {
        let values: [Double] = [-5, 0, 2, 10, 100.5]
        let encoded = values.map(sortableSerialise)
        #expect(encoded.map(sortableUnserialise) == values)
        #expect(encoded == encoded.sorted { $0.lexicographicallyPrecedes($1) })
    }
}
