import Foundation
import Testing
import Xapian

/// Xapian's remote backend through the binding: a real `xapian-tcpsrv` on loopback.
@Suite struct RemoteDatabaseTests {
    let tmp = TemporaryDirectory()

    @Test func searchesAShardServedOverTCPLikeALocalOne() throws {
        try buildSampleIndex(at: tmp.path("a"), items: Array(sampleItems.prefix(2)))
        try buildSampleIndex(at: tmp.path("b"), items: Array(sampleItems.suffix(3)))
        let server = try TCPShardServer(path: tmp.path("b"))
        defer { server.stop() }

        let remote = try server.connect()
        #expect(remote.documentCount == 3)
        #expect(try remote.postings(for: "Qm4").count == 1)

        // A local shard and a remote one searched as one: every item, in one ranking.
        let combined = Database()
        try combined.add(Database(path: tmp.path("a")))
        try combined.add(remote)
        #expect(combined.documentCount == 5)
        let ids = try searchIDs(combined, try makeParser(database: combined).parse("education"))
        #expect(Set(ids) == ["m1", "m2", "m3", "m4"])  // "educated" (m3) shares the stem
        #expect(try searchIDs(combined, Query(term: "XCscrutiny")).sorted() == ["m3", "m4"])
    }

    @Test func spellingAndSynonymsAreNotServedRemotely() throws {
        let writer = try buildSampleIndex(at: tmp.path("b"))
        try writer.addSynonym("lorry", for: "truck")
        try writer.commit()
        let server = try TCPShardServer(path: tmp.path("b"))
        defer { server.stop() }
        let local = try Database(path: tmp.path("b"))
        let remote = try server.connect()
        // What Quorum's federation has to make up for (see docs/SCALING.md).
        #expect(try local.spellingSuggestion(for: "educaton") == "education")
        #expect(try remote.spellingSuggestion(for: "educaton") == "")
        #expect(try local.synonyms(of: "truck") == ["lorry"])
        #expect(try remote.synonyms(of: "truck") == [])
    }

    @Test func aServerThatStopsFailsWithANetworkError() throws {
        try buildSampleIndex(at: tmp.path("a"))
        let server = try TCPShardServer(path: tmp.path("a"))
        let remote = try server.connect()
        #expect(remote.documentCount == 5)
        server.stop()
        let error = #expect(throws: XapianError.self) { try remote.postings(for: "Qm1") }
        #expect(error?.kind == .network)
        // Nothing listens there any more: connecting again fails at once, not after the timeout.
        let started = ContinuousClock.now
        let refused = #expect(throws: XapianError.self) {
            try Database(remoteHost: "127.0.0.1", port: server.port, timeout: .seconds(5))
        }
        #expect(refused?.kind == .network)
        #expect(ContinuousClock.now - started < .seconds(4))
    }
}

/// `xapian-tcpsrv` serving one database on a free loopback port, stopped with the test.
final class TCPShardServer {
    let port: Int
    private let process = Process()

    init(path: String) throws {
        port = try freeLoopbackPort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xapian-tcpsrv")
        process.arguments = ["--interface", "127.0.0.1", "--port", String(port), "--quiet", path]
        try process.run()
        // Ready once it accepts a connection.
        let deadline = ContinuousClock.now + .seconds(10)
        while (try? connect()) == nil {
            guard ContinuousClock.now < deadline, process.isRunning else {
                stop()
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "xapian-tcpsrv did not start on port \(port)"])
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func connect() throws -> Database {
        try Database(remoteHost: "127.0.0.1", port: port, timeout: .seconds(5))
    }

    /// Kills the server and the children it forked for open connections, as a crash would.
    func stop() {
        guard process.isRunning else { return }
        killProcessTree(process.processIdentifier)
        process.waitUntilExit()
    }

    deinit { stop() }
}

/// A TCP port nothing listens on now (the kernel's pick for an ephemeral bind).
func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EMFILE) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw POSIXError(.EADDRINUSE) }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// SIGKILLs `pid` and its children: xapian-tcpsrv serves each connection from a forked child,
/// which would otherwise go on answering the connections already open.
func killProcessTree(_ pid: pid_t) {
    let children = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { name -> pid_t? in
        guard let child = pid_t(name),
              let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name: state, then the parent's pid.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 && pid_t(fields[1]) == pid ? child : nil
    }
    kill(pid, SIGKILL)
    for child in children { kill(child, SIGKILL) }
}
