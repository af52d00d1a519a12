import Testing
import Xapian

/// Adding, replacing and deleting documents, and the document's own contents.
@Suite struct DocumentUpdateTests {
    let tmp = TemporaryDirectory()

    @Test func replaceByUniqueTermUpdatesInPlace() throws {
        let db = try WritableDatabase(path: tmp.path("db"))
        let generator = try makeGenerator()
        let first = try db.replaceDocument(uniqueTerm: "Qm1", with: makeDocument(sampleItems[0], generator: generator))
        try db.replaceDocument(uniqueTerm: "Qm2", with: makeDocument(sampleItems[1], generator: generator))
        #expect(db.documentCount == 2)

        var changed = sampleItems[0]
        changed.title = "Revised home education policy"
        let again = try db.replaceDocument(uniqueTerm: "Qm1", with: makeDocument(changed, generator: generator))
        #expect(again == first, "the upsert keeps the document id")
        #expect(db.documentCount == 2, "replacing by unique term must not add a document")
        #expect(db.termExists("Srevised"))
        #expect(db.termFrequency("Selective") == 0, "the old title's terms are gone")
    }

    @Test func deleteByTermAndByID() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        try db.deleteDocuments(withTerm: "XCcabinet")
        #expect(db.documentCount == 3)
        #expect(!db.termExists("Qm1") && !db.termExists("Qm2"))
        try db.deleteDocuments(withTerm: "XCnobody")   // deleting nothing is fine
        #expect(db.documentCount == 3)

        let id = try #require(try db.postings(for: "Qm5").first)
        try db.deleteDocument(id)
        #expect(db.documentCount == 2)
        let error = try #require(throws: XapianError.self) { try db.deleteDocument(id) }
        #expect(error.kind == .documentNotFound)
    }

    @Test func replaceByIDCreatesOrOverwrites() throws {
        let db = try WritableDatabase(path: tmp.path("db"))
        let document = Document()
        document.data = "ten"
        try db.replaceDocument(10, with: document)
        #expect(db.lastDocumentID == 10)
        #expect(try db.document(10).data == "ten")
    }

    @Test func documentTermsValuesAndData() throws {
        let document = Document()
        document.data = "päge one ✓"
        document.addTerm("beta", wdfIncrement: 2)
        document.addBooleanTerm("XCcabinet")
        document.addPosting("alpha", position: 3)
        document.setValue("20200115", slot: 0)
        document.setValue([0x00, 0xFF, 0x10], slot: 1)
        #expect(document.data == "päge one ✓")
        #expect(document.terms == ["XCcabinet", "alpha", "beta"])
        #expect(document.value(0) == "20200115")
        #expect(document.valueBytes(1) == [0x00, 0xFF, 0x10], "values are binary-safe, NULs included")
        #expect(document.value(7) == "")
        #expect(document.id == 0)

        try document.removeTerm("beta")
        #expect(document.terms == ["XCcabinet", "alpha"])
        let error = try #require(throws: XapianError.self) { try document.removeTerm("beta") }
        #expect(error.kind == .invalidArgument)
    }

    @Test func valuesSurviveTheDatabase() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let document = try db.document(3)
        #expect(document.value(Slot.date) == "20210310")
        #expect(document.value(Slot.meeting) == "scr-2021-03")
        #expect(sortableUnserialise(document.valueBytes(Slot.pages)) == 30)
    }

    @Test("a document's data read after the writer moved on throws DatabaseModifiedError, never \"\"")
    func dataReadAfterTheDatabaseMovedOnThrows() throws {
        let writer = try WritableDatabase(path: tmp.path("db"))
        let generator = try makeGenerator()
        let filler = String(repeating: "minutes of the meeting ", count: 400)
        /// Writes 200 documents, each's data opening with `label` and its number, and commits.
        func writeAll(_ label: String) throws {
            for n in 0..<200 {
                let document = try makeDocument(sampleItems[n % sampleItems.count], generator: generator)
                document.data = "\(label)\(n) " + filler
                document.addBooleanTerm("Qd\(n)")
                try writer.replaceDocument(uniqueTerm: "Qd\(n)", with: document)
            }
            try writer.commit()
        }
        try writeAll("item ")
        let reader = try Database(path: tmp.path("db"))
        let id = try #require(try reader.postings(for: "Qd7").first)
        let document = try reader.document(id)  // glass fetches the data when it is asked for
        // Two commits that rewrite every document reuse the blocks of the reader's revision.
        for round in 0..<2 { try writeAll("round \(round) item ") }
        let error = try #require(throws: XapianError.self) { _ = try document.readData() }
        #expect(error.kind == .databaseModified)
        try reader.reopen()
        #expect(try reader.document(id).readData().hasPrefix("round 1 item 7 "))
    }
}
