/// One acronym defined in the indexed text, as `quorum acronyms` lists it.
public struct Acronym: Codable, Sendable, Equatable, Hashable {
    /// The acronym as printed, singular ("EHE", "EHCP", "CiN").
    public var acronym: String
    /// What it stands for, as printed most often ("Elective Home Education").
    public var expansion: String
    /// How many source files define it this way.
    public var sourceCount: Int

    /// An acronym with its expansion, defined in `sourceCount` files.
    public init(acronym: String, expansion: String, sourceCount: Int = 1) {
        self.acronym = acronym
        self.expansion = expansion
        self.sourceCount = sourceCount
    }

    enum CodingKeys: String, CodingKey {
        case acronym, expansion
        case sourceCount = "source_count"
    }
}

/// Finds acronym definitions in text: "Elective Home Education (EHE)", "children missing
/// education (CME)", "Special Educational Needs and Disabilities (SEND)", "Preparation for
/// Adulthood (PfA)", and the reverse "EHE (Elective Home Education)".
///
/// The words before the bracket, back to the start of the clause, must spell the acronym with
/// their initials, in order, none skipped; small words ("and", "of", "for") may give their
/// initial or not; a hyphenated word gives the initial of each part or of its first part only
/// ("un-accompanied asylum-seeking children (UASC)"). Exact spelling is a strong enough signal
/// that lower-case expansions are accepted too.
enum AcronymMiner {
    /// A definition found in one text, before aggregation.
    struct Definition: Codable, Hashable {
        var acronym: String
        var expansion: String
    }

    private static let connectors: Set<String> = ["and", "of", "for", "the", "in", "on", "to", "at", "with", "by", "a", "an", "or", "&", "from", "into", "under"]

