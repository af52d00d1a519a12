import Foundation

/// How well parsed documents agree with hand annotations: items found (precision, recall, F1,
/// matched as `shared/tools/structure-score` matches them), meeting dates, committees and
/// attendance. `quorum parse --score GOLD` prints it; the development-set tests hold floors on it.
public struct StructureScore: Sendable, CustomStringConvertible {
    /// The figures for one file, for finding where a parser goes wrong.
    public struct FileScore: Sendable {
        /// The file's basename, as the gold names it.
        public var file: String
        /// Items in the gold, items the parse found, and found items that match a gold item.
        public var goldItems = 0, predictedItems = 0, matchedItems = 0
        /// Annotated meeting dates, and how many of them the parse gives some section of the file.
        public var datesWanted = 0, datesFound = 0
        /// nil when the annotation names no committee.
        public var committeeRight: Bool?
        /// Jaccard overlap of the surnames present, one per annotated minutes section.
        public var presentScores: [Double] = []
        /// Gold items the parse did not find, and items it found that the gold does not have.
        public var missed: [String] = [], extra: [String] = []
        /// Annotated dates the parse did not give, each with the dates it gave instead.
        public var wrongDates: [String] = []
        /// The committee the parse named, if any.
        public var predictedCommittee: String?
    }

    /// The figures for each gold file, in the gold's order.
    public private(set) var files: [FileScore] = []

