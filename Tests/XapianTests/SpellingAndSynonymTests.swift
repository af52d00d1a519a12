import Testing
import Xapian

/// Spelling data from indexed text, corrected queries, and synonyms in the parser.
@Suite struct SpellingAndSynonymTests {
    let tmp = TemporaryDirectory()

    @Test func spellingSuggestionFromIndexedText() throws {
        let path = tmp.path("db")
        try buildSampleIndex(at: path)   // its generator has the .spelling flag
        let reader = try Database(path: path)
        #expect(try reader.spellingSuggestion(for: "educaton") == "education")
        #expect(try reader.spellingSuggestion(for: "libary") == "library")
        #expect(try reader.spellingSuggestion(for: "zzzzzzzz") == "")
    }

    @Test func addedAndRemovedSpellings() throws {
        let db = try WritableDatabase(path: tmp.path("db"))
        try db.addSpelling("scrutiny", frequencyIncrement: 3)
        try db.commit()
        #expect(try db.spellingSuggestion(for: "scrutiy") == "scrutiny")
        try db.removeSpelling("scrutiny", frequencyDecrement: 3)
        try db.commit()
        #expect(try db.spellingSuggestion(for: "scrutiy") == "")
    }

    @Test func correctedQueryString() throws {
        let path = tmp.path("db")
        try buildSampleIndex(at: path)
        let parser = try makeParser(database: Database(path: path))
        _ = try parser.parse("educaton policy", flags: [.defaultFlags, .spellingCorrection])
        #expect(parser.correctedQueryString == "education policy")
        _ = try parser.parse("education policy", flags: [.defaultFlags, .spellingCorrection])
        #expect(parser.correctedQueryString == "")
    }

    @Test func synonymsExpandParsedQueries() throws {
        let path = tmp.path("db")
        let db = try buildSampleIndex(at: path)
        try db.addSynonym("potholes", for: "roads")
        try db.addSynonym("highways", for: "roads")
        try db.addSynonym("ehe", for: "education")
        try db.commit()

        let reader = try Database(path: path)
        #expect(try reader.synonyms(of: "roads") == ["highways", "potholes"])
        #expect(try reader.synonymKeys(withPrefix: "r") == ["roads"])

        let parser = QueryParser()   // unstemmed, so synonym keys are the plain words
        parser.setDatabase(reader)
        let expanded = try parser.parse("~roads", flags: [.defaultFlags, .synonym])
        #expect(expanded.description.contains("SYNONYM"))
        #expect(expanded.description.contains("potholes"))
        #expect(try searchIDs(reader, expanded) == ["m5"])

        let plain = try parser.parse("roads", flags: .defaultFlags)
        #expect(try searchIDs(reader, plain).isEmpty, "without the flag there is no expansion")

        try db.removeSynonym("highways", for: "roads")
        try db.clearSynonyms(for: "education")
        try db.commit()
        try reader.reopen()
        #expect(try reader.synonyms(of: "roads") == ["potholes"])
        #expect(try reader.synonyms(of: "education") == [])
    }
}
