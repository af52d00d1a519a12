public import MinutesIndex

/// What `GET /status` reports: the index, its sources and the writer's state.
public struct StatusReport: Codable, Sendable {
    /// One source file and how indexing it went.
    public struct Source: Codable, Sendable {
        /// The source's id: the slug of its file name, with a short hash when another file has that slug.
        public var id: String
        /// The file's path as indexed.
        public var path: String
        /// Whether the file's items are in the index or indexing it failed.
        public var state: SourceRecord.State
        /// Why indexing failed, when it did.
        public var reason: String?
        /// Items the index holds from this file (a failed file keeps those of its last good version).
        public var items: Int
        /// Items with no meeting date.
        public var undated: Int
        /// Indexed, but few or no items were found in it (`quorum parse --explain` says why).
        public var needsALook: Bool

        enum CodingKeys: String, CodingKey {
            case id, path, state, reason, items, undated
            case needsALook = "needs_a_look"
        }

        init(_ record: SourceRecord) {
            id = record.id
            path = record.path
            state = record.state
            reason = record.reason
            items = record.itemCount
            undated = record.undatedCount
            needsALook = record.needsALook
        }
    }

    /// A file that could not be indexed: which, why and since when. Listed until the file is
    /// fixed and indexed, or removed.
    public struct FailedFile: Codable, Sendable, Equatable {
        /// Relative to the watched folder that holds it (absolute if it is in none).
        public var path: String
        /// Why it could not be indexed.
        public var reason: String
        /// ISO 8601: when this failure was first seen.
        public var since: String
    }

    /// Why the index cannot be written now (a full disk); searches still answer from the last commit.
    public struct WriterFailure: Codable, Sendable, Equatable {
        /// Xapian's message.
        public var message: String
        /// ISO 8601.
        public var since: String
    }

    /// Items in the index (when federating: in the shards that answer).
    public var items: Int
    /// Items whose meeting date was found nowhere: they are outside every date filter and
    /// counted under "unknown" in the year facet.
    public var undatedItems: Int = 0
    /// Files indexed with few or no items found: their format needs a look.
    public var needsALook: [String] = []
    /// Source files the index knows, indexed or failed.
    public var sourceCount: Int
    /// Sources whose items are in the index.
    public var indexedCount: Int
    /// Sources that could not be indexed.
    public var failedCount: Int
    /// Every source file, by path.
    public var sources: [Source]
    /// ISO 8601.
    public var lastCommit: String?
    /// Why the last commit failed, if it did.
    public var lastError: String?
    /// Size of the index folder on disk, in bytes.
    public var indexBytes: Int
    /// Write jobs queued and not yet committed.
    public var queueDepth: Int
    /// Seconds since the daemon started.
    public var uptimeSeconds: Int
    /// The index folder.
    public var index: String
    /// The folders watched for minutes files.
    public var watching: [String]
    /// When federating shards: which answer now (``degraded`` is true when some do not).
    public var shards: ShardSummary?
    /// True when some shards do not answer; absent when not federating.
    public var degraded: Bool?
    /// The files that failed, with their reasons, by path.
    public var failed: [FailedFile] = []
    /// Set while writing the index fails; the writer retries (the next rescan) until it works.
    public var writerError: WriterFailure?
    /// While the files a reconciliation queued are being indexed (the start-up scan of a
    /// large folder, a rebuild): how far, how fast, how long to go.
    public var backlog: BacklogProgress.Report?
    /// While a fresh index is filled from the watched folders after the old one was found
    /// damaged or of another schema: why, and where the old one was kept. Searches meanwhile
    /// answer from what is rebuilt and say `partial` — unless `old_index_serves` (an upgrade:
    /// the old index answers, whole, until the new one is swapped in).
    public var rebuilding: IndexRecovery.SetAside?
    /// When the daemon serves a replica: its primary, the commit it holds and when it changed.
    public var replica: ReplicaStatus?

    enum CodingKeys: String, CodingKey {
        case items, sources, index, watching, failed, shards, degraded, backlog, rebuilding, replica
        case writerError = "writer_error"
        case undatedItems = "undated_items"
        case needsALook = "needs_a_look"
        case sourceCount = "source_count"
        case indexedCount = "indexed_count"
        case failedCount = "failed_count"
        case lastCommit = "last_commit"
        case lastError = "last_error"
        case indexBytes = "index_bytes"
        case queueDepth = "queue_depth"
        case uptimeSeconds = "uptime_seconds"
    }
}
