import Foundation
import MinutesIngest
import Xapian
import Testing
@testable import MinutesIndex

@Suite struct IndexerTests {
    @Test func indexingTheSameDocumentTwiceKeepsOneCopyOfEachItem() throws {
        let index = try TemporaryIndex()
        let indexer = try Indexer(path: index.path)
        let document = SampleDocuments.meetings[0]
        try indexer.index(document, path: "/corpus/a.txt")
        try indexer.index(document, path: "/corpus/a.txt")
        try indexer.commit()
        #expect(indexer.database.documentCount == 2)
        #expect(indexer.sources.map(\.itemCount) == [2])
    }

    @Test func aChangedDocumentReplacesAllItsItems() throws {
        let index = try TemporaryIndex()
        let indexer = try Indexer(path: index.path)
        try indexer.index(SampleDocuments.meetings[0], path: "/corpus/a.txt")
        try indexer.index(SampleDocuments.meetings[2], path: "/corpus/b.txt")
        var shorter = SampleDocuments.meetings[0]
        shorter.sections[0].items.removeLast()
        try indexer.index(shorter, path: "/corpus/a.txt")
        try indexer.commit()
        #expect(indexer.database.documentCount == 3)
        let searcher = try Searcher(path: index.path)
        #expect(try searcher.search(SearchRequest(query: "transport")).hits.map(\.id) == ["b:1.2"])
    }

    @Test func removingASourceRemovesItsItemsAndRecord() throws {
        let index = try TemporaryIndex()
        do {
            let indexer = try Indexer(path: index.path)
            try indexer.index(SampleDocuments.meetings[0], path: "/corpus/a.txt")
            try indexer.index(SampleDocuments.meetings[1], path: "/corpus/b.txt")
            #expect(try indexer.removeSource(atPath: "/corpus/a.txt"))
            #expect(try !indexer.removeSource(id: "no-such-source"))
            try indexer.commit()
            #expect(indexer.database.documentCount == 1)
            #expect(indexer.sources.map(\.id) == ["b"])
        }  // the writer closes here: Xapian allows one
        // The record is gone from the index's metadata too, not just from memory.
        #expect(try Indexer(path: index.path).sources.map(\.id) == ["b"])
    }

    @Test func sameFileNameInTwoFoldersGetsTwoSources() throws {
        let index = try TemporaryIndex()
        let indexer = try Indexer(path: index.path)
        try indexer.index(SampleDocuments.meetings[0], path: "/council-a/minutes.txt")
        try indexer.index(SampleDocuments.meetings[1], path: "/council-b/minutes.txt")
        try indexer.commit()
        #expect(indexer.database.documentCount == 3)
        #expect(indexer.sources.count == 2)
        #expect(indexer.sourceID(forPath: "/council-a/minutes.txt") == "minutes")
        #expect(indexer.sourceID(forPath: "/council-b/minutes.txt") != "minutes")
    }

    @Test func unreadableFilesAreRecordedWithAReasonAndIndexNothing() throws {
        let index = try TemporaryIndex()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.txt")
        let binary = folder.appendingPathComponent("binary.txt")
        let latin1 = folder.appendingPathComponent("latin1.txt")
        let word = folder.appendingPathComponent("minutes.docx")
        try Data().write(to: empty)
        try Data([0x4d, 0x00, 0x01, 0x02]).write(to: binary)
        try Data([0x43, 0x61, 0x66, 0xe9, 0x20, 0xff]).write(to: latin1)
        try Data("PK".utf8).write(to: word)

        let indexer = try Indexer(path: index.path)
        #expect(try indexer.indexFile(atPath: empty.path) == .failed(sourceID: "empty", reason: "the file is empty"))
        #expect(try indexer.indexFile(atPath: binary.path) ==
                .failed(sourceID: "binary", reason: "the file holds NUL bytes: binary, not text"))
        #expect(try indexer.indexFile(atPath: latin1.path) == .failed(sourceID: "latin1", reason: "not valid UTF-8 text"))
        guard case let .failed(_, reason) = try indexer.indexFile(atPath: word.path) else { Issue.record("docx was accepted"); return }
        #expect(reason.contains("unsupported file type '.docx'"), "\(reason)")
        guard case let .failed(_, missing) = try indexer.indexFile(atPath: folder.appendingPathComponent("gone.txt").path) else {
            Issue.record("a missing file was accepted")
            return
        }
        #expect(missing.hasPrefix("cannot read file"), "\(missing)")
        try indexer.commit()
        #expect(indexer.database.documentCount == 0)
        #expect(Set(indexer.sources.map(\.state)) == [.failed])
    }

    @Test func anIndexFromAnotherSchemaVersionIsRefused() throws {
        let index = try TemporaryIndex()
        do {
            let database = try WritableDatabase(path: index.path)
            try database.setMetadata("0", forKey: "quorum.schema")
            try database.commit()
        }
        #expect(throws: IndexError.incompatibleSchema(found: "0", expected: Schema.version)) { try Indexer(path: index.path) }
    }
}
