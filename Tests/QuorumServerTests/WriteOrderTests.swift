import Foundation
import MinutesIndex
import Synchronization
import Testing
@testable import QuorumServer

/// The order the writer takes jobs in: newest file first, barriers in turn, one job per path.
@Suite("Write order")
struct WriteOrderTests {
    /// Takes every queued job, returning each job with the waiters it answers.
    private static func drain(_ schedule: inout JobSchedule<Int>) -> [(WriteJob, [Int])] {
        var taken: [(WriteJob, [Int])] = []
        while let entry = schedule.next() { taken.append((entry.job, entry.waiters)) }
        return taken
    }

    @Test("peek names the job next() takes, through joins, barriers and folders taking turns")
    func peekAgreesWithNext() {
        var schedule = JobSchedule<Int>()
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {  // a fixed sequence, so a failure repeats
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var taken = 0
        for step in 0..<2_000 {
            switch random(10) {
            case 0..<5:
                schedule.add(.indexFile("/w/\(["a", "b", "c"][random(3)])/\(random(12)).txt"), waiter: step)
            case 5:
                schedule.add(.removeFile("/w/a/\(random(12)).txt"), waiter: step)
            case 6:
                schedule.add(.removeSource("s\(random(5))"), waiter: step)
            default:
                let expected = schedule.peek()
                let entry = schedule.next()
                #expect(expected == entry?.job, "step \(step)")
                if entry != nil { taken += 1 }
            }
        }
        while let entry = schedule.next() { _ = entry; taken += 1 }
        #expect(taken > 500)
        #expect(schedule.peek() == nil)
    }

    @Test("file jobs run newest first")
    func newestFileFirst() {
        var schedule = JobSchedule<Int>()
        for n in 0..<4 { schedule.add(.indexFile("/w/\(n).txt"), waiter: n) }
        #expect(schedule.count == 4)
        let first = schedule.next()
        #expect(first?.job == .indexFile("/w/3.txt"))
        schedule.add(.indexFile("/w/late.txt"), waiter: 9)  // lands while the backlog is being worked off
        #expect(Self.drain(&schedule).map(\.0) == [.indexFile("/w/late.txt"), .indexFile("/w/2.txt"),
                                                    .indexFile("/w/1.txt"), .indexFile("/w/0.txt")])
        #expect(schedule.count == 0)
        #expect(schedule.next() == nil)
    }

    @Test("a job for a queued path joins it: the last job decides, every waiter hears it")
    func samePathJoins() {
        var schedule = JobSchedule<Int>()
        schedule.add(.indexFile("/w/a.txt"), waiter: 1)
        schedule.add(.indexFile("/w/b.txt"), waiter: 2)
        schedule.add(.removeFile("/w/a.txt"), waiter: 3)
        #expect(schedule.count == 2)
        let taken = Self.drain(&schedule)
        #expect(taken.map(\.0) == [.removeFile("/w/a.txt"), .indexFile("/w/b.txt")])
        #expect(taken.map(\.1) == [[1, 3], [2]])
        // Taken is taken: the same path queued again is a job of its own.
        schedule.add(.indexFile("/w/a.txt"), waiter: 4)
        #expect(Self.drain(&schedule).map(\.1) == [[4]])
    }

    @Test("barriers keep their place; files never cross them and never join across them")
    func barriersKeepOrder() {
        var schedule = JobSchedule<Int>()
        schedule.add(.indexFile("/w/a.txt"), waiter: 1)
        schedule.add(.indexFile("/w/b.txt"), waiter: 2)
        schedule.add(.removeFolder("/w"), waiter: 3)
        schedule.add(.indexFile("/w/a.txt"), waiter: 4)
        schedule.add(.indexFile("/w/c.txt"), waiter: 5)
        schedule.add(.removeSource("old"), waiter: 6)
        schedule.add(.removeSavedSearch("s"), waiter: 7)
        #expect(schedule.count == 7)
        #expect(Self.drain(&schedule).map(\.1) == [[2], [1], [3], [5], [4], [6], [7]])
    }

    @Test("folders take turns: a file landing beside a bulk copy waits one job at most")
    func foldersTakeTurns() {
        var schedule = JobSchedule<Int>()
        for n in 0..<10 { schedule.add(.indexFile("/w/archive/\(n).txt"), waiter: n) }
        #expect(schedule.next()?.job == .indexFile("/w/archive/9.txt"))
        schedule.add(.indexFile("/w/new.txt"), waiter: 100)
        schedule.add(.indexFile("/w/archive/10.txt"), waiter: 10)  // the copy is still landing
        schedule.add(.indexFile("/w/other/a.txt"), waiter: 200)
        #expect(Self.drain(&schedule).flatMap(\.1) == [100, 200, 10, 8, 7, 6, 5, 4, 3, 2, 1, 0])
    }

    @Test("a long reconciliation of barriers and files drains completely and in order")
    func longQueues() {
        var schedule = JobSchedule<Int>()
        var expected: [Int] = []
        for block in 0..<300 {
            let files = (0..<5).map { block * 10 + $0 }
            for n in files { schedule.add(.indexFile("/w/\(n).txt"), waiter: n) }
            schedule.add(.removeSource("s\(block)"), waiter: block * 10 + 9)
            expected += files.reversed() + [block * 10 + 9]
        }
        #expect(schedule.count == 1800)
        #expect(Self.drain(&schedule).flatMap(\.1) == expected)
    }

    @Test("the daemon's writer indexes a file that lands behind a backlog next, not last")
    func writerTakesTheNewcomerFirst() async throws {
        let folder = try TemporaryFolder()
        try makeFolder(folder.path("corpus"))
        let backlog = 40
        for n in 0..<backlog {
            try writeFile(folder.path("corpus/bulk-\(n).txt"), SampleMinutes.cabinet)
        }
        try writeFile(folder.path("corpus/newcomer.txt"), SampleMinutes.planning)
        // A commit after every job, so each caller hears back in the order the jobs ran.
        let writer = WriteQueue(indexer: try Indexer(path: folder.path("index")), commitInterval: .zero,
                                logger: LogRecorder().logger())
        let finished = FinishedJobs()
        writer.holdJobs()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<backlog {
                group.addTask {
                    _ = try await writer.submit(.indexFile(folder.path("corpus/bulk-\(n).txt")))
                    finished.append("bulk-\(n)")
                }
            }
            #expect(try await eventually(timeout: .seconds(30)) { writer.depth == backlog })
            group.addTask {
                let result = try await writer.submit(.indexFile(folder.path("corpus/newcomer.txt")))
                guard case let .file(.indexed(_, items)) = result else {
                    Issue.record("not indexed: \(result)")
                    return
                }
                #expect(items.count == 2)
                finished.append("newcomer")
            }
            #expect(try await eventually(timeout: .seconds(30)) { writer.depth == backlog + 1 })  // released either way
            writer.releaseJobs()
            try await group.waitForAll()
        }
        // A commit follows each job and answers its caller; callers' tasks may run a little out
        // of turn, hence "among the first three" (first in first out would make it the last).
        let order = finished.names
        #expect(order.count == backlog + 1)
        #expect(order.prefix(3).contains("newcomer"), "finished in the order \(order)")
        #expect(writer.itemCount == 2 * backlog + 2)
        #expect(writer.depth == 0)
    }
}

