import Foundation
import Testing

/// Reaching the pages from a browser: quorumd's own TCP listener (`--http`), and the nginx site
/// file shipped in docs/ in front of its Unix socket. Both run for real.
@Suite("pages over TCP and through nginx", .serialized)
struct WebListenerTests {

    /// GETs `url` with curl: the status and body.
    static func get(_ url: String) throws -> (status: Int, body: String) {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "--max-time", "20", "-w", "\n%{http_code}", url]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let status = Int(text.split(separator: "\n").last ?? "") ?? 0
        return (status, String(text.dropLast(String(status).count + 1)))
    }

    @Test("quorumd --http serves the search page on loopback, and refuses a public address without --http-public")
    func ownListener() async throws {
        let folder = try TemporaryFolder()
        let port = try freeLoopbackPort()
        let daemon = try DaemonProcess(index: folder.path("index"), watch: repositoryRoot.appendingPathComponent("Corpus").path,
                                       socket: folder.path("q.sock"), extra: ["--http", "127.0.0.1:\(port)"])
        try await daemon.waitUntilServing()
        var page = (status: 0, body: "")
        for _ in 0..<100 {  // the corpus is indexed after the socket answers
            page = try Self.get("http://127.0.0.1:\(port)/?q=elective+home+education")
            if page.body.contains("DRAFT ELECTIVE HOME EDUCATION POLICY") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(page.status == 200)
        #expect(page.body.contains("DRAFT ELECTIVE HOME EDUCATION POLICY"))
        #expect(daemon.log().contains("open http://127.0.0.1:\(port)/"))

        let refused = Process()
        refused.executableURL = DaemonProcess.productsFolder.appendingPathComponent("quorumd")
        refused.arguments = ["--index", folder.path("index2"), "--socket", folder.path("r.sock"), "--http", "0.0.0.0:\(port)"]
        let errors = Pipe()
        refused.standardError = errors
        try refused.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        refused.waitUntilExit()
        #expect(refused.terminationStatus != 0)
        #expect(message.contains("not a loopback address"))
    }

    @Test("the nginx site in docs/ serves quorumd's socket on a port", .enabled(if: FileManager.default.fileExists(atPath: "/usr/sbin/nginx")))
    func nginxSite() async throws {
        let folder = try TemporaryFolder()
        // nginx's workers run as another user when the tests run as root: they must reach the socket.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let daemon = try DaemonProcess(index: folder.path("index"), watch: repositoryRoot.appendingPathComponent("Corpus").path,
                                       socket: folder.path("q.sock"), extra: ["--socket-mode", "0666"])
        try await daemon.waitUntilServing()
        let port = try freeLoopbackPort()
        var site = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/nginx-quorum.conf"), encoding: .utf8)
        site = site.replacingOccurrences(of: "unix:/run/quorum/quorum.sock", with: "unix:\(folder.path("q.sock"))")
            .replacingOccurrences(of: "listen 8080;", with: "listen 127.0.0.1:\(port);")
            .replacingOccurrences(of: "listen [::]:8080;", with: "")
        try makeFolder(folder.path("nginx/logs"))
        try writeFile(folder.path("nginx/site.conf"), site)
        try writeFile(folder.path("nginx/nginx.conf"), """
            pid \(folder.path("nginx/nginx.pid"));
            error_log \(folder.path("nginx/logs/error.log"));
            events {}
            http {
                access_log off;
                client_body_temp_path \(folder.path("nginx/body"));
                proxy_temp_path \(folder.path("nginx/proxy"));
                include \(folder.path("nginx/site.conf"));
            }
            """)
        let nginx = Process()
        nginx.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
        nginx.arguments = ["-p", folder.path("nginx"), "-c", folder.path("nginx/nginx.conf"), "-g", "daemon off;"]
        try nginx.run()
        defer { nginx.terminate(); nginx.waitUntilExit() }
        var answer = (status: 0, body: "")
        for _ in 0..<100 {
            answer = try Self.get("http://127.0.0.1:\(port)/search?q=library&facet=year")
            if answer.status == 200, answer.body.contains("\"hits\"") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(answer.status == 200)
        #expect(answer.body.contains("\"facets\""))
        let page = try Self.get("http://127.0.0.1:\(port)/?q=library")
        #expect(page.status == 200)
        #expect(page.body.contains("<main id=\"main\">"))
    }
}
