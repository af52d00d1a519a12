import Foundation
import MinutesIngest

/// A file read and parsed, ready for ``Indexer/index(_:)``: the part of indexing that needs no
/// index. `quorum index` prepares the next files on another core while the writer indexes this
/// one, and quorumd's writer the next file it will take: reading, parsing and preparing the
/// items are about a fifth of the work (perf, 10k items).
public struct PreparedFile: Sendable {
    /// The file's standardized path.
    public let path: String
    let content: Content
    /// The parsed document's items as they would be stored under a presumed source id, when
    /// one was given: the indexer uses them if the file gets that id.
    var items: PreparedItems?

    enum Content: Sendable {
        /// Refused before reading (too large, not a regular file, …), as `lstat` saw it.
        case refused(snapshot: FileSnapshot, reason: String)
        /// Could not be read.
        case unreadable(reason: String)
        /// Read: its fingerprint, and what parsing gave (an `IngestError` is the file's fault and
        /// recorded against it; another error is thrown by the indexer) — nil when the
        /// fingerprint is the one the index already holds, so parsing was skipped.
        case read(snapshot: FileSnapshot, fingerprint: String, parsed: Result<MinutesDocument, any Error>?)
    }

    /// Reads and parses the file at `path`. `knownFingerprint` is what the index recorded for
    /// the file (``Indexer/knownFingerprint(atPath:)``): when the file still has it, it is not
    /// parsed again. With `sourceID` (``Indexer/sourceID(forPath:)`` as it was before the load
    /// began), the item records, their stored JSON and their acronyms are made here too.
    public static func read(path rawPath: String, options: ReadOptions, knownFingerprint: String?,
                            sourceID: String? = nil, parser: MinutesParser = MinutesParser()) -> PreparedFile {
        let path = CorpusPath.standard(rawPath)
        let snapshot: FileSnapshot
        do {
            snapshot = try FileSnapshot(lstatOf: path)
        } catch {
            return PreparedFile(path: path, content: .unreadable(reason: error.description))
        }
        if let reason = FileRefusal.reason(for: snapshot, options: options) {
            return PreparedFile(path: path, content: .refused(snapshot: snapshot, reason: reason))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return PreparedFile(path: path, content: .unreadable(reason: "cannot read file: \(error.localizedDescription)"))
        }
        let print = fingerprint(data)
        guard print != knownFingerprint else {
            return PreparedFile(path: path, content: .read(snapshot: snapshot, fingerprint: print, parsed: nil))
        }
        let parsed = Result<MinutesDocument, any Error> {
            let read = try DocumentReader.document(of: data, at: URL(fileURLWithPath: path), options: options)
            return parser.parse(read.text, fileName: (path as NSString).lastPathComponent, hints: read.hints)
        }
        var file = PreparedFile(path: path, content: .read(snapshot: snapshot, fingerprint: print, parsed: parsed))
        if let sourceID, case let .success(document) = parsed {
            // Should encoding fail, the indexer makes the items again and reports why.
            file.items = try? PreparedItems(document: document, sourceID: sourceID, path: path)
        }
        return file
    }
}

extension PreparedFile {
    /// Whether the file is still as it was read (the same snapshot). A file read ahead and
    /// changed since is read again by whoever indexes it.
    public var isCurrent: Bool {
        guard case let .read(snapshot, _, _) = content else { return false }
        return (try? FileSnapshot(lstatOf: path)) == snapshot
    }
}

/// A document's item records under one source id, with what writing them needs that does not
/// need the index: the JSON each is stored as, and the acronyms they define. Made on the reading
/// thread, they take about 8 % of the work off the writer's (perf, 10k items).
struct PreparedItems: Sendable {
    let sourceID: String
    let records: [ItemRecord]
    /// `records`' stored data, in order.
    let data: [String]
    let acronyms: [AcronymMiner.Definition]
    /// The spelled-out forms each of `records` prints (``SpelledOutForms``), in order.
    let spelledOutTerms: [Set<String>]
    /// How many items the parser found (passages and item-less sections aside).
    let foundItemCount: Int

    init(document: MinutesDocument, sourceID: String, path: String) throws {
        self.sourceID = sourceID
        foundItemCount = document.sections.reduce(0) { $0 + $1.items.count }
        records = ItemRecord.records(of: document, sourceID: sourceID, path: path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        data = try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        acronyms = Self.acronymDefinitions(in: records)
        spelledOutTerms = records.map { SpelledOutForms.terms(in: [$0.item.title, $0.text] + $0.resolutions) }
    }

    /// The acronyms the items define, each pair once: in their titles, text and resolutions, and
    /// in their section's title (a report headed "Rotherham Education Strategic Partnership
    /// (RESP) Update" defines it for every paper that says "RESP").
    private static func acronymDefinitions(in records: [ItemRecord]) -> [AcronymMiner.Definition] {
        var seen = Set<AcronymMiner.Definition>()
        var result: [AcronymMiner.Definition] = []
        var texts: [String] = []
        var sectionTitles = Set<String>()
        for record in records {
            for text in [record.section.title, record.item.title, record.text] + record.resolutions {
                // A section's title once, not once for each of its items.
                if text == record.section.title, !sectionTitles.insert(text).inserted { continue }
                texts.append(text)
                for d in AcronymMiner.definitions(in: text) where seen.insert(d).inserted { result.append(d) }
            }
        }
        // Acronyms the file uses bare and spells out in capitals elsewhere, with no bracket.
        let defined = Set(result.map(\.acronym))
        for d in AcronymMiner.definitionsByUse(in: texts, besides: defined) where seen.insert(d).inserted { result.append(d) }
        return result
    }
}