/// The writer reads the next file ahead while it writes this one.
@Suite("Write queue read-ahead")
struct ReadAheadTests {
    @Test("a file changed after it was read ahead is indexed as it is now, not as it was read")
    func aChangedFileIsReadAgain() async throws {
        let folder = try TemporaryFolder()
        try makeFolder(folder.path("corpus"))
        let (older, newer) = (folder.path("corpus/older.txt"), folder.path("corpus/newer.txt"))
        try writeFile(older, SampleMinutes.cabinet)
        try writeFile(newer, SampleMinutes.cabinet)
        let writer = WriteQueue(indexer: try Indexer(path: folder.path("index")), commitInterval: .zero,
                                logger: LogRecorder().logger())
        let readAhead = FinishedJobs()
        writer.didReadAhead = { path in
            readAhead.append(path)
            // The older file changes after the writer read it ahead and before it indexes it.
            if path == older { try? writeFile(older, SampleMinutes.planning) }
        }
        writer.holdJobs()
        async let first = writer.submit(.indexFile(older))
        #expect(try await eventually(timeout: .seconds(30)) { writer.depth == 1 })
        async let second = writer.submit(.indexFile(newer))
        #expect(try await eventually(timeout: .seconds(30)) { writer.depth == 2 })
        writer.releaseJobs()
        _ = try await (first, second)

        // Newest first: the older file was read ahead while the newer one was written.
        #expect(readAhead.names == [older])
        let searcher = try Searcher(path: folder.path("index"))
        let bypass = try searcher.search(SearchRequest(query: "bypass"))
        #expect(bypass.hits.map(\.source.id) == ["older"], "the file as it is now")
        let libraries = try searcher.search(SearchRequest(query: "libraries", limit: 20))
        #expect(libraries.hits.map(\.source.id) == ["newer"], "not as it was read ahead")
    }

    @Test("files read ahead are indexed from what was read: a backlog ends up whole")
    func aBacklogReadAheadIsWhole() async throws {
        let folder = try TemporaryFolder()
        try makeFolder(folder.path("corpus"))
        let files = 12
        for n in 0..<files {
            try writeFile(folder.path("corpus/file-\(n).txt"), n.isMultiple(of: 2) ? SampleMinutes.cabinet : SampleMinutes.planning)
        }
        let writer = WriteQueue(indexer: try Indexer(path: folder.path("index")), logger: LogRecorder().logger())
        let readAhead = FinishedJobs()
        writer.didReadAhead = { readAhead.append($0) }
        writer.holdJobs()
        try await withThrowingTaskGroup(of: WriteResult.self) { group in
            for n in 0..<files {
                group.addTask { try await writer.submit(.indexFile(folder.path("corpus/file-\(n).txt"))) }
                #expect(try await eventually(timeout: .seconds(30)) { writer.depth == n + 1 })
            }
            writer.releaseJobs()
            for try await result in group {
                guard case let .file(.indexed(_, items)) = result else {
                    Issue.record("not indexed: \(result)")
                    continue
                }
                #expect(items.count == 2)
            }
        }
        #expect(readAhead.names.count == files - 1, "every file but the first taken was read ahead")
        #expect(writer.itemCount == 2 * files)
        let searcher = try Searcher(path: folder.path("index"))
        #expect(try searcher.search(SearchRequest(query: "bypass", limit: 50)).total == files / 2)
        #expect(try searcher.search(SearchRequest(query: "libraries", limit: 50)).total == files / 2)
    }
}

/// The jobs that have finished, in the order their callers heard back.
private final class FinishedJobs: Sendable {
    private let list = Mutex<[String]>([])
    func append(_ name: String) { list.withLock { $0.append(name) } }
    var names: [String] { list.withLock { $0 } }
}
