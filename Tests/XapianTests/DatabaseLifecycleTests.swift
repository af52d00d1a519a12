import Testing
import Xapian

/// Creating, opening, reopening, closing and combining databases.
@Suite struct DatabaseLifecycleTests {
    let tmp = TemporaryDirectory()

    @Test func createThenOpenReadOnlySeesCommittedDocuments() throws {
        let path = tmp.path("db")
        let writer = try buildSampleIndex(at: path)
        #expect(writer.documentCount == 5)
        #expect(writer.lastDocumentID == 5)

        let reader = try Database(path: path)
        #expect(reader.documentCount == 5)
        #expect(reader.uuid.count == 36)
        #expect(reader.uuid == writer.uuid)
        #expect(reader.termFrequency("XCcabinet") == 2)
        #expect(reader.termExists("Qm3"))
        #expect(!reader.termExists("Qm99"))
        #expect(try reader.allTerms(withPrefix: "XC") == ["XCcabinet", "XCplanning", "XCscrutiny"])
        #expect(try reader.postings(for: "XCscrutiny") == [3, 4])
        #expect(try reader.document(2).data == "m2")
        #expect(try reader.document(2).id == 2)
    }

    @Test func readerSeesNewCommitsOnlyAfterReopen() throws {
        let path = tmp.path("db")
        let writer = try buildSampleIndex(at: path, items: Array(sampleItems.prefix(2)))
        let reader = try Database(path: path)
        #expect(reader.documentCount == 2)

        try writer.addDocument(makeDocument(sampleItems[2], generator: makeGenerator()))
        try writer.commit()
        #expect(reader.documentCount == 2, "a reader keeps its revision until reopen()")
        #expect(try reader.reopen())
        #expect(reader.documentCount == 3)
    }

    @Test func openModeOpenDoesNotCreate() throws {
        let path = tmp.path("never-created")
        #expect(throws: XapianError.self) { try WritableDatabase(path: path, mode: .open) }
        let created = try WritableDatabase(path: path, mode: .create)
        #expect(created.documentCount == 0)
    }

    @Test func closedDatabaseReportsDatabaseErrors() throws {
        let path = tmp.path("db")
        try buildSampleIndex(at: path)
        let reader = try Database(path: path)
        reader.close()
        let error = try #require(throws: XapianError.self) { try reader.document(1) }
        #expect(error.kind == .database)
        #expect(error.xapianClass == "DatabaseClosedError")
    }

    @Test func combinedShardsSumTheirCounts() throws {
        try buildSampleIndex(at: tmp.path("a"), items: Array(sampleItems.prefix(2)))
        try buildSampleIndex(at: tmp.path("b"), items: Array(sampleItems.suffix(3)))
        let combined = Database()
        #expect(combined.documentCount == 0)
        try combined.add(Database(path: tmp.path("a")))
        try combined.add(Database(path: tmp.path("b")))

        #expect(combined.documentCount == 5)
        #expect(combined.termFrequency("XCcabinet") == 2)
        #expect(combined.termFrequency("XCscrutiny") == 2)
        // Documents from both shards come back from one search.
        let ids = try searchIDs(combined, makeParser().parse("education"))
        #expect(Set(ids) == ["m1", "m2", "m3", "m4"])
    }

    @Test func versionIsTheLinkedLibrary() {
        #expect(xapianVersion.hasPrefix("1.4."))
    }
}
