import Foundation
public import MinutesIndex
import Synchronization

/// The encoded answers of recent searches, kept until the index next commits.
///
/// People repeat searches — the same topic from many residents after a news story, the next
/// page, a facet clicked and unclicked — and over a large index a search costs milliseconds
/// while a kept answer costs microseconds. Like Solr's query result cache and Elasticsearch's
/// request cache, an entry belongs to one state of the index: each answer is stored with the
/// reader generation it was computed at (``ReaderPool``) and is only served while that is
/// still the current one, so a commit makes every entry stale at once. The least recently used
/// answers go first when the cache is over its byte budget.
public final class SearchCache: Sendable {
    /// The most bytes of encoded answers kept.
    public let capacity: Int
    private let state = Mutex(State())

    private struct State {
        var generation = 0
        var entries: [SearchRequest: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    private struct Entry {
        var body: Data
        var lastUse: UInt64
    }

    /// A cache of at most `capacity` bytes of answers.
    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// The answer to `request` computed at `generation`, if that is still the generation kept.
    public func body(for request: SearchRequest, generation: Int) -> Data? {
        state.withLock { state in
            guard state.generation == generation, var entry = state.entries[request] else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[request] = entry
            return entry.body
        }
    }

    /// Keeps `body` as the answer to `request` at `generation`. A newer generation drops every
    /// older answer; an answer from an older generation than the one kept is not stored.
    public func store(_ body: Data, for request: SearchRequest, generation: Int) {
        guard body.count <= capacity / 4 else { return }  // one huge page must not flush the rest
        state.withLock { state in
            if generation > state.generation {
                state = State(generation: generation)
            }
            guard generation == state.generation else { return }
            state.clock += 1
            if let old = state.entries.updateValue(Entry(body: body, lastUse: state.clock), forKey: request) {
                state.bytes -= old.body.count
            }
            state.bytes += body.count
            while state.bytes > capacity, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.entries[oldest.key] = nil
                state.bytes -= oldest.value.body.count
            }
        }
    }

    /// How many answers are kept (for tests and status).
    public var count: Int { state.withLock { $0.entries.count } }
}
