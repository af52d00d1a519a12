import Foundation
import MinutesIngest
import Testing
@testable import MinutesIndex

/// Every sample document, in every format, indexed from its file into a real index and found by
/// search; and the shipped corpus answers the acronym and procedural searches the issue names.
/// Serialized: each test builds an index synchronously, and two at once would hold both
/// cooperative threads the socket and watcher suites wait on (see FacetSamplingTests).
@Suite(.serialized) struct FixtureSearchTests {
    private static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    private static let fixtures = tests.appendingPathComponent("MinutesIngestTests/Fixtures")
    private static let corpus = tests.deletingLastPathComponent().appendingPathComponent("Corpus")

    private func indexed(_ urls: [URL]) throws -> (TemporaryIndex, Searcher) {
        let index = try TemporaryIndex()
        let indexer = try Indexer(path: index.path)
        for url in urls {
            let outcome = try indexer.indexFile(atPath: url.path)
            guard case .indexed = outcome else { Issue.record("\(url.lastPathComponent): \(outcome)"); continue }
        }
        try indexer.commit()
        return (index, try Searcher(path: index.path))
    }

    private func titles(_ searcher: Searcher, _ request: SearchRequest) throws -> [String] {
        try searcher.search(request).hits.map { "\($0.source.id) \($0.item.number) \($0.item.title)" }
    }

    @Test func eachFixtureIsIndexedAndFound() throws {
        var files = [
            "planning-paragraph-numbered.txt", "cabinet-minute-references.txt", "scrutiny-agenda-pack.txt",
            "health-board-markdown.md", "childrens-scrutiny-moderngov.html",
        ].map { Self.fixtures.appendingPathComponent($0) }
        let pdf = Self.fixtures.appendingPathComponent("pdf/improving-lives-2018-09-18-minutes.pdf")
        let canReadPDF = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
        if canReadPDF { files.append(pdf) }
        let (index, searcher) = try indexed(files)
        _ = index
        #expect(try titles(searcher, SearchRequest(query: "\"Mill Lane\"")).first ==
                "planning-paragraph-numbered 4 Land at Mill Lane, Anytown - Application 24/01234/FUL")
        #expect(try titles(searcher, SearchRequest(query: "title:housing")) ==
                ["cabinet-minute-references CAB 46/25 HOUSING STRATEGY 2025-2030"])
        #expect(try titles(searcher, SearchRequest(query: "title:library")).contains("scrutiny-agenda-pack 56 LIBRARY SERVICES UPDATE"))
        #expect(try titles(searcher, SearchRequest(query: "title:\"better care fund\"")) ==
                ["health-board-markdown 13 Better Care Fund Plan"])
        #expect(try titles(searcher, SearchRequest(query: "\"Q1 64 58\"")) ==
                ["childrens-scrutiny-moderngov 5 Children Missing Education"])
        #expect(try titles(searcher, SearchRequest(query: "resolved:september committee:\"Children's Services Scrutiny Committee\"")) ==
                ["childrens-scrutiny-moderngov 4 Elective Home Education Annual Report 2023/24"])
        #expect(try titles(searcher, SearchRequest(query: "person:webb")).count == 6, "officers in attendance are people of the meeting")
        if canReadPDF {
            #expect(try titles(searcher, SearchRequest(query: "title:\"children missing education\" year:2018")) ==
                    ["improving-lives-2018-09-18-minutes 23 CHILDREN MISSING EDUCATION"])
        }
    }

    @Test func theCorpusAnswersAcronymAndProceduralSearches() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        let (index, searcher) = try indexed(files)
        _ = index
        // The 2020 pack's EHE briefing (a report: background, issues, actions, recommendations)
        // and the 2025 draft policy, whichever form the query takes.
        let expected: Set<String> = [
            "improving-lives-2020-10-27-agenda-pack 1 Background", "improving-lives-2020-10-27-agenda-pack 2 Key Issues",
            "improving-lives-2020-10-27-agenda-pack 3 Key Actions and Timelines",
            "improving-lives-2020-10-27-agenda-pack 4 Recommendations",
            "improving-lives-2025-07-22-minutes 15 DRAFT ELECTIVE HOME EDUCATION POLICY",
        ]
        for query in ["EHE", "\"elective home education\""] {
            let found = Set(try titles(searcher, SearchRequest(query: query, limit: 100)))
            #expect(expected.isSubset(of: found), "\(query): missing \(expected.subtracting(found))")
        }
        #expect(try searcher.acronyms().contains(Acronym(acronym: "EHE", expansion: "Elective Home Education", sourceCount: 2)))

        let procedural = try searcher.search(SearchRequest(query: "kind:procedural", limit: 1000)).hits
        let parsed = try files.map { try MinutesParser().parse(DocumentReader.readText(at: $0), fileName: $0.lastPathComponent) }
        #expect(procedural.count == parsed.flatMap(\.sections).flatMap(\.items).filter(\.isProcedural).count)
        #expect(procedural.count == 41)
        #expect(procedural.allSatisfy { $0.procedural })
        #expect(procedural.contains { $0.item.title == "DECLARATIONS OF INTEREST" })
        #expect(!(procedural.contains { $0.item.title.contains("WORK PROGRAMME") }))

        // The corpus has no substantive item on declarations (ProceduralSearchTests has one): the
        // standing items are still found, the best matches first.
        let declarations = try titles(searcher, SearchRequest(query: "declarations of interest", limit: 7))
        #expect(declarations.count == 7)
        #expect(declarations.allSatisfy { $0.lowercased().hasSuffix("declarations of interest") }, "\(declarations)")
    }
}
