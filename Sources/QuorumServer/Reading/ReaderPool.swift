import Dispatch
public import MinutesIndex
import Synchronization
import Xapian

/// Read handles for searches, one per search at a time, reopened after each commit.
///
/// Xapian handles are not thread-safe, so each search borrows a ``Searcher`` of its own; a
/// borrowed one that predates the last commit is reopened first, and the searcher itself
/// retries once if a commit lands mid-search. Searches run off Swift's cooperative threads,
/// since Xapian blocks on disk reads.
public final class ReaderPool: Sendable {
    /// What each searcher reads: one index folder, or shards searched as one.
    public enum Source: Sendable {
        case index(path: String)
        case shards([ShardAddress], ShardSet.Options)
    }

    private let source: Source
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "quorum.readers", attributes: .concurrent)
    /// Facet slots in memory, shared by every searcher of the index (not used over shards).
    private let valueColumns = ValueColumns()

    private struct State {
        var generation = 0
        var idle: [(searcher: SendableSearcher, generation: Int)] = []
    }

    /// A pool over the index at `path`; handles are opened on first use.
    public convenience init(path: String) {
        self.init(source: .index(path: path))
    }

    /// A pool over `source`. Over shards, each searcher holds its own connections and keeps
    /// itself current (``ShardSet``): nothing commits here.
    public init(source: Source) {
        self.source = source
    }

    /// Marks every idle and borrowed handle as stale; called after each commit.
    public func indexDidCommit() {
        state.withLock { $0.generation += 1 }
    }

    /// How many commits the pool has been told of: what a ``SearchCache`` keys answers by.
    public var generation: Int {
        state.withLock { $0.generation }
    }

    /// Builds the in-memory columns of `facets` in the background, so that the first searches
    /// counting them do not wait for them.
    public func prepareFacetColumns(for facets: [String]) {
        guard case .index = source else { return }
        Task { try? await withSearcher { try $0.prepareFacetColumns(for: facets) } }
    }

    /// Runs `body` with a searcher of its own, up to date with the last commit.
    public func withSearcher<T: Sendable>(_ body: @escaping @Sendable (Searcher) throws -> T) async throws -> T {
        try await withSearcherAndGeneration(body).value
    }

    /// Like ``withSearcher(_:)``, and says which ``generation`` the searcher was current with.
    public func withSearcherAndGeneration<T: Sendable>(_ body: @escaping @Sendable (Searcher) throws -> T)
        async throws -> (value: T, generation: Int) {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.borrow(body) })
            }
        }
    }

    private func borrow<T>(_ body: (Searcher) throws -> T) throws -> (value: T, generation: Int) {
        let (taken, current) = state.withLock { state in
            (state.idle.popLast(), state.generation)
        }
        let searcher: Searcher
        if let taken {
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
            state.withLock { $0.idle.append((SendableSearcher(value: searcher), current)) }
        }
        return (try body(searcher), current)
    }
}

/// A searcher moving between threads: safe because the pool lends each to one search at a time.
private struct SendableSearcher: @unchecked Sendable {
    let value: Searcher
}
