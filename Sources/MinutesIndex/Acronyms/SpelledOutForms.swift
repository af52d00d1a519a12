/// The spelled-out forms an item prints, kept as terms so that an acronym used bare in one
/// document finds its meaning printed in another: the 2020 appendix says "PRU", the 2025 pack
/// "the Aspire Pupil Referral Unit", and neither brackets one with the other.
///
/// A form is a run of capitalised words (small words such as "of" and "and" between them give
/// no initial) ending at punctuation or at the first word that is neither; each tail of the run
/// with 3–6 initials (small words' initials counted or not) is one form, because an English name's head comes last ("Rotherham Aspire
/// Pupil Referral Unit" is a Pupil Referral Unit). Term: `XI` + initials + `:` + the
/// normalised form, e.g. `XIpru:pupil referral unit`; its term frequency says how many items
/// print it, which is how ``AcronymExpander`` chooses among forms with the same initials.
enum SpelledOutForms {
    /// The term prefix of spelled-out forms.
    static let prefix = Schema.spelledOutFormPrefix
    /// Initials a form may have: two are too often something else.
    static let initialCounts = 3...6
    /// Xapian refuses terms longer than 245 bytes.
    private static let maxTermBytes = 240

    private static let connectors: Set<Substring> = ["and", "of", "for", "the", "in", "on", "to", "at", "with", "by", "a", "an", "&", "from"]

    /// The term of a form with these initials (lower case) and normalised words.
    static func term(initials: String, form: String) -> String {
        prefix + initials + ":" + form
    }

    /// The prefix of every form's term with these initials (lower case).
    static func termPrefix(initials: String) -> String {
        prefix + initials + ":"
    }

    /// The initials normalised words could stand for, lower case: those of their capitalised
    /// words when there are 3–6 ("pru" for "pupil referral unit"), and, when small words come
    /// between, those of every word ("dfe" for "department for education", "bos" for "bank of
    /// scotland"). None when the words start with a small word.
    static func initials(ofNormalised form: String) -> [String] {
        let words = form.split(separator: " ")
        guard let first = words.first, !connectors.contains(first) else { return [] }
        let content = words.filter { !connectors.contains($0) }
        var result: [String] = []
        if initialCounts.contains(content.count) { result.append(String(content.compactMap(\.first))) }
        if content.count >= 2, content.count < words.count, initialCounts.contains(words.count) {
            result.append(String(words.compactMap(\.first)))
        }
        return result
    }

    /// The terms of every form the texts print, each once.
    static func terms(in texts: [String]) -> Set<String> {
        // Every word of every item passes here: words are split and first tested as bytes, and
        // only those that may start with a capital are looked at as characters.
        var terms = Set<String>()
        for text in texts {
            let words = text.utf8.split(whereSeparator: { $0 == 32 || $0 == 10 || $0 == 9 })
            var i = 0
            while i < words.count {
                guard mayBeCapitalised(words[i]), isCapitalised(trimmed(Substring(words[i]))) else { i += 1; continue }
                // The run: capitalised words, with connectors between them, to punctuation.
                var content: [Int] = []  // indices of the capitalised words
                var j = i
                while j < words.count {
                    let raw = Substring(words[j])
                    let word = trimmed(raw)
                    if mayBeCapitalised(words[j]), isCapitalised(word) {
                        content.append(j)
                    } else if content.isEmpty || !connectors.contains(word) {
                        break
                    }
                    j += 1
                    if let last = raw.last, last.isPunctuation, last != "'", last != "’" { break }
                }
                if content.count >= 2 {
                    let end = content.last!
                    for (k, start) in content.enumerated() where content.count - k >= 2 {
                        let form = AcronymMiner.normalised(words[start...end].map { Substring($0) }.joined(separator: " "))
                        for initials in initials(ofNormalised: form) {
                            let term = term(initials: initials, form: form)
                            if term.utf8.count <= maxTermBytes { terms.insert(term) }
                        }
                    }
                }
                i = max(j, i + 1)
            }
        }
        return terms
    }

    /// Whether a word's first byte leaves it a chance of a capital: not a small ASCII letter
    /// or a digit (most words of minutes are those).
    private static func mayBeCapitalised(_ word: Substring.UTF8View) -> Bool {
        guard let first = word.first else { return false }
        return !(97...122).contains(first) && !(48...57).contains(first)
    }

    /// Starts with a capital and goes on in small letters: "Referral", not "PRU" or "the".
    private static func isCapitalised(_ word: Substring) -> Bool {
        guard let first = word.first, first.isUppercase, word.count >= 2 else { return false }
        return word.dropFirst().contains { $0.isLowercase }
    }

    private static func trimmed(_ word: Substring) -> Substring {
        guard let first = word.firstIndex(where: { $0.isLetter || $0.isNumber }),
              let last = word.lastIndex(where: { $0.isLetter || $0.isNumber }) else { return word.prefix(0) }
        return word[first...last]
    }
}
