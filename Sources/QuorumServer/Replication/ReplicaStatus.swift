/// `/status`'s account of a replica (``ReplicaCopy``).
public struct ReplicaStatus: Codable, Sendable {
    /// The primary's replication server and index name.
    public var primary: String
    /// Whether the first copy has arrived (searches fail with 503 until it has).
    public var copied: Bool
    /// The primary's commit the copy holds.
    public var revision: UInt64?
    /// ISO 8601: when the copy last changed.
    public var lastUpdate: String?
    /// Whether `xapian-replicate` runs now, how often it was started, and its last line.
    public var copierRunning: Bool
    public var copierStarts: Int
    public var copierMessage: String?

    enum CodingKeys: String, CodingKey {
        case primary, copied, revision
        case lastUpdate = "last_update"
        case copierRunning = "copier_running"
        case copierStarts = "copier_starts"
        case copierMessage = "copier_message"
    }
}
