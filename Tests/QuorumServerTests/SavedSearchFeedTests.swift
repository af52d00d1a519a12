import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import HummingbirdTesting
import MinutesIndex
import Testing
@testable import QuorumServer

/// Reads the entries of an Atom feed with a real XML parser.
final class AtomEntries: NSObject, XMLParserDelegate {
    private(set) var titles: [String] = []
    private(set) var ids: [String] = []
    private(set) var feedID = ""
    private var text = ""
    private var inEntry = false

    static func parse(_ data: Data) throws -> AtomEntries {
        let reader = AtomEntries()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else { throw DaemonTestError("not well-formed XML: \(String(describing: parser.parserError))") }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if name == "entry" { inEntry = true }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch (name, inEntry) {
        case ("title", true): titles.append(text)
        case ("id", true): ids.append(text)
        case ("id", false): feedID = text
        case ("entry", _): inEntry = false
        default: break
        }
    }
}

@Suite("Saved searches and their Atom feed")
struct SavedSearchFeedTests {
    @Test("an entry appears in the feed after a matching document arrives, and only then")
    func feedGainsAnEntry() async throws {
        let folder = try TemporaryFolder()
        try makeFolder(folder.path("corpus"))
        let readers = ReaderPool(path: folder.path("index"))
        let writer = WriteQueue(indexer: try Indexer(path: folder.path("index")), logger: LogRecorder().logger()) {
            readers.indexDidCommit()
        }
        let api = QuorumAPI(readers: readers, writer: writer, indexPath: folder.path("index"), watchFolders: [folder.path("corpus")])
        let app = Application(router: QuorumRouter.make(api: api))
        try await app.test(.router) { client in
            try await client.execute(uri: "/saved?name=allotments&q=allotment&from=2024", method: .post) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/saved?name=../x&q=allotment", method: .post) { response in
                #expect(response.status == .badRequest)
            }
            // A query Xapian cannot parse is refused, not saved to match nothing.
            try await client.execute(uri: "/saved?name=broken&q=allotment%20AND%20AND%20(", method: .post) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("\"bad_query\""))
            }
            #expect(try await api.savedSearches().saved.map(\.name) == ["allotments"])
            // Planning (2021) matches the words but not the dates; then the cabinet minutes (2025) arrive.
            for (name, text) in [("planning.txt", SampleMinutes.planning), ("cabinet.txt", SampleMinutes.cabinet)] {
                try await client.execute(uri: "/documents?name=\(name)", method: .post, body: ByteBuffer(string: text)) { response in
                    #expect(response.status == .created)
                }
            }
            try await client.execute(uri: "/saved/allotments/feed.atom", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/atom+xml; charset=utf-8")
                let feed = try AtomEntries.parse(Data(buffer: response.body))
                #expect(feed.feedID == "urn:quorum:saved:allotments")
                #expect(feed.titles == ["2025-01-13 · Cabinet · ALLOTMENT WAITING LISTS"])
                #expect(feed.ids == ["urn:quorum:saved:allotments/cabinet:1.1"])
            }
            try await client.execute(uri: "/saved/allotments", method: .get) { response in
                let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let matches = try #require(body["matches"] as? [[String: Any]])
                #expect(matches.count == 1)
            }
            try await client.execute(uri: "/saved/allotments", method: .delete) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/saved/allotments/feed.atom", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
