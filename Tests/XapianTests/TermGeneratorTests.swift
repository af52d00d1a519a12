import Testing
import Xapian

/// Stemming, positions, phrases and the gap between fields.
@Suite struct TermGeneratorTests {
    let tmp = TemporaryDirectory()

    @Test func englishStemmer() throws {
        let stem = try Stem(language: "english")
        #expect(stem.stem("educated") == "educ")
        #expect(stem.stem("education") == "educ")
        #expect(stem.stem("closures") == "closur")
    }

    @Test func stemSomeGeneratesPlainAndZTerms() throws {
        let document = Document()
        let generator = try makeGenerator()
        generator.setDocument(document)
        generator.indexText("Educated members")
        #expect(document.terms == ["Zeduc", "Zmember", "educated", "members"])
        #expect(generator.termPosition == 2)
    }

    @Test func educatedFindsEducation() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let query = try makeParser().parse("educated")
        #expect(query.description.contains("Zeduc"))
        #expect(Set(try searchIDs(db, query)) == ["m1", "m2", "m3", "m4"])
    }

    @Test func phraseSearch() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let parser = try makeParser()
        #expect(Set(try searchIDs(db, parser.parse("\"home education\""))) == ["m1", "m2"])
        #expect(try searchIDs(db, parser.parse("\"education home\"")).isEmpty)
    }

    @Test func positionGapStopsPhrasesAcrossFields() throws {
        let db = try WritableDatabase(path: tmp.path("db"))
        let generator = try makeGenerator()
        for (id, gap) in [("gap", 100), ("nogap", 0)] {
            let document = Document()
            generator.setDocument(document)
            generator.termPosition = 0
            generator.indexText("Home education policy")
            generator.increaseTermPosition(by: gap)
            generator.indexText("Draft report")
            document.data = id
            try db.addDocument(document)
        }
        try db.commit()
        #expect(try searchIDs(db, makeParser().parse("\"policy draft\"")) == ["nogap"])
        #expect(Set(try searchIDs(db, makeParser().parse("policy draft"))) == ["gap", "nogap"])
    }

    /// Xapian 1.4 treats a phrase as AND when the database holds no positions at all, so a
    /// positional document sits beside the unpositioned one to show the per-document effect.
    @Test func withoutPositionsThereAreNoPhrases() throws {
        let db = try WritableDatabase(path: tmp.path("db"))
        let generator = try makeGenerator()
        for (id, positions) in [("flat", false), ("positional", true)] {
            let document = Document()
            generator.setDocument(document)
            if positions {
                generator.indexText("home education")
            } else {
                generator.indexTextWithoutPositions("home education")
            }
            document.data = id
            try db.addDocument(document)
        }
        try db.commit()
        let parser = try makeParser()
        #expect(Set(try searchIDs(db, parser.parse("home education"))) == ["flat", "positional"])
        #expect(try searchIDs(db, parser.parse("\"home education\"")) == ["positional"])
    }

    @Test func prefixedIndexing() throws {
        let document = Document()
        let generator = TermGenerator()    // no stemmer: unstemmed terms only
        generator.setDocument(document)
        generator.indexText("Budget", wdfIncrement: 3, prefix: "XR")
        #expect(document.terms == ["XRbudget"])
    }
}
