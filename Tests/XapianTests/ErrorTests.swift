import Testing
import Xapian

/// Xapian errors arrive as XapianError with the right kind, class name and hint.
@Suite struct ErrorTests {
    let tmp = TemporaryDirectory()

    @Test func secondWriterGetsALockErrorWithAHint() throws {
        let path = tmp.path("db")
        let first = try WritableDatabase(path: path)
        let error = try #require(throws: XapianError.self) { try WritableDatabase(path: path) }
        #expect(error.kind == .databaseLock)
        #expect(error.xapianClass == "DatabaseLockError")
        #expect(error.hint == "is another process writing to this database?")
        #expect(error.description.hasPrefix("DatabaseLockError: "))
        #expect(error.description.contains("(hint: is another process writing to this database?)"))
        #expect(error.isKind(.database))
        withExtendedLifetime(first) {}
    }

    @Test func lockIsReleasedWhenTheWriterGoes() throws {
        let path = tmp.path("db")
        do { _ = try WritableDatabase(path: path) }
        _ = try WritableDatabase(path: path)
    }

    /// Xapian 1.4.22 throws DatabaseNotFoundError, a subclass of DatabaseOpeningError, for a
    /// missing path: the kind is the precise `.databaseNotFound`, and `isKind(.databaseOpening)`
    /// holds for callers that only care that opening failed.
    @Test func missingPathIsAnOpeningError() throws {
        let error = try #require(throws: XapianError.self) { try Database(path: tmp.path("missing")) }
        #expect(error.kind == .databaseNotFound)
        #expect(error.isKind(.databaseOpening))
        #expect(error.xapianClass == "DatabaseNotFoundError")
        #expect(error.hint == "does the folder exist and hold a Xapian database?")
    }

    @Test func existingDatabaseWithCreateModeIsAnOpeningError() throws {
        let path = tmp.path("db")
        do { _ = try WritableDatabase(path: path) }
        let error = try #require(throws: XapianError.self) { try WritableDatabase(path: path, mode: .create) }
        #expect(error.isKind(.databaseOpening))
        #expect(error.hint != nil)
    }

    @Test func badQueryIsAQueryParserError() throws {
        let error = try #require(throws: XapianError.self) {
            try QueryParser().parse("AND AND (", flags: .boolean)
        }
        #expect(error.kind == .queryParser)
        #expect(error.xapianClass == "QueryParserError")
        #expect(!error.message.isEmpty)
        #expect(error.hint == nil)
    }

    @Test func missingDocumentAndUnknownLanguage() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        let missing = try #require(throws: XapianError.self) { try db.document(99) }
        #expect(missing.kind == .documentNotFound)
        let language = try #require(throws: XapianError.self) { try Stem(language: "klingon") }
        #expect(language.kind == .invalidArgument)
    }

    @Test func kindsPrintTheirNames() {
        #expect(XapianError.Kind.databaseModified.description == "databaseModified")
        let error = XapianError(kind: .databaseModified, xapianClass: "DatabaseModifiedError", message: "moved on")
        #expect(error.hint == "reopen() the database and retry")
    }
}