    /// Items in the gold, over all files.
    public var goldItems: Int { files.reduce(0) { $0 + $1.goldItems } }
    /// Items the parse found, over all files.
    public var predictedItems: Int { files.reduce(0) { $0 + $1.predictedItems } }
    /// Found items that match a gold item, over all files.
    public var matchedItems: Int { files.reduce(0) { $0 + $1.matchedItems } }
    /// Share of found items that match a gold item (1 when nothing was found and none was wanted).
    public var itemPrecision: Double { predictedItems == 0 ? (goldItems == 0 ? 1 : 0) : Double(matchedItems) / Double(predictedItems) }
    /// Share of gold items the parse found (1 when the gold has none).
    public var itemRecall: Double { goldItems == 0 ? 1 : Double(matchedItems) / Double(goldItems) }
    /// Harmonic mean of item precision and recall.
    public var itemF1: Double {
        let p = itemPrecision, r = itemRecall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
    /// Share of annotated meeting dates that the parse gives some section of the file.
    public var dates: Double { ratio(files.reduce(0) { $0 + $1.datesFound }, files.reduce(0) { $0 + $1.datesWanted }) }
    /// Share of files with an annotated committee whose committee the parse names.
    public var committees: Double {
        let judged = files.compactMap(\.committeeRight)
        return ratio(judged.filter { $0 }.count, judged.count)
    }
    /// Mean Jaccard overlap of the surnames present, over annotated minutes sections.
    public var present: Double {
        let all = files.flatMap(\.presentScores)
        return all.isEmpty ? 1 : all.reduce(0, +) / Double(all.count)
    }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

    /// Scores `predicted` against `gold`, pairing files by basename; a gold file with no parse
    /// counts as found empty.
    public init(gold: [StructureGold], predicted: [MinutesDocument]) {
        let byFile = Dictionary(predicted.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        files = gold.map { Self.score($0, byFile[$0.file]) }
    }

    public var description: String {
        String(format: "items P=%.3f R=%.3f F1=%.3f dates=%.3f committee=%.3f present=%.3f (%d files, %d gold items)",
               itemPrecision, itemRecall, itemF1, dates, committees, present, files.count, goldItems)
    }

    // MARK: One file

    private static func score(_ gold: StructureGold, _ parsed: MinutesDocument?) -> FileScore {
        var result = FileScore(file: gold.file)
        let doc = parsed ?? MinutesDocument(file: gold.file, committee: nil, sections: [])
        let goldItems = gold.sections.flatMap { s in s.items.map { (s.kind, $0) } }
        let predictedItems = doc.sections.flatMap { s in s.items.map { (s.kind.rawValue, $0) } }
        result.goldItems = goldItems.count
        result.predictedItems = predictedItems.count
        var used = Set<Int>()
        for (kind, g) in goldItems {
            var best: (index: Int, cost: Int)?
            for (p, (pkind, item)) in predictedItems.enumerated() where !used.contains(p) {
                guard normalisedNumber(item.number) == normalisedNumber(g.number) else { continue }
                var cost: Int
                if let first = g.firstLine {
                    cost = abs(item.firstLine - first)
                    if cost > 2 { continue }
                } else {
                    cost = normalisedTitle(item.title) == normalisedTitle(g.title) ? 0 : 1
                    if pkind != kind { cost += 2 }
                }
                if best == nil || cost < best!.cost { best = (p, cost) }
            }
            if let best { used.insert(best.index) } else { result.missed.append("\(g.number) \(g.title)") }
        }
        result.matchedItems = used.count
        result.extra = predictedItems.indices.filter { !used.contains($0) }.map { "\(predictedItems[$0].1.number) \(predictedItems[$0].1.title)" }

        let predictedDates = Set(doc.sections.compactMap { $0.meetingDate?.iso })
        for section in gold.sections {
            guard let date = section.meetingDate else { continue }
            result.datesWanted += 1
            if predictedDates.contains(date) { result.datesFound += 1 } else {
                result.wrongDates.append("\(section.kind) \(date): parsed \(predictedDates.sorted().joined(separator: ", "))")
            }
        }

        result.predictedCommittee = doc.committee
        if let committee = gold.committee {
            result.committeeRight = doc.committee.map { sameBody($0, [committee] + gold.committeeAliases) } ?? false
        }

        for section in gold.sections where section.kind == "minutes" {
            guard let want = section.present, !want.isEmpty else { continue }
            let candidate = doc.sections.first { $0.kind == .minutes && $0.meetingDate?.iso == section.meetingDate }
                ?? doc.sections.first { $0.kind == .minutes }
            let wanted = Set(want.map { $0.lowercased() })
            let got = Set((candidate?.attendance?.chairFirstPresent ?? []).compactMap { $0.split(separator: " ").last.map { $0.lowercased() } })
            let union = wanted.union(got)
            result.presentScores.append(union.isEmpty ? 1 : Double(wanted.intersection(got).count) / Double(union.count))
        }
        return result
    }

    /// The same body: equal names once case, punctuation and "the" are set aside, or one name
    /// holding the other whole when the shorter has two words or more ("Parish Council" in
    /// "Stoke Ferry Parish Council").
    static func sameBody(_ predicted: String, _ names: [String]) -> Bool {
        let p = nameWords(predicted)
        for name in names {
            let g = nameWords(name)
            if p == g { return true }
            let (short, long) = p.count <= g.count ? (p, g) : (g, p)
            if short.count >= 2, long.count >= short.count,
               (0...(long.count - short.count)).contains(where: { Array(long[$0..<($0 + short.count)]) == short }) {
                return true
            }
        }
        return false
    }

    private static func nameWords(_ name: String) -> [String] {
        name.lowercased().replacingOccurrences(of: "&", with: " and ")
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init).filter { $0 != "the" }
    }

    static func normalisedNumber(_ number: String) -> String {
        var n = number.trimmingCharacters(in: .whitespaces)
        while let last = n.last, last == "." || last == " " { n.removeLast() }
        return n.lowercased()
    }

    /// As `structure-score` normalises titles: markup and page ranges dropped, spaces folded,
    /// trailing punctuation trimmed, case and curly apostrophes set aside.
    static func normalisedTitle(_ title: String) -> String {
        var t = title.filter { !"*#_`".contains($0) }
        if let r = t.range(of: #"\(pages?\s+[\d\s\-–]+\)"#, options: [.regularExpression, .caseInsensitive]) { t.removeSubrange(r) }
        t = t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while let last = t.last, ".:-– ".contains(last) { t.removeLast() }
        return t.lowercased().replacingOccurrences(of: "’", with: "'")
    }
}
