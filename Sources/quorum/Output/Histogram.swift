import MinutesIndex

/// A small text bar chart of facet counts, in value order: where in time a topic came up.
struct Histogram {
    let text: String

    /// Bars scaled so the largest count fills `width` blocks; every non-zero count shows at least one.
    init(counts: [FacetCount], width: Int = 40) {
        let ordered = counts.sorted { $0.value < $1.value }
        let largest = max(1, ordered.map(\.count).max() ?? 1)
        let labelWidth = ordered.map(\.value.count).max() ?? 0
        text = ordered.map { entry in
            let blocks = max(1, Int((Double(entry.count) / Double(largest) * Double(width)).rounded()))
            let label = entry.value + String(repeating: " ", count: labelWidth - entry.value.count)
            return "\(label)  \(String(repeating: "█", count: blocks)) \(entry.count)\n"
        }.joined()
    }
}
