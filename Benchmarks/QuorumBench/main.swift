// quorum-bench: the Swift half of Benchmarks/run. Runs a query mix through a Searcher in
// process, or through quorumd's Unix socket from many concurrent clients, and prints
// latencies as JSON. A benchmark tool, not part of the product.
//
//   quorum-bench inprocess --index DIR --mix MIX.json [--rounds N] [--set k1=1.2,proximity=0]
//   quorum-bench socket --socket PATH --mix MIX.json --clients C [--seconds S]
//
// MIX.json is a list of {"category", "q", "from", "to", "facets", "sort", "exact", "path"} written by
// Benchmarks/run, which gives the same queries to the peer engines.
import Foundation
import MinutesIndex
import MinutesIngest
import Xapian

/// One query of the mix.
struct MixQuery: Decodable, Sendable {
    var category: String
    var q: String
    var from: String?
    var to: String?
    var facets: [String]
    var sort: String
    /// Whether facets are counted over every match however many (`exact=true`).
    var exact: Bool?
    /// The same search as a `/search?…` request path for the socket.
    var path: String

    var request: SearchRequest {
        SearchRequest(query: q,
                      from: from.flatMap { MeetingDate(bound: $0, endOfSpan: false) },
                      to: to.flatMap { MeetingDate(bound: $0, endOfSpan: true) },
                      facets: facets.compactMap(Facet.init(rawValue:)), sort: SearchOrder(rawValue: sort) ?? .relevance, limit: 10,
                      exactCounts: exact ?? false)
    }
}

/// Latency figures of one set of timings, in milliseconds.
struct Summary: Encodable {
    var count: Int
    var p50: Double
    var p99: Double
    var mean: Double

    init(_ milliseconds: [Double]) {
        let sorted = milliseconds.sorted()
        count = sorted.count
        p50 = Summary.percentile(sorted, 50)
        p99 = Summary.percentile(sorted, 99)
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
    }

    /// Nearest-rank percentile (the same rule as the Python scripts).
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("quorum-bench: " + message + "\n").utf8))
    exit(2)
}

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e6 }

func printJSON<T: Encodable>(_ value: T) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    print(String(decoding: try! encoder.encode(value), as: UTF8.self))
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else { fail("usage: quorum-bench inprocess|socket …") }
guard let mixPath = option("mix", in: arguments) else { fail("--mix MIX.json is required") }
let mix: [MixQuery]
do {
    mix = try JSONDecoder().decode([MixQuery].self, from: Data(contentsOf: URL(fileURLWithPath: mixPath)))
} catch {
    fail("cannot read \(mixPath): \(error)")
}
if mix.isEmpty { fail("\(mixPath) holds no queries") }

switch mode {
case "inprocess":
    guard let index = option("index", in: arguments) else { fail("--index DIR is required") }
    let rounds = Int(option("rounds", in: arguments) ?? "3") ?? 3
    let searcher: Searcher
    do { searcher = try Searcher(path: index) } catch { fail("cannot open \(index): \(error)") }
    if let settings = option("set", in: arguments) {
        // Ranking settings other than the defaults (`quorum eval --set`'s names), to time what each costs.
        do { searcher.ranking = try searcher.ranking.applying(settings) } catch { fail("--set: \(error)") }
    }
    searcher.valueColumns = ValueColumns()  // as quorumd's searchers have
    let requests = mix.map(\.request)
    for request in requests { _ = try? searcher.search(request) }  // warm the caches once
    var byCategory: [String: [Double]] = [:]
    var all: [Double] = []
    let started = now()
    for _ in 0..<rounds {
        for (query, request) in zip(mix, requests) {
            let t0 = now()
            do { _ = try searcher.search(request) } catch { fail("query \(query.q) failed: \(error)") }
            let elapsed = now() - t0
            byCategory[query.category, default: []].append(elapsed)
            all.append(elapsed)
        }
    }
    let seconds = (now() - started) / 1000
    struct Report: Encodable { var all: Summary; var categories: [String: Summary]; var qps: Double }
    printJSON(Report(all: Summary(all), categories: byCategory.mapValues(Summary.init), qps: Double(all.count) / seconds))

case "socket":
    guard let socketPath = option("socket", in: arguments) else { fail("--socket PATH is required") }
    let clients = Int(option("clients", in: arguments) ?? "1") ?? 1
    let seconds = Double(option("seconds", in: arguments) ?? "5") ?? 5
    let results = SocketLoad(socketPath: socketPath, mix: mix, clients: clients, seconds: seconds).run()
    printJSON(results)

default:
    fail("unknown mode \(mode): inprocess or socket")
}
