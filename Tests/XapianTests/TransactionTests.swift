import Testing
import Xapian

/// Transactions: all or nothing.
@Suite struct TransactionTests {
    struct Abort: Error {}
    let tmp = TemporaryDirectory()

    @Test func cancelLeavesNothing() throws {
        let db = try WritableDatabase(path: tmp.path("db"))
        let generator = try makeGenerator()
        try db.beginTransaction()
        try db.addDocument(makeDocument(sampleItems[0], generator: generator))
        try db.addDocument(makeDocument(sampleItems[1], generator: generator))
        try db.cancelTransaction()
        #expect(db.documentCount == 0)
        #expect(!db.termExists("Qm1"))
    }

    @Test func commitKeepsAndIsVisibleToReaders() throws {
        let path = tmp.path("db")
        let db = try WritableDatabase(path: path)
        let generator = try makeGenerator()
        try db.beginTransaction(flushed: true)
        try db.addDocument(makeDocument(sampleItems[0], generator: generator))
        try db.commitTransaction()
        #expect(try Database(path: path).documentCount == 1, "a flushed transaction is committed")
    }

    @Test func withTransactionCancelsOnThrowAndReturnsOnSuccess() throws {
        let db = try buildSampleIndex(at: tmp.path("db"))
        #expect(throws: Abort.self) {
            try db.withTransaction(flushed: false) {
                try db.deleteDocuments(withTerm: "XCcabinet")
                #expect(db.documentCount == 3)
                throw Abort()
            }
        }
        #expect(db.documentCount == 5, "the deletion was rolled back")

        let remaining = try db.withTransaction {
            try db.deleteDocuments(withTerm: "XCcabinet")
            return db.documentCount
        }
        #expect(remaining == 3)
        #expect(db.documentCount == 3)
    }

    @Test func commitWithoutBeginIsAnInvalidOperation() throws {
        let db = try WritableDatabase(path: tmp.path("db"))
        let error = try #require(throws: XapianError.self) { try db.commitTransaction() }
        #expect(error.kind == .invalidOperation)
    }
}
