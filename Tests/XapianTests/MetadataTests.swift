import Testing
import Xapian

/// User metadata stored beside the documents.
@Suite struct MetadataTests {
    let tmp = TemporaryDirectory()

    @Test func roundTripAndKeys() throws {
        let path = tmp.path("db")
        let db = try WritableDatabase(path: path)
        try db.setMetadata("3", forKey: "schema-version")
        try db.setMetadata("/corpus/a.md", forKey: "source:a")
        try db.setMetadata("/corpus/b.md", forKey: "source:b")
        try db.commit()

        let reader = try Database(path: path)
        #expect(try reader.metadata(forKey: "schema-version") == "3")
        #expect(try reader.metadata(forKey: "absent") == "")
        #expect(try reader.metadataKeys(withPrefix: "source:") == ["source:a", "source:b"])

        try db.setMetadata("", forKey: "source:a")   // empty deletes
        try db.commit()
        try reader.reopen()
        #expect(try reader.metadataKeys(withPrefix: "source:") == ["source:b"])
    }
}
