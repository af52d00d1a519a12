import Foundation
import MinutesIngest
import Testing
@testable import MinutesIndex

/// Shard lists (Xapian stub files, `--shard` values) and searching local shards as one index.
/// Remote shards, through real xapian-tcpsrv processes, are tested in QuorumCLITests.
@Suite struct ShardSetTests {
    @Test func stubFilesInXapiansFormat() throws {
        let text = """
            # two councils and a county
            auto rotherham
            glass /srv/quorum/sheffield
            remote 10.0.0.5:33333
            remote tcp [::1]:4000
            """
        #expect(try StubFile.shards(in: text, relativeTo: "/srv/stubs") == [
            .local(path: "/srv/stubs/rotherham"), .local(path: "/srv/quorum/sheffield"),
            .remote(host: "10.0.0.5", port: 33333), .remote(host: "::1", port: 4000),
        ])
    }

    @Test func stubFileMistakesAreNamedWithTheirLine() {
        let cases: [(String, String)] = [
            ("auto a\nremote :ssh host xapian-progsrv /db", "line 2: program remotes"),
            ("remote example.org", "HOST:PORT"),
            ("remote example.org:99999", "port from 1 to 65535"),
            ("inmemory", "line 1: unknown shard type 'inmemory'"),
            ("# nothing\n\n", "lists no shards"),
        ]
        for (text, expected) in cases {
            let error = #expect(throws: (any Error).self) { try StubFile.shards(in: text, relativeTo: "/") }
            if let error {
                #expect("\(error)".contains(expected), "\(text): \(error)")
            }
        }
    }

    @Test func shardArguments() throws {
        #expect(try ShardAddress(argument: "tcp://127.0.0.1:5000") == .remote(host: "127.0.0.1", port: 5000))
        #expect(try ShardAddress(argument: "Indexes/council") == .local(path: "Indexes/council"))
        #expect(ShardAddress.remote(host: "h", port: 1).description == "h:1")
        #expect(throws: (any Error).self) { try ShardAddress(argument: "tcp://nohost") }
    }

    /// Local shards answer exactly like one index of all their documents; a shard that is not
    /// there is named, and found once it appears.
    @Test func localShardsSearchLikeOneIndexAndAMissingShardIsReportedThenFound() throws {
        let first = try TemporaryIndex(), second = try TemporaryIndex(), combined = try TemporaryIndex()
        let documents = SampleDocuments.meetings + [SampleDocuments.minutes(date: "2020-02-04", items: [
            ("5", "BRIEFING", "The Elective Home Education (EHE) team reported on 300 families.", [])])]
        let split = documents.count / 2
        for (index, path) in [(first, "/a"), (second, "/b")] {
            let indexer = try Indexer(path: index.path)
            for (n, document) in documents.enumerated() where (n < split) == (path == "/a") {
                try indexer.index(document, path: "/corpus\(path)/m\(n).txt")
            }
            try indexer.commit()
        }
        let all = try Indexer(path: combined.path)
        for (n, document) in documents.enumerated() { try all.index(document, path: "/corpus\(n < split ? "/a" : "/b")/m\(n).txt") }
        try all.commit()

        let later = try TemporaryIndex()
        let shards = ShardSet([.local(path: first.path), .local(path: second.path), .local(path: later.path)],
                              options: .init(reconnectInterval: .zero))
        let federated = try Searcher(shards: shards)
        let single = try Searcher(path: combined.path)
        for query in ["education", "EHE", "\"elective home education\"", "report", ""] {
            let request = SearchRequest(query: query, facets: [.year, .committee], limit: 50)
            let a = try federated.search(request), b = try single.search(request)
            #expect(a.total == b.total, "\(query)")
            #expect(a.facets == b.facets, "\(query)")
            #expect(Set(a.hits.map(\.id)) == Set(b.hits.map(\.id)), "\(query)")
            #expect(a.hits.map(\.weight) == b.hits.map(\.weight), "\(query)")
            #expect(a.shards?.answered == [first.path, second.path])
            #expect(a.shards?.missing.map(\.name) == [later.path])
            #expect(a.isDegraded)
        }
        #expect(try federated.acronyms().map(\.acronym) == single.acronyms().map(\.acronym))

        // The missing shard appears: the next search includes it.
        let indexer = try Indexer(path: later.path)
        try indexer.index(SampleDocuments.minutes(date: "2024-05-01", items: [("1", "LATER", "A quokka visited.", [])]), path: "/corpus/c/late.txt")
        try indexer.commit()
        let found = try federated.search(SearchRequest(query: "quokka"))
        #expect(found.hits.map(\.id) == ["late:1.1"])
        #expect(found.isDegraded == false)
    }
}
