import Testing
import Xapian

/// `Query.sample(oneIn:seed:)`: the hashed document sample facet estimates are counted over.
@Suite struct SampleQueryTests {
    let tmp = TemporaryDirectory()

    /// 8,000 documents indexed in date order — 400 per year over 2000–2019, as a bulk load of an
    /// archive would number them — each with the term "all", and "even" on every other one.
    func buildDatedIndex() throws -> WritableDatabase {
        let database = try WritableDatabase(path: tmp.path("db"), mode: .createOrOverwrite)
        for index in 0..<8000 {
            let document = Document()
            document.addTerm("all")
            if index % 2 == 0 { document.addTerm("even") }
            document.setValue(String(2000 + index / 400), slot: Slot.date)
            _ = try database.addDocument(document)
        }
        try database.commit()
        return database
    }

    /// The year counts of the documents `query` matches, seen in full.
    func yearCounts(_ database: Database, _ query: Query) throws -> [String: Int] {
        let enquire = Enquire(database: database)
        enquire.query = query
        let spy = ValueCountMatchSpy(slot: Slot.date)
        enquire.addMatchSpy(spy)
        _ = try enquire.mset(offset: 0, limit: 0, checkAtLeast: database.documentCount)
        return Dictionary(uniqueKeysWithValues: spy.values.map { ($0.value, $0.count) })
    }

    @Test func theSampleIsAboutOneInRateAndSpreadOverEveryYear() throws {
        let database = try buildDatedIndex()
        let sampled = try yearCounts(database, Query(.filter, [Query(term: "all"), .sample(oneIn: 8)]))
        let total = sampled.values.reduce(0, +)
        // 1,000 expected; a binomial standard deviation is 30, so ±120 is four of them.
        #expect((880...1120).contains(total), "sampled \(total) of 8000 at 1 in 8")
        // Every year is represented near its share (50 expected, sd 6.6): a sample of the lowest
        // ids — what stopping a match early gives — would have only the first years.
        #expect(sampled.count == 20)
        for (year, count) in sampled {
            #expect((24...76).contains(count), "\(year): \(count) sampled, 50 expected")
        }
    }

    @Test func itCombinesWithOtherTermsAndIsTheSameEveryTime() throws {
        let database = try buildDatedIndex()
        let query = Query(.filter, [Query(term: "even"), try .sample(oneIn: 4)])
        let first = try yearCounts(database, query)
        let again = try yearCounts(database, Query(.filter, [Query(term: "even"), try .sample(oneIn: 4)]))
        #expect(first == again, "the same documents are picked every time")
        let total = first.values.reduce(0, +)
        #expect((880...1120).contains(total), "sampled \(total) of 4000 at 1 in 4")  // sd 27

        let reseeded = try yearCounts(database, Query(.filter, [Query(term: "even"), try .sample(oneIn: 4, seed: 7)]))
        #expect(reseeded != first, "another seed picks other documents")
    }

    @Test func oneInOneIsEverythingAndOtherRatesAreRefused() throws {
        let database = try buildDatedIndex()
        let all = try yearCounts(database, Query(.filter, [Query(term: "all"), try .sample(oneIn: 1)]))
        #expect(all.values.reduce(0, +) == 8000)
        #expect(all.values.allSatisfy { $0 == 400 })

        #expect(throws: XapianError.self) { try Query.sample(oneIn: 3) }
        #expect(throws: XapianError.self) { try Query.sample(oneIn: 0) }
    }
}
