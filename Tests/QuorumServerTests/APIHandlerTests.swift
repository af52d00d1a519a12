import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MinutesIndex
import Synchronization
import Testing
@testable import QuorumServer

/// The HTTP API in-process (HummingbirdTesting's router mode): real index, real writer, no socket.
@Suite("HTTP API handlers")
struct APIHandlerTests {
    /// A watched folder holding the two sample documents, indexed into a fresh index.
    private static func makeAPI(in folder: TemporaryFolder, searchCache: SearchCache? = SearchCache(capacity: 1 << 20))
        async throws -> (QuorumAPI, WriteQueue) {
        try await makeAPIAndReaders(in: folder, searchCache: searchCache).api
    }

    /// The API as the daemon builds it (with a search cache), and its reader pool.
    private static func makeAPIAndReaders(in folder: TemporaryFolder, searchCache: SearchCache?)
        async throws -> (api: (QuorumAPI, WriteQueue), readers: ReaderPool) {
        try makeFolder(folder.path("corpus"))
        try writeFile(folder.path("corpus/cabinet.txt"), SampleMinutes.cabinet)
        try writeFile(folder.path("corpus/planning.txt"), SampleMinutes.planning)
        let readers = ReaderPool(path: folder.path("index"))
        let writer = WriteQueue(indexer: try Indexer(path: folder.path("index")), logger: LogRecorder().logger()) {
            readers.indexDidCommit()
        }
        for name in ["cabinet.txt", "planning.txt"] {
            _ = try await writer.submit(.indexFile(folder.path("corpus/\(name)")))
        }
        let api = QuorumAPI(readers: readers, writer: writer, indexPath: folder.path("index"), watchFolders: [folder.path("corpus")],
                            searchCache: searchCache)
        return ((api, writer), readers)
    }

