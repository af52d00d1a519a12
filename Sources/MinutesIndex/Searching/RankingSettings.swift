import Foundation
import Xapian

/// The numbers that decide a ranked search's order, in one value so that an evaluation can try
/// others (`quorum eval --set k1=1.6,proximity=0.3`) and the defaults are chosen by measurement
/// on both judged sets (docs/RELEVANCE.md has the sweep). Title words count twice: that is written into the index, not set here.
public struct RankingSettings: Sendable, Equatable {
    /// BM25's term-frequency saturation and length normalisation.
    public var k1 = 1.2
    public var b = 0.3
    /// How much of its weight a procedural item keeps (apologies, declarations, minutes of the
    /// previous meeting).
    public var proceduralFactor = 0.4
    /// How much of its weight an item keeps when only the other form of an acronym in the query
    /// finds it ("EHE" for a search on "elective home education").
    public var acronymFactor = 0.3
    /// The weight added to items with a resolution when the query asks for decisions ("were the
    /// recommendations approved"), in BM25 units (one matching word of a query weighs 1–8).
    public var resolutionPreference = 1.0
    /// How much of the words' weight is added again when they stand within `proximityWindow`
    /// words of each other (0 turns the preference off).
    public var proximityFactor = 0.5
    /// The span, in words, within which a plain query's words count as near.
    public var proximityWindow = 8
    /// The preference applies to queries whose words all stand in fewer items than this: it
    /// reads each candidate's word positions, which over tens of thousands of matches cost more
    /// than the search (p99 ×8 at 100k items, Benchmarks/RESULTS.md), and among so many the
    /// words' weights already rank well.
    public var proximityMatchLimit = 200
    /// Below this many all-words matches, a plain query of several words matches any of them.
    public var anyWordsThreshold = 10

    /// The defaults.
    public init() {}

    /// The weighting scheme these settings give.
    public var weighting: WeightingScheme { .bm25(k1: k1, b: b) }

    /// The settings with `assignments` applied: `name=value` pairs separated by commas, the
    /// names being ``names``. Throws a message naming what is wrong.
    public func applying(_ assignments: String) throws(RankingSettingsError) -> RankingSettings {
        var settings = self
        for pair in assignments.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Double(parts[1]), value >= 0 else { throw .invalid(String(pair)) }
            switch parts[0] {
            case "k1": settings.k1 = value
            case "b": settings.b = value
            case "procedural": settings.proceduralFactor = value
            case "acronym": settings.acronymFactor = value
            case "resolution": settings.resolutionPreference = value
            case "proximity": settings.proximityFactor = value
            case "window": settings.proximityWindow = Int(value)
            case "proximity-limit": settings.proximityMatchLimit = Int(value)
            case "any-words": settings.anyWordsThreshold = Int(value)
            default: throw .unknown(parts[0])
            }
        }
        return settings
    }

    /// The names ``applying(_:)`` knows.
    public static let names = ["k1", "b", "procedural", "acronym", "resolution", "proximity", "window", "proximity-limit", "any-words"]
}

/// A ranking setting that cannot be applied.
public enum RankingSettingsError: Error, CustomStringConvertible {
    case invalid(String)
    case unknown(String)

    public var description: String {
        switch self {
        case let .invalid(pair): "expected name=number (a number ≥ 0), got \"\(pair)\""
        case let .unknown(name): "no ranking setting \"\(name)\"; known: \(RankingSettings.names.joined(separator: ", "))"
        }
    }
}
