import Testing
import Xapian

/// Field prefixes, boolean filters and range processors in parsed queries.
@Suite struct QueryParserTests {
    let tmp = TemporaryDirectory()

    @Test func titlePrefix() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let parser = try makeParser()
        #expect(try searchIDs(db, parser.parse("title:education")) == ["m1"])
        #expect(Set(try searchIDs(db, parser.parse("education"))) == ["m1", "m2", "m3", "m4"])
    }

    @Test func booleanPrefixFilters() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let parser = try makeParser()
        let filtered = try parser.parse("education committee:scrutiny")
        #expect(filtered.description.contains("FILTER"))
        #expect(Set(try searchIDs(db, filtered)) == ["m3", "m4"])
        // Two values of the same field are ORed.
        #expect(Set(try searchIDs(db, parser.parse("education committee:scrutiny committee:cabinet"))) == ["m1", "m2", "m3", "m4"])
        // A filter on its own browses.
        #expect(try searchIDs(db, parser.parse("committee:planning")) == ["m5"])
    }

    @Test func booleanPrefixGroupingAndsDifferentGroups() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let parser = QueryParser()
        parser.addBooleanPrefix(field: "committee", prefix: "XC", grouping: "committee")
        parser.addBooleanPrefix(field: "item", prefix: "Q", grouping: "item")
        #expect(try searchIDs(db, parser.parse("committee:cabinet item:m2")) == ["m2"])
        #expect(try searchIDs(db, parser.parse("committee:scrutiny item:m2")).isEmpty)
    }

    /// A field processor gets the value with its quotes removed, and its queries filter like a
    /// boolean prefix's: ORed within the field, ANDed with the rest.
    @Test func fieldProcessorNormalisesValues() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let parser = QueryParser()
        nonisolated(unsafe) var seen: [String] = []
        parser.addFieldProcessor(field: "committee", boolean: true) { value in
            seen.append(value)
            return Query(term: "XC" + value.lowercased().replacingOccurrences(of: " ", with: "-"))
        }
        parser.addBooleanPrefix(field: "item", prefix: "Q")
        #expect(try searchIDs(db, parser.parse("committee:CABINET item:m2")) == ["m2"])
        #expect(try searchIDs(db, parser.parse("committee:Scrutiny item:m2")).isEmpty)
        let both = try parser.parse("committee:Cabinet committee:\"Improving Lives\"")
        #expect(both.description.contains("XCcabinet OR XCimproving-lives"), "\(both)")
        #expect(seen == ["CABINET", "Scrutiny", "Cabinet", "Improving Lives"])
    }

    /// A value the processor cannot read fails the parse as bad syntax does.
    @Test func fieldProcessorRefusal() throws {
        let parser = QueryParser()
        parser.addFieldProcessor(field: "year", boolean: true) { Int($0) == nil ? nil : Query(term: "Y" + $0) }
        #expect(try parser.parse("year:2024").description == "Query(0 * Y2024)")
        let error = #expect(throws: XapianError.self) { try parser.parse("year:soon") }
        #expect(error?.kind == .queryParser)
        #expect(error?.message.contains("year") == true)
    }

    /// Xapian 1.4's DateRangeProcessor checks the prefix on the start of the range only, then
    /// converts both ends (YYYY-MM-DD, YYYYMMDD or D/M/Y) to YYYYMMDD and compares the slot's
    /// values as strings, so the slot must hold YYYYMMDD.
    @Test func dateRangeOverYYYYMMDDSlot() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let parser = try makeParser()
        let range = try parser.parse("date:2020-01-01..2020-12-31")
        #expect(range.description == "Query(VALUE_RANGE 0 20200101 20201231)")
        #expect(Set(try searchIDs(db, range)) == ["m1", "m2", "m4"])
        #expect(try parser.parse("date:20200101..20201231").description == range.description)
        // Combined with words, the range filters them.
        #expect(Set(try searchIDs(db, parser.parse("education date:2020-06-01..2021-12-31"))) == ["m3", "m4"])
        // Without the prefix there is no matching processor.
        let error = try #require(throws: XapianError.self) { try parser.parse("2020-01-01..2020-12-31") }
        #expect(error.kind == .queryParser)
    }

    @Test func numberAndStringRanges() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let parser = QueryParser()
        parser.addRangeProcessor(.number(slot: Slot.pages, prefix: "pages:"))
        parser.addRangeProcessor(.string(slot: Slot.committee, prefix: "c:"))
        #expect(Set(try searchIDs(db, parser.parse("pages:5..12"))) == ["m1", "m4"])
        #expect(Set(try searchIDs(db, parser.parse("c:planning..scrutiny"))) == ["m3", "m4", "m5"])
    }

    @Test func suffixRange() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let parser = QueryParser()
        parser.addRangeProcessor(.number(slot: Slot.pages, prefix: "pp", flags: .suffix))
        #expect(Set(try searchIDs(db, parser.parse("20..40pp"))) == ["m3"])
    }

    @Test func defaultOperatorAndDefaultPrefix() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let parser = try makeParser()
        #expect(Set(try searchIDs(db, parser.parse("library highways"))) == ["m4", "m5"])
        parser.defaultOperator = .and
        #expect(try searchIDs(db, parser.parse("library highways")).isEmpty)
        #expect(try searchIDs(db, parser.parse("library closures")) == ["m4"])
        #expect(try searchIDs(db, parser.parse("transport", defaultPrefix: "S")) == ["m2"])
        #expect(throws: XapianError.self) { try parser.setDefaultOperator(.andNot) }
    }

    @Test func emptyQueryStringGivesEmptyQuery() throws {
        #expect(try QueryParser().parse("").isEmpty)
        #expect(!(try QueryParser().parse("word").isEmpty))
    }
}
