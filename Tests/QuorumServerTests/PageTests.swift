import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MinutesIndex
import Testing
@testable import QuorumServer

/// The pages for people, rendered in process over a real index of the shipped corpus: the
/// values they show are checked against the JSON API's own answers.
@Suite("pages")
struct PageTests {

    /// The shipped corpus, indexed once for the suite (the folder lives as long as the tests).
    static let corpus: (folder: TemporaryFolder, index: String) = {
        let folder = try! TemporaryFolder("quorum-pages")
        let indexer = try! Indexer(path: folder.path("index"))
        let files = try! FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Corpus").path)
        for file in files.sorted() where file.hasSuffix(".txt") {
            _ = try! indexer.indexFile(atPath: repositoryRoot.appendingPathComponent("Corpus/\(file)").path)
        }
        try! indexer.commit()
        return (folder, folder.path("index"))
    }()

    private func withPages(_ body: @escaping @Sendable (any TestClientProtocol, QuorumAPI) async throws -> Void) async throws {
        let api = QuorumAPI(readers: ReaderPool(path: Self.corpus.index), writer: nil, indexPath: Self.corpus.index, watchFolders: [])
        let app = Application(router: QuorumRouter.make(api: api))
        try await app.test(.router) { client in try await body(client, api) }
    }

    private static func text(_ buffer: ByteBuffer) -> String { String(buffer: buffer) }

