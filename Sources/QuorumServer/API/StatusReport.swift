public import MinutesIndex

/// What `GET /status` reports: the index, its sources and the writer's state.
public struct StatusReport: Codable, Sendable {
    /// One source file and how indexing it went.
    public struct Source: Codable, Sendable {
        public var id: String
        public var path: String
        public var state: String
        public var reason: String?
        public var items: Int

        init(_ record: SourceRecord) {
            id = record.id
            path = record.path
            state = record.state.rawValue
            reason = record.reason
            items = record.itemCount
        }
    }

    public var items: Int
    public var sourceCount: Int
    public var indexedCount: Int
    public var failedCount: Int
    public var sources: [Source]
    /// ISO 8601.
    public var lastCommit: String?
    public var lastError: String?
    public var indexBytes: Int
    public var queueDepth: Int
    public var uptimeSeconds: Int
    public var index: String
    public var watching: [String]
    /// When federating shards: which answer now (``degraded`` is true when some do not).
    public var shards: ShardSummary?
    public var degraded: Bool?

    enum CodingKeys: String, CodingKey {
        case items, sources, index, watching, shards, degraded
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
