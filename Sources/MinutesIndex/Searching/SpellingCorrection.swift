/// Which of Xapian's spelling corrections are worth offering as "did you mean": those that mend
/// a typo, a letter missed, added, changed or two swapped ("educaton", "safegaurding",
/// "Pitchly"), in a word of the query. Not a correction that only moves a quote (`"closed` for
/// an unclosed quote) or changes case, and not one that swaps a word the index lacks for
/// another real word two letters away ("school transport" to "school transform"): a word
/// missing from the minutes is no misspelling.
enum SpellingCorrection {
    /// Whether `corrected` mends `typed` word by word, each changed word one edit away (two in
    /// words of twelve letters or more).
    static func isWorthOffering(_ corrected: String, for typed: String) -> Bool {
        let typedWords = words(of: typed), correctedWords = words(of: corrected)
        guard typedWords.count == correctedWords.count, typedWords != correctedWords else { return false }
        for (a, b) in zip(typedWords, correctedWords) where a != b {
            let allowed = max(a.count, b.count) >= 12 ? 2 : 1
            if editDistance(a, b) > allowed { return false }
        }
        return true
    }

    /// The lower-cased words, punctuation and quotes aside.
    private static func words(of text: String) -> [[Character]] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { Array($0) }
    }

    /// Damerau–Levenshtein distance (optimal string alignment): a swap of two neighbours is one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
