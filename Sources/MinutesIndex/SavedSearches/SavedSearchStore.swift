import Foundation
import Xapian

/// Reads the saved searches and their recorded matches from an index's metadata. Any handle
/// will do, read-only included; writing goes through the ``Indexer`` (the single writer).
///
/// Keys: `quorum.saved.NAME` holds the ``SavedSearch``, `quorum.saved-matches.NAME` its
/// matches, newest first, as JSON.
public struct SavedSearchStore {
    /// How many matches are kept per saved search; older ones drop off.
    public static let matchesKept = 200
    /// The most characters of item text a match keeps.
    public static let excerptLength = 400

    static let searchPrefix = "quorum.saved."
    static let matchesPrefix = "quorum.saved-matches."

    let database: Database

    /// Reads the saved searches of `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Every saved search, by name.
    public func list() throws -> [SavedSearch] {
        try database.metadataKeys(withPrefix: Self.searchPrefix).compactMap { key in
            try decode(SavedSearch.self, key: key)
        }.sorted { $0.name < $1.name }
    }

    /// The saved search with this name, if there is one.
    public func savedSearch(named name: String) throws -> SavedSearch? {
        try decode(SavedSearch.self, key: Self.searchPrefix + name)
    }

    /// The items that matched the saved search as they were indexed, newest match first;
    /// nil when there is no saved search with this name.
    public func matches(of name: String) throws -> [SavedSearchMatch]? {
        guard try savedSearch(named: name) != nil else { return nil }
        return try decode([SavedSearchMatch].self, key: Self.matchesPrefix + name) ?? []
    }

    private func decode<T: Decodable>(_ type: T.Type, key: String) throws -> T? {
        let value = try database.metadata(forKey: key)
        guard !value.isEmpty else { return nil }
        // A value this build cannot read is skipped rather than failing every listing.
        return try? Self.decoder.decode(type, from: Data(value.utf8))
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970  // keeps sub-second order of matches
        return encoder
    }

    static func encoded<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
