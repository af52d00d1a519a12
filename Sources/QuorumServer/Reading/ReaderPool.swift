import Dispatch
public import MinutesIndex
import NIOCore
import Synchronization
import Xapian

/// Read handles for searches, one per search at a time, reopened after each commit.
///
/// Xapian handles are not thread-safe, so each search borrows a ``Searcher`` of its own; a
/// borrowed one that predates the last commit is reopened first, and the searcher itself
/// retries once if a commit lands mid-search. Searches run off Swift's cooperative threads,
/// since Xapian blocks on disk reads, at most a fixed number at once (``SearchLanes``): a burst
/// of slow searches waits its turn instead of starting a thread each.
public final class ReaderPool: Sendable {
    /// What each searcher reads: one index folder, or shards searched as one.
    public enum Source: Sendable {
        case index(path: String)
        case shards([ShardAddress], ShardSet.Options)
    }

    private let source: Source
    private let state = Mutex(State())
    private let lanes: SearchLanes
    /// Facet slots in memory, shared by every searcher of the index (not used over shards).
    private let valueColumns = ValueColumns()

    private struct State {
        var generation = 0
        /// Bumped when the index was replaced by another database at the same path (a replica's
        /// full copy switched in): handles of an older epoch are opened afresh, since a reopen
        /// follows the files they hold, not the new ones.
        var epoch = 0
        var idle: [(searcher: SendableSearcher, generation: Int, epoch: Int)] = []
    }

    /// Searches that may run at once when not told otherwise: two per core, so that a search
    /// waiting on the disk does not leave a core idle.
    public static var defaultThreadCount: Int { 2 * System.coreCount }

    /// A pool over the index at `path`; handles are opened on first use.
    public convenience init(path: String, threads: Int = ReaderPool.defaultThreadCount) {
        self.init(source: .index(path: path), threads: threads)
    }

    /// A pool over `source`, running at most `threads` searches at once. Over shards, each
    /// searcher holds its own connections and keeps itself current (``ShardSet``): nothing
    /// commits here.
    public init(source: Source, threads: Int = ReaderPool.defaultThreadCount) {
        self.source = source
        lanes = SearchLanes(count: threads)
    }

    /// Marks every idle and borrowed handle as stale; called after each commit.
    public func indexDidCommit() {
        state.withLock { $0.generation += 1 }
    }

    /// Marks every handle as belonging to a database no longer at the path: each is opened
    /// afresh before its next search.
    public func indexWasReplaced() {
        state.withLock { $0.generation += 1; $0.epoch += 1 }
    }

    /// How many commits the pool has been told of: what a ``SearchCache`` keys answers by.
    public var generation: Int {
        state.withLock { $0.generation }
    }

    /// Builds the in-memory columns of `facets` in the background, so that the first searches
    /// counting them do not wait for them.
    public func prepareFacetColumns(for facets: [Facet]) {
        guard case .index = source else { return }
        lanes.submit { [self] in _ = try? borrow { try $0.prepareFacetColumns(for: facets) } }
    }

    /// Runs `body` with a searcher of its own, up to date with the last commit.
    public func withSearcher<T: Sendable>(_ body: @escaping @Sendable (Searcher) throws -> T) async throws -> T {
        try await withSearcherAndGeneration(body).value
    }

    /// Like ``withSearcher(_:)``, and says which ``generation`` the searcher was current with.
    public func withSearcherAndGeneration<T: Sendable>(_ body: @escaping @Sendable (Searcher) throws -> T)
        async throws -> (value: T, generation: Int) {
        try await lanes.run { try self.borrow(body) }
    }

    private func borrow<T>(_ body: (Searcher) throws -> T) throws -> (value: T, generation: Int) {
        let (taken, current, epoch) = state.withLock { state in
            (state.idle.popLast(), state.generation, state.epoch)
        }
        let searcher: Searcher
        if let taken, taken.epoch == epoch {
            searcher = taken.searcher.value
            if taken.generation != current { try searcher.reopen() }
        } else {
            switch source {
            case .index(let path):
                searcher = try Searcher(path: path)
                searcher.valueColumns = valueColumns
            case let .shards(addresses, options): searcher = try Searcher(shards: ShardSet(addresses, options: options))
            }
        }
        defer {
            state.withLock { $0.idle.append((SendableSearcher(value: searcher), current, epoch)) }
        }
        return (try body(searcher), current)
    }
}

/// A searcher moving between threads: safe because the pool lends each to one search at a time.
private struct SendableSearcher: @unchecked Sendable {
    let value: Searcher
}

/// At most a fixed number of searches at once, on dispatch's shared threads: a search starts
/// at once while fewer than `width` run, else waits its turn in order, and a finishing search
/// runs the next one on its own thread. So a burst of slow searches never holds more than
/// `width` threads in Xapian. (NIO's `NIOThreadPool` and a set of serial lanes were tried first:
/// handing each search to a parked thread left the cores a fifth idle with two clients at 100k
/// items — 395–465 against 530 searches/s, measured back to back against this.)
final class SearchLanes: Sendable {
    private let queue = DispatchQueue(label: "quorum.searches", attributes: .concurrent)
    private let width: Int
    /// Searches running, and those waiting for one to finish, oldest first.
    private let state = Mutex<(running: Int, waiting: [@Sendable () -> Void])>((0, []))

    init(count: Int) {
        width = max(1, count)
    }

    /// Runs `body` as soon as fewer than `width` searches run, and returns what it gives.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs `body` as soon as fewer than `width` searches run, not waiting for it.
    func submit(_ body: @escaping @Sendable () -> Void) {
        let startsNow = state.withLock { state -> Bool in
            guard state.running < width else {
                state.waiting.append(body)
                return false
            }
            state.running += 1
            return true
        }
        if startsNow { queue.async { self.perform(body) } }
    }

    /// Runs `work`, then whatever waits, on this thread; gives the place up when none does.
    private func perform(_ work: @escaping @Sendable () -> Void) {
        var next: (@Sendable () -> Void)? = work
        while let current = next {
            current()
            next = state.withLock { state in
                if state.waiting.isEmpty {
                    state.running -= 1
                    return nil
                }
                return state.waiting.removeFirst()
            }
        }
    }
}