    private static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    @Test("search with a facet and a date filter")
    func searchWithFacetsAndDates() async throws {
        let folder = try TemporaryFolder()
        let (api, _) = try await Self.makeAPI(in: folder)
        let app = Application(router: QuorumRouter.make(api: api))
        try await app.test(.router) { client in
            try await client.execute(uri: "/search?q=allotments&facet=year", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response.body)
                #expect(body["total"] as? Int == 2)
                let years = try #require((body["facets"] as? [String: Any])?["year"] as? [[String: Any]])
                #expect(Set(years.compactMap { $0["value"] as? String }) == ["2021", "2025"])
                #expect(years.compactMap { $0["count"] as? Int }.reduce(0, +) == 2)
            }
            try await client.execute(uri: "/search?q=allotments&facet=year&exact=true", method: .get) { response in
                let body = try Self.json(response.body)
                #expect(body["total"] as? Int == 2)
                #expect(body["sample_rate"] == nil, "counted in full: no sample rate")
            }
            try await client.execute(uri: "/search?q=allotments&from=2024", method: .get) { response in
                let hits = try #require(try Self.json(response.body)["hits"] as? [[String: Any]])
                #expect(hits.map { $0["meeting_date"] as? String } == ["2025-01-13"])
                #expect((hits.first?["item"] as? [String: Any])?["title"] as? String == "ALLOTMENT WAITING LISTS")
                #expect((hits.first?["snippet"] as? String)?.contains("<b>allotment</b>") == true)
            }
        }
    }

    @Test("did you mean, grouping by meeting, month facets and date order through the API")
    func searchFeatures() async throws {
        let folder = try TemporaryFolder()
        let (api, _) = try await Self.makeAPI(in: folder)
        let app = Application(router: QuorumRouter.make(api: api))
        try await app.test(.router) { client in
            try await client.execute(uri: "/search?q=allotmant", method: .get) { response in
                let body = try Self.json(response.body)
                #expect(body["total"] as? Int == 0)
                #expect(body["corrected_query"] as? String == "allotment")
                #expect(body["corrected_total"] as? Int == 2)  // "allotment" and "allotments" share a stem
            }
            try await client.execute(uri: "/search?collapse=meeting&facet=month&sort=-date", method: .get) { response in
                let body = try Self.json(response.body)
                let hits = try #require(body["hits"] as? [[String: Any]])
                // Two meetings, two items each: one hit per meeting, newest first, one more item behind each.
                #expect(hits.map { $0["meeting_date"] as? String } == ["2025-01-13", "2021-03-04"])
                #expect(hits.map { $0["collapsed_count"] as? Int } == [1, 1])
                let months = try #require((body["facets"] as? [String: Any])?["month"] as? [[String: Any]])
                #expect(Set(months.compactMap { $0["value"] as? String }) == ["2021-03", "2025-01"])
            }
            try await client.execute(uri: "/search?sort=date&limit=1", method: .get) { response in
                let hits = try #require(try Self.json(response.body)["hits"] as? [[String: Any]])
                #expect(hits.first?["meeting_date"] as? String == "2021-03-04")
            }
        }
    }

    @Test("malformed parameters get 400 with a stable code")
    func malformedParameters() async throws {
        let folder = try TemporaryFolder()
        let (api, _) = try await Self.makeAPI(in: folder)
        let app = Application(router: QuorumRouter.make(api: api))
        let cases: [(String, HTTPResponse.Status, String)] = [
            ("/search?limit=ten", .badRequest, "bad_parameter"),
            ("/search?limit=1000000000", .badRequest, "bad_parameter"),
            ("/search?from=13/01/2025", .badRequest, "bad_parameter"),
            ("/search?sort=colour", .badRequest, "bad_parameter"),
            ("/search?facet=colour", .badRequest, "bad_parameter"),
            ("/search?colour=blue", .badRequest, "unknown_parameter"),
            ("/search?procedural=maybe", .badRequest, "bad_parameter"),
            ("/search?exact=maybe", .badRequest, "bad_parameter"),
            ("/search?q=a&q=b", .badRequest, "bad_parameter"),
            ("/search?q=AND+AND+(", .badRequest, "bad_query"),
            ("/items/nope:1.1", .notFound, "item_not_found"),
            ("/no/such/route", .notFound, "no_route"),
        ]
        try await app.test(.router) { client in
            for (uri, status, code) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri)")
                    let error = try Self.json(response.body)["error"] as? [String: Any]
                    #expect(error?["code"] as? String == code, "\(uri)")
                    #expect((error?["message"] as? String)?.isEmpty == false, "\(uri)")
                }
            }
        }
    }

    @Test("a posted document is filed in the watched folder, indexed and found; deleting it removes it")
    func postAndDelete() async throws {
        let folder = try TemporaryFolder()
        let (api, _) = try await Self.makeAPI(in: folder)
        let app = Application(router: QuorumRouter.make(api: api))
        let document = SampleMinutes.planning.replacingOccurrences(of: "NORTHERN BYPASS", with: "COASTAL FLOOD DEFENCES")
            .replacingOccurrences(of: "northern bypass", with: "flood defences")
        try await app.test(.router) { client in
            try await client.execute(uri: "/documents?name=planning-2.txt", method: .post, body: ByteBuffer(string: document)) { response in
                #expect(response.status == .created)
                let body = try Self.json(response.body)
                #expect(body["source_id"] as? String == "planning-2")
                #expect(body["items"] as? [String] == ["planning-2:1.1", "planning-2:1.2"])
            }
            #expect(FileManager.default.contents(atPath: folder.path("corpus/planning-2.txt")) == Data(document.utf8))
            try await client.execute(uri: "/search?q=flood", method: .get) { response in
                let hits = try #require(try Self.json(response.body)["hits"] as? [[String: Any]])
                #expect(hits.map { $0["id"] as? String } == ["planning-2:1.2"])
            }
            try await client.execute(uri: "/documents?name=../escape.txt", method: .post, body: ByteBuffer(string: document)) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/documents/planning-2", method: .delete) { response in
                #expect(response.status == .ok)
            }
            #expect(!FileManager.default.fileExists(atPath: folder.path("corpus/planning-2.txt")))
            try await client.execute(uri: "/search?q=flood", method: .get) { response in
                let total = try Self.json(response.body)["total"] as? Int
                #expect(total == 0)
            }
            try await client.execute(uri: "/documents/planning-2", method: .delete) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("a repeated search is answered from the cache until the index next commits")
    func searchCache() async throws {
        let folder = try TemporaryFolder()
        let cache = SearchCache(capacity: 1 << 20)
        let ((api, _), readers) = try await Self.makeAPIAndReaders(in: folder, searchCache: cache)
        let app = Application(router: QuorumRouter.make(api: api))
        let floods = SearchRequest(query: "flood", facets: [.year])
        try await app.test(.router) { client in
            var first = ByteBuffer()
            try await client.execute(uri: "/search?q=flood&facet=year", method: .get) { response in
                let total = try Self.json(response.body)["total"] as? Int
                #expect(total == 0)
                first = response.body
            }
            #expect(cache.count == 1)
            // What the cache holds is what is served: a planted answer comes back as it is.
            cache.store(Data(#"{"planted":true}"#.utf8), for: floods, generation: readers.generation)
            try await client.execute(uri: "/search?facet=year&q=flood", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"planted":true}"#)
            }
            cache.store(Data(buffer: first), for: floods, generation: readers.generation)

            // A commit makes it stale: the new item is found at once.
            let document = SampleMinutes.planning.replacingOccurrences(of: "northern bypass", with: "flood defences")
            try await client.execute(uri: "/documents?name=floods.txt", method: .post, body: ByteBuffer(string: document)) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/search?q=flood&facet=year", method: .get) { response in
                let body = try Self.json(response.body)
                #expect(body["total"] as? Int == 1)
                #expect(body["planted"] == nil)
            }
        }
    }

    @Test("status lists a broken file with its reason")
    func statusReportsFailures() async throws {
        let folder = try TemporaryFolder()
        let (api, writer) = try await Self.makeAPI(in: folder)
        let broken = folder.path("corpus/broken.txt")
        #expect(FileManager.default.createFile(atPath: broken, contents: Data([0x4d, 0x69, 0x6e, 0xff, 0xfe, 0x00])))
        #expect(try await writer.submit(.indexFile(broken)) == .file(.failed(sourceID: "broken", reason: "the file holds NUL bytes: binary, not text")))
        let app = Application(router: QuorumRouter.make(api: api))
        try await app.test(.router) { client in
            try await client.execute(uri: "/status", method: .get) { response in
                let body = try Self.json(response.body)
                #expect(body["items"] as? Int == 4)
                #expect(body["source_count"] as? Int == 3)
                #expect(body["failed_count"] as? Int == 1)
                let sources = try #require(body["sources"] as? [[String: Any]])
                let failed = try #require(sources.first { $0["id"] as? String == "broken" })
                #expect(failed["state"] as? String == "failed")
                #expect(failed["reason"] as? String == "the file holds NUL bytes: binary, not text")
                #expect((body["index_bytes"] as? Int ?? 0) > 0)
            }
            try await client.execute(uri: "/items/cabinet:1.1", method: .get) { response in
                let body = try Self.json(response.body)
                #expect(body["resolutions"] as? [String] == ["Resolved:- That the allotment strategy be approved."])
                #expect((body["attendance"] as? [String: Any])?["chair"] as? String == "Smith")
            }
        }
    }

    @Test("acronyms mined from a posted document are listed, and procedural items can be left out")
    func acronymsAndProcedural() async throws {
        let folder = try TemporaryFolder()
        let (api, _) = try await Self.makeAPI(in: folder)
        let app = Application(router: QuorumRouter.make(api: api))
        let document = """
            SCHOOLS FORUM
            Tuesday, 3rd June 2025

            Present:- Councillor Okafor (in the Chair); Councillors Lund and Marsh.

            1. DECLARATIONS OF INTEREST

            There were no declarations of interest.

            2. ELECTIVE HOME EDUCATION

            The forum noted that Elective Home Education (EHE) numbers had risen again this year.

            """
        try await app.test(.router) { client in
            try await client.execute(uri: "/documents?name=forum.txt", method: .post, body: ByteBuffer(string: document)) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/acronyms", method: .get) { response in
                let acronyms = try #require(try Self.json(response.body)["acronyms"] as? [[String: Any]])
                #expect(acronyms.contains { $0["acronym"] as? String == "EHE" && $0["expansion"] as? String == "Elective Home Education" })
            }
            try await client.execute(uri: "/search?q=kind:procedural", method: .get) { response in
                let hits = try #require(try Self.json(response.body)["hits"] as? [[String: Any]])
                #expect(hits.map { $0["id"] as? String } == ["forum:1.1"])
            }
            try await client.execute(uri: "/search?q=forum+OR+interest&procedural=exclude", method: .get) { response in
                let hits = try #require(try Self.json(response.body)["hits"] as? [[String: Any]])
                // "interest" matches only the procedural declarations item, which is left out.
                #expect(hits.map { $0["id"] as? String } == ["forum:1.2"])
            }
        }
    }

    @Test("the writer batches the commits of jobs queued together")
    func writerBatchesCommits() async throws {
        let folder = try TemporaryFolder()
        try makeFolder(folder.path("corpus"))
        for n in 0..<20 {
            try writeFile(folder.path("corpus/m\(n).txt"), SampleMinutes.cabinet)
        }
        let commits = CommitCounter()
        let writer = WriteQueue(indexer: try Indexer(path: folder.path("index")), commitInterval: .seconds(60),
                                logger: LogRecorder().logger()) { commits.increment() }
        try await withThrowingTaskGroup(of: WriteResult.self) { group in
            for n in 0..<20 {
                group.addTask { try await writer.submit(.indexFile(folder.path("corpus/m\(n).txt"))) }
            }
            for try await result in group {
                guard case .file(.indexed) = result else { Issue.record("not indexed: \(result)"); continue }
            }
        }
        #expect(writer.itemCount == 40)
        // Twenty files queued at once: far fewer commits than files (the first job may commit alone).
        #expect(commits.value <= 3)
        #expect(commits.value >= 1)
    }
}

/// Counts commits from the writer's callback.
final class CommitCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
