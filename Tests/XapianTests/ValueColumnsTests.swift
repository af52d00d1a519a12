import Dispatch
import Foundation
import Synchronization
import Testing
import Xapian

/// Facet counts from in-memory value columns agree with Xapian's ValueCountMatchSpy, as the
/// index grows, loses documents and is replaced.
@Suite struct ValueColumnsTests {
    let tmp = TemporaryDirectory()

    /// Documents at chosen ids: either side of the 65,536-id chunk boundaries, one without a
    /// value in the slot, one with an empty value (counted as none by Xapian).
    func buildSparseIndex(at path: String) throws -> WritableDatabase {
        let database = try WritableDatabase(path: path, mode: .createOrOverwrite)
        let committees = ["cabinet", "scrutiny", "planning", "licensing"]
        let ids: [DocumentID] = [1, 2, 3, 65_535, 65_536, 65_537, 131_071, 131_072, 200_001]
        for (n, id) in ids.enumerated() {
            let document = Document()
            document.addTerm("item")
            document.addTerm(n.isMultiple(of: 2) ? "even" : "odd")
            switch n {
            case 4: break  // no value
            case 5: document.setValue("", slot: Slot.committee)
            default: document.setValue(committees[n % committees.count], slot: Slot.committee)
            }
            try database.replaceDocument(id, with: document)
        }
        try database.commit()
        return database
    }

    /// Every value with its count, from the value table and from the columns.
    static func counts(_ query: Query, in database: Database, columns: ValueColumns) throws
        -> (table: [String: Int], columns: [String: Int], top: [[String]]) {
        let enquire = Enquire(database: database)
        enquire.query = query
        let fromTable = ValueCountMatchSpy(slot: Slot.committee)
        let fromColumns = try #require(try ValueCountMatchSpy(slot: Slot.committee, columns: columns, database: database))
        enquire.addMatchSpy(fromTable)
        enquire.addMatchSpy(fromColumns)
        _ = try enquire.mset(offset: 0, limit: 0, checkAtLeast: database.documentCount)
        #expect(fromColumns.documentsSeen == fromTable.documentsSeen)
        func dictionary(_ spy: ValueCountMatchSpy) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: spy.values.map { ($0.value, $0.count) })
        }
        return (dictionary(fromTable), dictionary(fromColumns),
                [fromTable.topValues(3).map(\.value), fromColumns.topValues(3).map(\.value)])
    }

    @Test func countsEqualTheValueTablesAcrossChunkBoundaries() throws {
        _ = try buildSparseIndex(at: tmp.path("db"))
        let database = try Database(path: tmp.path("db"))
        let columns = ValueColumns()
        for query in [Query.matchAll, Query(term: "even"), Query(term: "odd")] {
            let (table, fromColumns, top) = try Self.counts(query, in: database, columns: columns)
            #expect(fromColumns == table)
            #expect(top[1] == top[0], "same order, ties by value")
        }
        let all = try Self.counts(.matchAll, in: database, columns: columns)
        // Nine documents, committees in turn; the fifth has no value and the sixth an empty one.
        #expect(all.columns == ["cabinet": 2, "scrutiny": 1, "planning": 2, "licensing": 2])
        #expect(all.top[1] == ["cabinet", "licensing", "planning"])
        #expect(columns.memoryBytes >= 4 * 200_002, "four chunks of 65,536 codes")
    }

    @Test func columnsFollowTheIndexAsItGrowsAndShrinks() throws {
        let writer = try buildSparseIndex(at: tmp.path("db"))
        let reader = try Database(path: tmp.path("db"))
        let columns = ValueColumns()
        _ = try Self.counts(.matchAll, in: reader, columns: columns)

        for n in 0..<50 {
            let document = Document()
            document.addTerm("item")
            document.setValue(n < 30 ? "audit" : "cabinet", slot: Slot.committee)
            _ = try writer.addDocument(document)
        }
        try writer.deleteDocument(2)  // scrutiny
        try writer.deleteDocument(65_536)  // no value
        try writer.commit()
        #expect(try reader.reopen())

        let (table, fromColumns, _) = try Self.counts(Query(term: "item"), in: reader, columns: columns)
        #expect(fromColumns == table)
        #expect(fromColumns == ["audit": 30, "cabinet": 22, "planning": 2, "licensing": 2])
    }

    @Test func anotherIndexAtThePathStartsTheColumnsAfresh() throws {
        _ = try buildSparseIndex(at: tmp.path("db"))
        let columns = ValueColumns()
        _ = try Self.counts(.matchAll, in: try Database(path: tmp.path("db")), columns: columns)

        // A rebuilt index: the same ids, other values. Stale columns would still say "cabinet".
        try buildSampleIndex(at: tmp.path("db"))
        let rebuilt = try Database(path: tmp.path("db"))
        let (table, fromColumns, _) = try Self.counts(.matchAll, in: rebuilt, columns: columns)
        #expect(fromColumns == table)
        #expect(fromColumns == ["cabinet": 2, "scrutiny": 2, "planning": 1])
    }

    @Test func preparingBuildsTheColumnBeforeTheFirstCount() throws {
        _ = try buildSparseIndex(at: tmp.path("db"))
        let database = try Database(path: tmp.path("db"))
        let columns = ValueColumns()
        #expect(columns.memoryBytes == 0)
        try columns.prepare(slot: Slot.committee, for: database)
        let prepared = columns.memoryBytes
        #expect(prepared >= 4 * 200_002)
        let (table, fromColumns, _) = try Self.counts(.matchAll, in: database, columns: columns)
        #expect(fromColumns == table)
        #expect(columns.memoryBytes == prepared, "counting used the prepared column")
    }

    @Test func severalDatabasesSearchedAsOneCountFromTheValueTable() throws {
        try buildSampleIndex(at: tmp.path("a"))
        try buildSampleIndex(at: tmp.path("b"))
        let joined = try Database(path: tmp.path("a"))
        try joined.add(try Database(path: tmp.path("b")))
        let columns = ValueColumns()
        #expect(try ValueCountMatchSpy(slot: Slot.committee, columns: columns, database: joined) == nil)
        try columns.prepare(slot: Slot.committee, for: joined)
        #expect(columns.memoryBytes == 0)
    }

    @Test func searchesOnSeveralThreadsShareTheColumns() throws {
        let writer = try buildSparseIndex(at: tmp.path("db"))
        for n in 0..<2_000 {
            let document = Document()
            document.addTerm("item")
            document.setValue("committee-\(n % 7)", slot: Slot.committee)
            _ = try writer.addDocument(document)
        }
        try writer.commit()
        let columns = ValueColumns()
        let path = tmp.path("db")
        let results = Mutex<[[String: Int]]>([])
        // Each thread its own handle (Xapian handles are not thread-safe); the columns are shared.
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            guard let database = try? Database(path: path),
                  let result = try? Self.counts(Query(term: "item"), in: database, columns: columns) else { return }
            #expect(result.columns == result.table)
            results.withLock { $0.append(result.columns) }
        }
        let counted = results.withLock { $0 }
        #expect(counted.count == 8)
        #expect(counted.first?["committee-0"] == 286)
    }
}
