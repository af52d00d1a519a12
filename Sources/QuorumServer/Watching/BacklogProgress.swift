import Foundation
public import MinutesIndex
import Synchronization

/// How far the daemon is through the files a reconciliation queued (the start-up scan of a
/// large folder, a rebuild after a recovery): what `/status` shows as `backlog` and the log
/// every few seconds. Files that arrive one at a time while serving are not a backlog.
public final class BacklogProgress: Sendable {
    /// The numbers `/status` reports.
    public struct Report: Codable, Sendable, Equatable {
        /// Files queued by the reconciliation.
        public var filesQueued: Int
        /// Of those, done (indexed, unchanged, failed or removed).
        public var filesDone: Int
        /// Items written per second since the backlog began.
        public var itemsPerSecond: Double
        /// At the rate so far; nil until a file is done.
        public var secondsLeft: Int?

        enum CodingKeys: String, CodingKey {
            case filesQueued = "files_queued"
            case filesDone = "files_done"
            case itemsPerSecond = "items_per_second"
            case secondsLeft = "seconds_left"
        }
    }

    private struct State {
        var queued = 0
        var done = 0
        var began: ContinuousClock.Instant?
        var itemsAtStart = 0
        /// The recovery being rebuilt from, until its backlog is done.
        var rebuilding: IndexRecovery.SetAside?
        /// Items a bulk load has written into its own databases, which the index does not count yet.
        var bulkItems = 0
    }

    private let state: Mutex<State>

    /// `rebuilding`: the recovery a fresh index is being filled after (read from the index).
    public init(rebuilding: IndexRecovery.SetAside? = nil) {
        state = Mutex(State(rebuilding: rebuilding))
    }

    /// A reconciliation queued `files` more jobs, with the index holding `items`.
    func add(files: Int, items: Int) {
        guard files > 0 else { return }
        state.withLock { state in
            if state.began == nil || state.done >= state.queued {
                state = State(queued: 0, done: 0, began: .now, itemsAtStart: items, rebuilding: state.rebuilding, bulkItems: 0)
            }
            state.queued += files
        }
    }

    /// A bulk load's file is done, with `items` items written outside the index (``CorpusSync/BulkLoad``).
    func bulkFileDone(items: Int) {
        state.withLock { state in
            guard state.done < state.queued else { return }
            state.done += 1
            state.bulkItems += items
        }
    }

    /// Drops the backlog in hand (a bulk load that failed: its files are queued again).
    func abandonBacklog() {
        state.withLock { state in state = State(rebuilding: state.rebuilding) }
    }

    /// One queued job is done. Returns true when it was the backlog's last.
    func fileDone() -> Bool {
        state.withLock { state in
            guard state.done < state.queued else { return false }
            state.done += 1
            return state.done == state.queued
        }
    }

    /// The recovery being rebuilt from, while its backlog is not done.
    public var rebuilding: IndexRecovery.SetAside? { state.withLock { $0.rebuilding } }

    /// Whether searches answer from an index still being filled (after a damaged one was set
    /// aside), rather than from a whole one: the old index serving during an upgrade is whole.
    public var answersArePartial: Bool { rebuilding.map { !$0.oldIndexServes } ?? false }

    /// The rebuild's files are all indexed.
    func finishRebuild() {
        state.withLock { $0.rebuilding = nil }
    }

    /// The backlog's progress with the index now holding `items`; nil when none is outstanding.
    public func report(items: Int) -> Report? {
        state.withLock { state in
            guard let began = state.began, state.done < state.queued else { return nil }
            let seconds = max((ContinuousClock.now - began) / .seconds(1), 0.001)
            let perFile = Double(state.done) > 0 ? seconds / Double(state.done) : nil
            return Report(filesQueued: state.queued, filesDone: state.done,
                          itemsPerSecond: (Double(max(items + state.bulkItems - state.itemsAtStart, 0)) / seconds * 10).rounded() / 10,
                          secondsLeft: perFile.map { Int((Double(state.queued - state.done) * $0).rounded()) })
        }
    }
}