    static func definitions(in text: String) -> [Definition] {
        var found: [Definition] = []
        var seen = Set<Definition>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "(") {
            let before = rest[..<open]
            let afterOpen = rest[rest.index(after: open)...]
            guard let close = afterOpen.firstIndex(of: ")") else { break }
            let inner = afterOpen[..<close]
            var definition: Definition?
            if let letters = acronymLetters(inner) {
                definition = expansion(before: before, letters: letters).map { Definition(acronym: letters.acronym, expansion: $0) }
            } else if let word = before.split(separator: " ").last, let letters = acronymLetters(trimmedWord(word)),
                      let expansion = expansion(before: inner, letters: letters, whole: true) {
                // "EHE (Elective Home Education)".
                definition = Definition(acronym: letters.acronym, expansion: expansion)
            }
            if let definition, seen.insert(definition).inserted { found.append(definition) }
            rest = afterOpen
        }
        return found
    }

    /// Acronyms a document uses bare and spells out elsewhere in capitals, with no bracket to
    /// tie them: "the JPC" and "the Joint Policing Committee", "LAC" and "Looked After Children"
    /// in one file. Each bare acronym in capitals (3–6 letters: two are too often something else,
    /// "CC" a county councillor) not in `defined` takes the phrase
    /// of capitalised words (small words between them may give no initial) whose initials spell
    /// it, standing alone (no capitalised word either side), found most often; a tie takes none.
    static func definitionsByUse(in texts: [String], besides defined: Set<String>) -> [Definition] {
        // Every word of the file passes here: a byte test finds the capitals before any string work.
        func trimmed(_ word: Substring) -> Substring {
            guard let first = word.firstIndex(where: { $0.isLetter || $0.isNumber }),
                  let last = word.lastIndex(where: { $0.isLetter || $0.isNumber }) else { return word.prefix(0) }
            return word[first...last]
        }
        var bare = Set<String>()
        var tokenized: [[Substring]] = []
        for text in texts {
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            tokenized.append(words)
            for word in words where word.utf8.count <= 8 {
                var capitals = 0, other = false
                for b in word.utf8 {
                    if b >= 65 && b <= 90 { capitals += 1 } else if (b >= 97 && b <= 122) || b >= 128 || (b >= 48 && b <= 57) { other = true; break }
                }
                guard !other, (3...6).contains(capitals) else { continue }
                let token = String(trimmed(word))
                if token.utf8.count == capitals, !defined.contains(token) { bare.insert(token) }
            }
        }
        guard !bare.isEmpty else { return [] }
        let initials = Set(bare.compactMap(\.first))
        var counts: [String: [String: Int]] = [:]
        func isCapitalised(_ word: Substring) -> Bool {
            guard let first = word.first, first.isUppercase, word.count >= 2 else { return false }
            return word.dropFirst().contains { $0.isLowercase }  // "Looked", not "LAC"
        }
        for words in tokenized {
            for start in words.indices where words[start].first.map(initials.contains) == true && isCapitalised(words[start]) {
                // Not the tail of a longer capitalised phrase ("The" opening a sentence is no part of one).
                if start > 0, isCapitalised(words[start - 1]), !words[start - 1].last!.isPunctuation,
                   !connectors.contains(words[start - 1].lowercased()) { continue }
                var letters = ""
                var next = start, end = start  // `end`: just after the last capitalised word
                var content = 0
                while next < words.count, letters.count < 6 {
                    let word = words[next]
                    let bareWord = trimmed(word)
                    if content > 0, bareWord.first.map({ $0.isLowercase }) == true, connectors.contains(String(bareWord)) { next += 1; continue }
                    guard isCapitalised(bareWord) else { break }
                    letters.append(bareWord.first!)
                    content += 1
                    next += 1
                    end = next
                    if word.last!.isPunctuation { break }  // "Committee," ends the phrase
                }
                guard content >= 2 else { continue }
                // Standing alone: the next word is no capitalised word that would lengthen it.
                let last = words[end - 1]
                if end < words.count, !last.last!.isPunctuation, isCapitalised(words[end]) { continue }
                let acronym = letters.uppercased()
                guard bare.contains(acronym) else { continue }
                let phrase = words[start..<end].map { String(trimmed($0)) }.joined(separator: " ")
                counts[acronym, default: [:]][phrase, default: 0] += 1
            }
        }
        return counts.sorted { $0.key < $1.key }.compactMap { acronym, phrases in
            let ranked = phrases.sorted { $0.value > $1.value }
            if ranked.count > 1, ranked[0].value == ranked[1].value { return nil }
            return Definition(acronym: acronym, expansion: ranked[0].key)
        }
    }

    /// The acronym's letters (lower-cased) when `text` looks like one: 2–10 letters, starting
    /// with a capital, at least two capitals; a plural "s" is dropped ("EHCPs").
    static func acronymLetters<S: StringProtocol>(_ text: S) -> (acronym: String, letters: [Character])? {
        var word = String(text)
        guard (2...11).contains(word.count), word.allSatisfy({ $0.isLetter && $0.isASCII }),
              word.first!.isUppercase else { return nil }
        if word.count > 2, word.hasSuffix("s"), word.dropLast().last!.isUppercase { word.removeLast() }
        let capitals = word.filter(\.isUppercase).count
        guard capitals >= 2, capitals * 2 >= word.count else { return nil }
        return (word, word.lowercased().map { $0 })
    }

    /// The words ending `text` (or, with `whole`, all of `text`) whose initials spell `letters`.
    private static func expansion<S: StringProtocol>(before text: S, letters: (acronym: String, letters: [Character]),
                                                   whole: Bool = false) -> String? {
        // Back to the start of the clause: a definition never spans punctuation.
        var clause = Substring(text)
        if let boundary = clause.lastIndex(where: { ".,;:()\"“”!?\n".contains($0) }) {
            if whole { return nil }
            clause = clause[clause.index(after: boundary)...]
        }
        let words = clause.split(whereSeparator: { $0 == " " || $0 == "\t" })
            .suffix(letters.letters.count * 2 + 2).map(String.init)
        guard !words.isEmpty else { return nil }
        guard let start = match(words, letters.letters, wordIndex: words.count - 1, letterIndex: letters.letters.count - 1),
              words.count - start >= 2 else { return nil }
        if whole && start != 0 { return nil }
        return words[start...].joined(separator: " ")
    }

    /// Matches backwards; returns the index of the expansion's first word.
    private static func match(_ words: [String], _ letters: [Character], wordIndex j: Int, letterIndex i: Int) -> Int? {
        if i < 0 { return j + 1 }
        if j < 0 { return nil }
        let word = words[j]
        let lower = word.lowercased()
        let parts = lower.split(separator: "-").compactMap { $0.first(where: \.isLetter) }
        guard let initial = parts.first else { return nil }
        if connectors.contains(lower) {
            if initial == letters[i], let start = match(words, letters, wordIndex: j - 1, letterIndex: i - 1) { return start }
            return match(words, letters, wordIndex: j - 1, letterIndex: i)
        }
        // Every part's initial ("Multi-Agency" gives M and A), else the first part's only.
        if parts.count > 1, i - parts.count + 1 >= 0, Array(letters[(i - parts.count + 1)...i]) == parts,
           let start = match(words, letters, wordIndex: j - 1, letterIndex: i - parts.count) {
            return start
        }
        guard initial == letters[i] else { return nil }
        return match(words, letters, wordIndex: j - 1, letterIndex: i - 1)
    }

    /// The normal form of an expansion or a query's words, as kept in synonym keys: lower case,
    /// words of letters, digits and apostrophes separated by one space.
    static func normalised<S: StringProtocol>(_ text: S) -> String {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") })
            .joined(separator: " ")
    }
}

/// The word without the punctuation around it ("EHE," → "EHE").
private func trimmedWord(_ word: Substring) -> Substring {
    var t = word
    while let f = t.first, !f.isLetter { t = t.dropFirst() }
    while let l = t.last, !l.isLetter { t = t.dropLast() }
    return t
}