    /// The values of attribute `name` of every `<rect>` in the page's first SVG.
    private static func bars(_ html: String) -> [(value: String, count: Int, height: Int)] {
        guard let svg = html.range(of: "<svg"), let end = html.range(of: "</svg>", range: svg.upperBound..<html.endIndex) else { return [] }
        let part = String(html[svg.lowerBound..<end.upperBound])
        let pattern = try! NSRegularExpression(pattern: #"<rect [^>]*height="(\d+)" data-value="([^"]+)" data-count="(\d+)""#)
        return pattern.matches(in: part, range: NSRange(part.startIndex..., in: part)).map { match in
            func group(_ i: Int) -> String { String(part[Range(match.range(at: i), in: part)!]) }
            return (group(2), Int(group(3))!, Int(group(1))!)
        }
    }

    /// The `href` of the first link whose text or label mentions `label`.
    private static func link(in html: String, labelled label: String) -> String? {
        let pattern = try! NSRegularExpression(pattern: #"<a href="([^"]+)"[^>]*>(?:(?!</a>).)*?"# + NSRegularExpression.escapedPattern(for: label),
                                               options: [.dotMatchesLineSeparators])
        guard let match = pattern.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)) else { return nil }
        return String(html[Range(match.range(at: 1), in: html)!]).replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("the search page shows the hits, a histogram whose bars are the year counts, and links that filter")
    func searchPage() async throws {
        try await withPages { client, api in
            let json = try await api.search(SearchRequest(query: "elective home education", facets: [.year]))
            let years = Dictionary(uniqueKeysWithValues: (json.facets["year"] ?? []).map { ($0.value, $0.count) })
            #expect(Set(years.keys).isSuperset(of: ["2018", "2020", "2024", "2025"]))
            try await client.execute(uri: "/?q=elective+home+education", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = Self.text(response.body)
                #expect(html.contains("\(json.total) matching items"))
                for hit in json.hits { #expect(html.contains(hit.item.title.replacingOccurrences(of: "'", with: "&#39;")), "\(hit.item.title)") }
                #expect(html.contains("<mark>"))
                let bars = Self.bars(html)
                #expect(bars.map(\.value) == years.keys.filter { Int($0) != nil }.sorted())
                for bar in bars { #expect(bar.count == years[bar.value], "\(bar.value)") }
                let highest = try #require(bars.max { $0.count < $1.count })
                #expect(highest.height == 100)
                for bar in bars { #expect(abs(bar.height - bar.count * 100 / highest.count) <= 2) }
                #expect(html.contains(#"<link rel="alternate" type="application/atom+xml""#))
                #expect(html.contains(#"<label for="q">"#) && html.contains(##"href="#main""##) && !html.contains("autofocus"))
            }
            // The 2020 bar's link gives only 2020's items, as many as its bar says.
            let page = try await client.execute(uri: "/?q=elective+home+education", method: .get).body
            let url = try #require(Self.link(in: Self.text(page), labelled: "2020: \(years["2020"]!) items"))
            #expect(url.contains("from=2020-01-01") && url.contains("to=2020-12-31"))
            try await client.execute(uri: url, method: .get) { response in
                let html = Self.text(response.body)
                #expect(html.contains("\(years["2020"]!) matching items"))
                let dates = html.components(separatedBy: #"<span class="date">"#).dropFirst().map { String($0.prefix(4)) }
                #expect(!dates.isEmpty && dates.allSatisfy { $0 == "2020" }, "\(dates)")
                #expect(html.contains("Months of 2020"))
            }
        }
    }

    @Test("a committee facet link narrows the search to that committee, and the JSON link gives the same search")
    func facetLinks() async throws {
        try await withPages { client, api in
            let html = Self.text(try await client.execute(uri: "/?q=budget", method: .get).body)
            let committees = try await api.search(SearchRequest(query: "budget", facets: [.committee])).facets["committee"] ?? []
            let first = try #require(committees.first)
            let url = try #require(Self.link(in: html, labelled: first.value))
            #expect(url.contains("committee="))
            let narrowed = Self.text(try await client.execute(uri: url, method: .get).body)
            #expect(narrowed.contains("\(first.count) matching items"))
            let jsonURL = try #require(Self.link(in: narrowed, labelled: "JSON"))
            let body = try await client.execute(uri: jsonURL, method: .get).body
            let answer = try JSONDecoder().decode(SearchResponse.self, from: Data(buffer: body))
            #expect(answer.total == first.count)
            #expect(answer.hits.allSatisfy { $0.committee == first.value })
        }
    }

    @Test("the person facet counts the people present, and each count is what its filter finds")
    func personFacet() async throws {
        try await withPages { client, api in
            let people = try await api.search(SearchRequest(query: "education", facets: [.person], exactCounts: true)).facets["person"] ?? []
            #expect(people.count >= 3)
            for person in people.prefix(3) {
                let filtered = try await api.search(SearchRequest(query: "education", people: [person.value], exactCounts: true))
                #expect(filtered.total == person.count, "\(person.value)")
                let written = try await api.search(SearchRequest(query: "education person:\(person.value)", exactCounts: true))
                #expect(written.total == person.count, "person:\(person.value)")
            }
            let html = Self.text(try await client.execute(uri: "/?q=education", method: .get).body)
            #expect(html.contains("<legend>Person present</legend>"))
            let first = try #require(people.first)
            let url = try #require(Self.link(in: html, labelled: SearchPage.personName(first.value)))
            #expect(url.contains("person=\(first.value)"))
            #expect(Self.text(try await client.execute(uri: url, method: .get).body).contains("\(first.count) matching items"))
        }
    }

    @Test("hostile queries and values are escaped everywhere")
    func escaping() async throws {
        try await withPages { client, _ in
            let hostile = #"<script>alert(1)</script>" onmouseover="x'"#
            let uri = "/?q=" + hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let html = Self.text(try await client.execute(uri: uri, method: .get).body)
            #expect(!html.contains("<script>"))
            #expect(!html.contains(#"" onmouseover"#))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x&#39;"))
            let item = Self.text(try await client.execute(uri: "/item/nothing%3Cb%3E", method: .get).body)
            #expect(!item.contains("nothing<b>"))
        }
    }

    @Test("an item page marks the words that led there and links its meeting and neighbours")
    func itemPage() async throws {
        try await withPages { client, api in
            let hit = try #require(try await api.search(SearchRequest(query: "\"elective home education\"", kinds: [.section(.minutes)])).hits.first)
            let uri = "/item/\(SearchRequest.percentEncoded(hit.id))?q=elective+home+education"
            let html = Self.text(try await client.execute(uri: uri, method: .get).body)
            #expect(html.contains("<h1>\(hit.item.number). \(hit.item.title)</h1>"))
            #expect(html.range(of: #"<mark>[Ee]lective</mark>"#, options: .regularExpression) != nil)
            #expect(html.contains(#"href="\#(SearchPage.meetingURL(hit.meeting))""#))
            #expect(html.contains("rel=\"prev\"") || html.contains("rel=\"next\""))
            #expect(html.contains("lines \(hit.source.firstLine)–\(hit.source.lastLine)"))
            let plain = Self.text(try await client.execute(uri: "/item/\(SearchRequest.percentEncoded(hit.id))", method: .get).body)
            #expect(!plain.contains("<mark>"))
            let missing = try await client.execute(uri: "/item/no-such-item", method: .get)
            #expect(missing.status == .notFound)
            #expect(Self.text(missing.body).contains("no item with id"))
        }
    }

    @Test("a meeting page lists its items in order with the attendance, and links the committee's other meetings")
    func meetingPage() async throws {
        try await withPages { client, api in
            let hit = try #require(try await api.search(SearchRequest(query: "\"elective home education\"", kinds: [.section(.minutes)])).hits.first)
            let items = try await api.search(SearchRequest(query: "meeting:\"\(hit.meeting)\"", limit: 1000)).hits
            let html = Self.text(try await client.execute(uri: SearchPage.meetingURL(hit.meeting), method: .get).body)
            #expect(html.components(separatedBy: "<li><a href=\"/item/").count - 1 == items.count)
            let numbers = items.filter { $0.source.id == hit.source.id }.map(\.item.number)
            let positions = numbers.compactMap { html.range(of: ">\($0). ")?.lowerBound }
            #expect(positions == positions.sorted(), "items in their order")
            #expect(html.contains("Attendance"))
            #expect(html.contains("rel=\"prev\"") || html.contains("rel=\"next\""))
        }
    }

    @Test("CSV and Atom exports of a search hold its hits")
    func exports() async throws {
        try await withPages { client, api in
            let json = try await api.search(SearchRequest(query: "library", limit: 200))
            let csv = try await client.execute(uri: "/search.csv?q=library", method: .get)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let rows = Self.text(csv.body).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(rows.first?.hasPrefix("meeting_date,committee,item_number,item_title") == true)
            #expect(rows.count == json.hits.count + 1)
            let atom = try await client.execute(uri: "/search.atom?q=library", method: .get)
            let document = try XMLDocument(data: Data(buffer: atom.body))
            #expect(try document.nodes(forXPath: "//*[local-name()='entry']").count == json.hits.count)
        }
    }

    @Test("the front page, a bad parameter and the stylesheet")
    func frontPageAndErrors() async throws {
        try await withPages { client, _ in
            let front = Self.text(try await client.execute(uri: "/", method: .get).body)
            #expect(front.contains("What did a committee say and decide?"))
            let bad = try await client.execute(uri: "/?colour=blue", method: .get)
            #expect(bad.status == .badRequest)
            #expect(Self.text(bad.body).contains("unknown parameter &#39;colour&#39;"))
            let css = try await client.execute(uri: "/style.css", method: .get)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(Self.text(css.body).contains("@media (max-width: 700px)"))
        }
    }

    @Test("save this search: offered where the daemon writes, saved from its own page only")
    func saveThisSearch() async throws {
        let folder = try TemporaryFolder()
        let readers = ReaderPool(path: folder.path("index"))
        let writer = WriteQueue(indexer: try Indexer(path: folder.path("index")), logger: LogRecorder().logger()) { readers.indexDidCommit() }
        let api = QuorumAPI(readers: readers, writer: writer, indexPath: folder.path("index"), watchFolders: [])
        let app = Application(router: QuorumRouter.make(api: api))
        try await app.test(.router) { client in
            let page = Self.text(try await client.execute(uri: "/?q=library&committee=Cabinet", method: .get).body)
            #expect(page.contains(#"<form class="save" method="post" action="/save">"#))
            #expect(page.contains(#"<input type="hidden" name="committee" value="Cabinet">"#))
            let form = ByteBuffer(string: "q=library+hours&committee=Cabinet&name=libraries")
            let foreign = try await client.execute(uri: "/save", method: .post, headers: [.origin: "http://evil.example"], body: form)
            #expect(foreign.status == .forbidden)
            #expect(try await api.savedSearches().saved.isEmpty)
            let own = try await client.execute(uri: "/save", method: .post, headers: [HTTPField.Name("Sec-Fetch-Site")!: "same-origin"], body: form)
            #expect(own.status == .ok)
            #expect(Self.text(own.body).contains("/saved/libraries/feed.atom"))
            let saved = try #require(try await api.savedSearches().saved.first)
            #expect(saved.name == "libraries" && saved.query == "library hours" && saved.filters.committees == ["Cabinet"])
        }
        // A daemon that only reads offers no form.
        try await withPages { client, _ in
            let page = try await client.execute(uri: "/?q=library", method: .get)
            #expect(!Self.text(page.body).contains("Save this search"))
        }
    }

    @Test("the templates built into the binary are the ones in Pages/Templates (run scripts/embed-pages)")
    func embeddedTemplatesInStep() throws {
        let folder = repositoryRoot.appendingPathComponent("Sources/QuorumServer/Pages/Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == EmbeddedPages.files.keys.sorted())
        for name in names {
            var text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            if text.hasSuffix("\n") { text.removeLast() }  // a multi-line literal drops the last newline
            #expect(EmbeddedPages.files[name] == text, "\(name) changed: run scripts/embed-pages")
        }
    }

    @Test("--http takes loopback only, unless it is said to be public")
    func listenerAddresses() throws {
        #expect(try HTTPListener("127.0.0.1:8080", public: false).port == 8080)
        #expect(try HTTPListener("[::1]:0", public: false).host == "::1")
        #expect(try HTTPListener("localhost:9000", public: false).description == "http://localhost:9000/")
        #expect(throws: ListenerError.self) { try HTTPListener("0.0.0.0:8080", public: false) }
        #expect(throws: ListenerError.self) { try HTTPListener("192.168.1.5:80", public: false) }
        #expect(try HTTPListener("0.0.0.0:8080", public: true).host == "0.0.0.0")
        #expect(throws: ListenerError.self) { try HTTPListener("127.0.0.1", public: false) }
        #expect(throws: ListenerError.self) { try HTTPListener("127.0.0.1:99999", public: false) }
    }
}
