import Foundation
import Xapian

/// Keeps the acronyms mined from each source file in the index, so a copied index is complete
/// and new documents update what searches expand:
/// - metadata `quorum.acronyms.<source-id>` holds each source's definitions (JSON), for listing;
/// - Xapian synonyms hold the table searches use, in both directions: the acronym ("ehe") has
///   each normalised expansion ("elective home education") as a synonym, and each expansion
///   has the acronym. A pair stays while any source defines it.
///
/// The synonym entries are read by ``AcronymExpander``, not by the QueryParser's synonym flags:
/// Xapian treats a synonym as one term, so it cannot expand "EHE" into a phrase, and its
/// multi-word synonyms do not apply inside a quoted phrase.
final class AcronymRegistry {
    private var bySource: [String: [AcronymMiner.Definition]]
    /// How many sources define each pair.
    private var counts: [AcronymMiner.Definition: Int] = [:]

    /// Loads every source's definitions from the database's metadata.
    init(database: Database) throws {
        bySource = try Self.load(from: database)
        for definitions in bySource.values {
            for d in Set(definitions.map(Self.key)) { counts[d, default: 0] += 1 }
        }
    }

    /// Replaces the definitions of source `id` (none: the source is gone), updating the synonyms
    /// of the pairs that appear or disappear across the whole index.
    func update(source id: String, definitions: [AcronymMiner.Definition], in database: WritableDatabase) throws {
        let old = Set((bySource[id] ?? []).map(Self.key))
        let new = Set(definitions.map(Self.key))
        for pair in new.subtracting(old) {
            counts[pair, default: 0] += 1
            if counts[pair] == 1 {
                try database.addSynonym(pair.expansion, for: pair.acronym)
                try database.addSynonym(pair.acronym, for: pair.expansion)
            }
        }
        for pair in old.subtracting(new) {
            counts[pair, default: 1] -= 1
            if counts[pair] == 0 {
                counts[pair] = nil
                try database.removeSynonym(pair.expansion, for: pair.acronym)
                try database.removeSynonym(pair.acronym, for: pair.expansion)
            }
        }
        let metadataKey = Schema.acronymMetadataPrefix + id
        if definitions.isEmpty {
            bySource[id] = nil
            try database.setMetadata("", forKey: metadataKey)
        } else {
            bySource[id] = definitions
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try database.setMetadata(String(decoding: try encoder.encode(definitions), as: UTF8.self), forKey: metadataKey)
        }
    }

    /// The pair as kept in synonyms: lower-case acronym, normalised expansion.
    private static func key(_ d: AcronymMiner.Definition) -> AcronymMiner.Definition {
        AcronymMiner.Definition(acronym: d.acronym.lowercased(), expansion: AcronymMiner.normalised(d.expansion))
    }

    static func load(from database: Database) throws -> [String: [AcronymMiner.Definition]] {
        let decoder = JSONDecoder()
        var result: [String: [AcronymMiner.Definition]] = [:]
        for key in try database.metadataKeys(withPrefix: Schema.acronymMetadataPrefix) {
            let value = try database.metadata(forKey: key)
            guard !value.isEmpty, let list = try? decoder.decode([AcronymMiner.Definition].self, from: Data(value.utf8)) else { continue }
            result[String(key.dropFirst(Schema.acronymMetadataPrefix.count))] = list
        }
        return result
    }

    /// Every acronym of the index, one entry per meaning, with its most printed form and the
    /// number of sources that define it; sorted by acronym.
    static func list(from database: Database) throws -> [Acronym] {
        list(of: try load(from: database))
    }

    /// The synonym table ``update(source:definitions:in:)`` keeps in an index, computed from
    /// each source's definitions: acronym → expansions and expansion → acronyms, sorted.
    /// Federated searches use it because shards served remotely give no synonyms.
    static func synonymTable(of bySource: [String: [AcronymMiner.Definition]]) -> [String: [String]] {
        var table: [String: Set<String>] = [:]
        for definitions in bySource.values {
            for pair in definitions.map(key) {
                table[pair.acronym, default: []].insert(pair.expansion)
                table[pair.expansion, default: []].insert(pair.acronym)
            }
        }
        return table.mapValues { $0.sorted() }
    }

    /// The acronym list (see ``list(from:)``) of definitions already loaded, by source.
    static func list(of bySource: [String: [AcronymMiner.Definition]]) -> [Acronym] {
        // (acronym lower, expansion normalised) → printed forms with counts, and sources.
        var forms: [AcronymMiner.Definition: [AcronymMiner.Definition: Int]] = [:]
        var sources: [AcronymMiner.Definition: Int] = [:]
        for definitions in bySource.values {
            var pairs = Set<AcronymMiner.Definition>()
            for d in definitions {
                let k = key(d)
                forms[k, default: [:]][d, default: 0] += 1
                pairs.insert(k)
            }
            for k in pairs { sources[k, default: 0] += 1 }
        }
        return forms.map { k, printed -> Acronym in
            // Prefer the form printed most often; among equals, one not in capitals throughout;
            // among those, the one that sorts first ("Child Protection Plans" before "child
            // protection plans"), so that every listing of an index is the same.
            let best = printed.max { a, b in
                if a.value != b.value { return a.value < b.value }
                let (aShouted, bShouted) = (isShouted(a.key.expansion), isShouted(b.key.expansion))
                if aShouted != bShouted { return aShouted }
                return (a.key.acronym, a.key.expansion) > (b.key.acronym, b.key.expansion)
            }!.key
            return Acronym(acronym: best.acronym, expansion: best.expansion, sourceCount: sources[k] ?? 0)
        }
        .sorted { ($0.acronym.lowercased(), $0.expansion.lowercased()) < ($1.acronym.lowercased(), $1.expansion.lowercased()) }
    }

    private static func isShouted(_ text: String) -> Bool {
        !text.contains(where: \.isLowercase)
    }
}
