import Foundation

/// What the index knows of one source file: where it was, what it looked like when indexed,
/// and whether indexing it worked. Kept in the index's metadata so a copied index is complete.
public struct SourceRecord: Codable, Sendable, Equatable {
    /// Whether the file's items are in the index.
    public enum State: String, Codable, Sendable {
        case indexed
        case failed
    }

    /// The source id: the slug of the file name, made unique (``Indexer/sourceID(forPath:)``).
    public var id: String
    /// The file's standard path.
    public var path: String
    /// Size in bytes when last seen.
    public var size: Int
    /// Modification time, seconds since 1970.
    public var modified: Double
    /// Modification time to the nanosecond and inode, as ``FileSnapshot`` read them; nil in
    /// records of builds before them, and for documents indexed without a file.
    public var modifiedNanoseconds: Int64?
    /// (See ``modifiedNanoseconds``.)
    public var inode: UInt64?
    /// FNV-1a 64 of the contents, hex: tells a touched file from a changed one.
    public var fingerprint: String
    /// Whether its items are in the index.
    public var state: State
    /// Why indexing failed, when it did.
    public var reason: String?
    /// The items it holds in the index.
    public var itemCount: Int
    /// When the file was last indexed or failed, seconds since 1970.
    public var indexedAt: Double
    /// Items (or passages) with no meeting date: they fall out of every date filter.
    public var undatedCount = 0
    /// Items the parser found, not counting passages and sections without items; few or none
    /// means the file's format was not understood and it needs a look (`quorum parse --explain`).
    public var foundItemCount: Int?

    /// Files with fewer found items than this are listed as needing a look.
    public static let fewItems = 2

    /// Indexed, but its items were not (all) found: it was indexed as passages or as one record.
    public var needsALook: Bool { state == .indexed && (foundItemCount ?? Self.fewItems) < Self.fewItems }

    enum CodingKeys: String, CodingKey {
        case id, path, size, modified, fingerprint, state, reason, inode
        case modifiedNanoseconds = "modified_ns"
        case itemCount = "item_count"
        case indexedAt = "indexed_at"
        case undatedCount = "undated_count"
        case foundItemCount = "found_item_count"
    }

    /// A record with these values (nanosecond time and inode unknown until ``take(_:)``).
    public init(id: String, path: String, size: Int, modified: Double, fingerprint: String, state: State, reason: String?,
                itemCount: Int, indexedAt: Double, undatedCount: Int = 0, foundItemCount: Int? = nil) {
        self.id = id
        self.path = path
        self.size = size
        self.modified = modified
        self.fingerprint = fingerprint
        self.state = state
        self.reason = reason
        self.itemCount = itemCount
        self.indexedAt = indexedAt
        self.undatedCount = undatedCount
        self.foundItemCount = foundItemCount
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        path = try c.decode(String.self, forKey: .path)
        size = try c.decode(Int.self, forKey: .size)
        modified = try c.decode(Double.self, forKey: .modified)
        fingerprint = try c.decode(String.self, forKey: .fingerprint)
        state = try c.decode(State.self, forKey: .state)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        itemCount = try c.decode(Int.self, forKey: .itemCount)
        indexedAt = try c.decode(Double.self, forKey: .indexedAt)
        // Indexes written before these counts existed read as dated and fully parsed.
        undatedCount = try c.decodeIfPresent(Int.self, forKey: .undatedCount) ?? 0
        foundItemCount = try c.decodeIfPresent(Int.self, forKey: .foundItemCount)
        modifiedNanoseconds = try c.decodeIfPresent(Int64.self, forKey: .modifiedNanoseconds)
        inode = try c.decodeIfPresent(UInt64.self, forKey: .inode)
    }

    /// Whether the file on disk is as this record saw it: the same size, modification time and
    /// inode. (Records of older builds kept the time in seconds only, read another way: they
    /// match within a millisecond.)
    public func describes(_ snapshot: FileSnapshot) -> Bool {
        guard size == snapshot.size else { return false }
        guard let modifiedNanoseconds, let inode else { return abs(modified - snapshot.modified) < 1e-3 }
        return modifiedNanoseconds == snapshot.modifiedNanoseconds && inode == snapshot.inode
    }

    /// Takes the size, times and inode of `snapshot` (nil: a document indexed without a file).
    mutating func take(_ snapshot: FileSnapshot?) {
        size = snapshot?.size ?? 0
        modified = snapshot?.modified ?? 0
        modifiedNanoseconds = snapshot?.modifiedNanoseconds
        inode = snapshot?.inode
    }
}

/// FNV-1a, 64 bits, as 16 hex digits: a fast content fingerprint for change detection
/// (not a defence against anyone crafting collisions, which nothing here needs).
func fingerprint(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
