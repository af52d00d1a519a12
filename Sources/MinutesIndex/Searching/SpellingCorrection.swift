/// Which of Xapian's spelling corrections are worth offering as "did you mean": those that mend
/// a typo, a letter missed, added, changed or two swapped ("educaton", "safegaurding",
/// "Pitchly"), in a word of the query. Not a correction that only moves a quote (`"closed` for
/// an unclosed quote) or changes case, and not one that swaps a word the index lacks for
/// another real word two letters away ("school transport" to "school transform"): a word
/// missing from the minutes is no misspelling.
enum SpellingCorrection {
    /// The correction of plain words, chosen the way a phrase suggester that collates its
    /// candidates chooses (Elasticsearch's `phrase` suggester with `collate`): each word the
    /// index lacks gets candidates — the indexed words one edit away, most frequent first, and
    /// Xapian's own suggestion, which reaches two edits — and of the combinations, the one whose
    /// words the most items hold together wins ("Rider Cup" is "ryder cup", not "wider cup",
    /// though "wider" is the commoner word), then the commoner words. A word the index holds is
    /// kept, even beside a commoner word one letter away ("cup" is not "cpp"). Nil when no word
    /// has a candidate, or no combination matches anything.
    ///
    /// - Parameters:
    ///   - frequency: how many items hold a word (lower case).
    ///   - suggestion: Xapian's spelling suggestion for a word, if any.
    ///   - matches: how many items hold all of the words (counted up to some limit).
    static func collated(_ typed: [String], frequency: (String) -> Int, suggestion: (String) throws -> String?,
                         matches: ([String]) throws -> Int) throws -> [String]? {
        var choices: [[String]] = []
        for word in typed {
            let lower = word.lowercased()
            guard lower.count >= 3, lower.allSatisfy(\.isLetter), frequency(lower) == 0 else {
                choices.append([word])
                continue
            }
            var candidates = oneEditAway(lower).filter { frequency($0) > 0 }
                .sorted { (frequency($0), $1) > (frequency($1), $0) }
                .prefix(candidatesPerWord).map { $0 }
            if let suggested = try suggestion(lower), !candidates.contains(suggested), isWorthOffering(suggested, for: lower) {
                candidates.append(suggested)
            }
            choices.append(candidates.isEmpty ? [word] : candidates)
        }
        guard zip(choices, typed).contains(where: { $0.0 != [$0.1] }) else { return nil }
        var best: (words: [String], matches: Int, frequency: Int)?
        for combination in combinations(of: choices).prefix(maximumCombinations) {
            let count = try matches(combination)
            let commonness = combination.reduce(0) { $0 + frequency($1.lowercased()) }
            if count > 0, best.map({ (count, commonness) > ($0.matches, $0.frequency) }) ?? true {
                best = (combination, count, commonness)
            }
        }
        return best?.words
    }

    /// Candidates kept for each word, and combinations tried: enough for a typo in each of
    /// two or three words, few enough that a correction costs milliseconds.
    private static let candidatesPerWord = 4
    private static let maximumCombinations = 64

    /// Every combination of one choice per word, in order.
    private static func combinations(of choices: [[String]]) -> [[String]] {
        choices.reduce([[]]) { partial, options in partial.flatMap { prefix in options.map { prefix + [$0] } } }
    }

    /// The lower-case words one edit from `word`: a letter deleted, two neighbours swapped, a
    /// letter changed or added (Norvig's candidate set, over a–z).
    static func oneEditAway(_ word: String) -> Set<String> {
        let letters = Array(word)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        var edits = Set<String>()
        for i in 0...letters.count {
            if i < letters.count {
                var deleted = letters
                deleted.remove(at: i)
                edits.insert(String(deleted))
                if i + 1 < letters.count {
                    var swapped = letters
                    swapped.swapAt(i, i + 1)
                    edits.insert(String(swapped))
                }
                for letter in alphabet where letter != letters[i] {
                    var changed = letters
                    changed[i] = letter
                    edits.insert(String(changed))
                }
            }
            for letter in alphabet {
                var added = letters
                added.insert(letter, at: i)
                edits.insert(String(added))
            }
        }
        edits.remove(word)
        return edits
    }
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
