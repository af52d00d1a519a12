import Foundation
import Testing

@testable import QuorumServer

#if canImport(Glibc)
import Glibc
#endif

@Suite("SystemdNotifier")
struct SystemdNotifierTests {
    @Test("sends READY, STATUS and STOPPING datagrams to a socket path")
    func pathSocket() throws {
        let folder = try TemporaryFolder()
        let receiver = try RawUnixSocket(type: Int32(SOCK_DGRAM.rawValue))
        try receiver.bind(folder.path("notify"))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": folder.path("notify")])
        #expect(notifier.isEnabled)

        try notifier.ready(status: "serving 3 folders\nindex ok")
        #expect(try receiver.receiveDatagram() == "READY=1\nSTATUS=serving 3 folders index ok")
        try notifier.status("indexing 12 files")
        #expect(try receiver.receiveDatagram() == "STATUS=indexing 12 files")
        try notifier.stopping()
        #expect(try receiver.receiveDatagram() == "STOPPING=1")
    }

    @Test("an '@' name is a socket in the abstract namespace")
    func abstractSocket() throws {
        let name = "@quorum-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let receiver = try RawUnixSocket(type: Int32(SOCK_DGRAM.rawValue))
        try receiver.bind(name)
        try SystemdNotifier(socketPath: name).ready()
        #expect(try receiver.receiveDatagram() == "READY=1")
    }

    @Test("without NOTIFY_SOCKET nothing is sent and nothing fails")
    func disabled() throws {
        let notifier = SystemdNotifier(environment: ["PATH": "/usr/bin"])
        #expect(!notifier.isEnabled)
        #expect(SystemdNotifier(socketPath: "").isEnabled == false)
        try notifier.ready(status: "x")
        try notifier.stopping()
    }

    @Test("a socket nobody listens on is reported, not ignored")
    func missingSocket() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: SystemdNotifierError.self) {
            try SystemdNotifier(socketPath: folder.path("gone")).ready()
        }
        #expect(error?.errorNumber == ENOENT)
        #expect(error?.description == "cannot notify systemd on \(folder.path("gone")): No such file or directory")
    }
}
