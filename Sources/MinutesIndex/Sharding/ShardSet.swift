import Foundation
import Xapian

/// Shards searched as one index: each shard opened on its own, the ones that answer joined
/// with Xapian's `add_database`, so ranking statistics, facet counts, sorting and collapsing
/// span them all exactly as in one combined index.
///
/// Not thread-safe, like the database handles it holds: each ``Searcher`` has a set of its own.
///
/// A shard that cannot be reached is left out and named in ``summary`` rather than failing
/// every search; it is tried again every ``Options/reconnectInterval``. Remote handles do not
/// heal once their connection breaks, so a shard that fails mid-search is dropped and reopened.
///
/// Xapian's remote protocol serves no synonym data, and a combination reads metadata from its
/// first shard only; so the acronym table searches expand with is merged here from each
/// shard's own metadata, at opening and whenever a shard moves on.
public final class ShardSet {
    /// Timeouts and how often shards are reopened and retried.
    public struct Options: Sendable {
        /// The longest any one call to a remote shard may take, and the connect timeout.
        public var timeout: Duration
        /// How long a shard that did not answer is left before it is tried again.
        public var reconnectInterval: Duration
        /// How often shards are reopened to see their writers' latest commits.
        public var refreshInterval: Duration

        /// Options with these timeouts and intervals.
        public init(timeout: Duration = .seconds(2), reconnectInterval: Duration = .seconds(2), refreshInterval: Duration = .seconds(1)) {
            self.timeout = timeout
            self.reconnectInterval = reconnectInterval
            self.refreshInterval = refreshInterval
        }
    }

    /// Every configured shard, in the configured order.
    public let addresses: [ShardAddress]
    /// The timeouts and intervals the set keeps to.
    public let options: Options
    /// The shards that answered, joined as one database.
    public private(set) var database = Database()
    private var handles: [ShardAddress: Database] = [:]
    private var failures: [ShardAddress: String] = [:]
    private var lastReconnect = ContinuousClock.now
    private var lastRefresh = ContinuousClock.now
    /// Each source's acronym definitions, over every shard that answered.
    private(set) var acronymDefinitions: [String: [AcronymMiner.Definition]] = [:]
    /// The acronym synonyms of ``acronymDefinitions``, as ``AcronymRegistry`` keeps them in one index.
    private(set) var acronymSynonyms: [String: [String]] = [:]

    /// Opens every shard it can reach now; the others are reported and retried later.
    public init(_ addresses: [ShardAddress], options: Options = Options()) {
        self.addresses = addresses
        self.options = options
        connectMissing()
        rebuild()
    }

    /// Which shards answered and which did not (with the reason).
    public var summary: ShardSummary {
        ShardSummary(
            total: addresses.count,
            answered: addresses.filter { handles[$0] != nil }.map(\.description),
            missing: addresses.compactMap { address in failures[address].map { MissingShard(name: address.description, reason: $0) } })
    }

    /// Called before each read: retries missing shards when their interval has passed, and
    /// reopens the others to see their latest commits.
    public func refreshIfDue() {
        let now = ContinuousClock.now
        var membershipChanged = false
        var contentChanged = false
        if !failures.isEmpty, now - lastReconnect >= options.reconnectInterval {
            lastReconnect = now
            membershipChanged = connectMissing()
        }
        if now - lastRefresh >= options.refreshInterval {
            lastRefresh = now
            let (changed, dropped) = reopenAll()
            contentChanged = changed
            membershipChanged = membershipChanged || dropped
        }
        if membershipChanged {
            rebuild()
        } else if contentChanged {
            reloadAcronyms()
        }
    }

    /// Called after a network error mid-read: connects to every shard afresh, leaving out the
    /// ones that do not answer until they come back. The others are reconnected too: a read
    /// cut short leaves their connections holding replies nobody read, so the next call on
    /// them would fail as well.
    public func recover() {
        handles.removeAll()
        connectMissing()
        lastReconnect = ContinuousClock.now
        lastRefresh = ContinuousClock.now
        rebuild()
    }

    /// Whether any shard is served by `xapian-tcpsrv` (whose matcher needs the work-arounds
    /// in ``Searcher``).
    public var hasRemoteShards: Bool {
        addresses.contains { if case .remote = $0 { true } else { false } }
    }

    /// Whether no shard answers, so there is nothing to search (Xapian cannot search a
    /// combination of no shards).
    public var isEmpty: Bool { handles.isEmpty }

    // MARK: -

    private func open(_ address: ShardAddress) throws -> Database {
        switch address {
        case .local(let path): try Database(path: path)
        case .remote(let host, let port): try Database(remoteHost: host, port: port, timeout: options.timeout)
        }
    }

    /// Opens the shards not open; returns whether any opened.
    @discardableResult
    private func connectMissing() -> Bool {
        var opened = false
        for address in addresses where handles[address] == nil {
            do {
                handles[address] = try open(address)
                failures[address] = nil
                opened = true
            } catch {
                failures[address] = Self.reason(error)
            }
        }
        return opened
    }

    /// Reopens each open shard; one that fails is closed and listed as missing.
    private func reopenAll() -> (changed: Bool, dropped: Bool) {
        var changed = false
        var dropped = false
        for address in addresses {
            guard let handle = handles[address] else { continue }
            do {
                if try handle.reopen() { changed = true }
            } catch {
                handles[address] = nil
                failures[address] = Self.reason(error)
                dropped = true
            }
        }
        return (changed, dropped)
    }

    /// Joins the open shards into a new combined database, in configured order.
    private func rebuild() {
        let combined = Database()
        for address in addresses {
            guard let handle = handles[address] else { continue }
            do {
                try combined.add(handle)
            } catch {
                handles[address] = nil
                failures[address] = Self.reason(error)
            }
        }
        database = combined
        reloadAcronyms()
    }

    private func reloadAcronyms() {
        var definitions: [String: [AcronymMiner.Definition]] = [:]
        for address in addresses {
            guard let handle = handles[address] else { continue }
            // A shard that fails here is caught by the next read's recovery.
            guard let shard = try? AcronymRegistry.load(from: handle) else { continue }
            definitions.merge(shard) { first, _ in first }
        }
        acronymDefinitions = definitions
        acronymSynonyms = AcronymRegistry.synonymTable(of: definitions)
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? XapianError { return error.message }
        return "\(error)"
    }
}

/// Which shards a federated answer came from.
public struct ShardSummary: Codable, Sendable, Equatable {
    /// How many shards are configured.
    public var total: Int
    /// The shards that answered, by name.
    public var answered: [String]
    /// The shards that did not, with the reason.
    public var missing: [MissingShard]

    /// Whether some shard did not answer, so the results may be incomplete.
    public var isDegraded: Bool { !missing.isEmpty }
}

/// A shard that did not answer, and why.
public struct MissingShard: Codable, Sendable, Equatable {
    /// The shard's name: its path, or `host:port`.
    public var name: String
    /// Why it did not answer (Xapian's message, when it gave one).
    public var reason: String
}
