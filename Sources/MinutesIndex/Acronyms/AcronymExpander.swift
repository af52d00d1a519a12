import Xapian

/// Rewrites a query so acronyms and their spelled-out forms find each other, from the synonym
/// table ``AcronymRegistry`` keeps in the index: `EHE` becomes `(EHE OR "elective home
/// education")`, and `"elective home education"` (quoted or not) becomes `("elective home
/// education" OR ehe)`. The ``Searcher`` ranks what only the rewrite finds below exact matches.
///
/// Only plain words and whole phrases are rewritten; prefixed (`title:EHE`), required or
/// excluded words and operators are left as the person wrote them.
struct AcronymExpander {
    /// Where the acronym pairs are read: the index's own synonyms, or a table merged from
    /// shards (``ShardSet``), since remote shards serve no synonyms.
    enum Synonyms {
        case database(Database)
        case table([String: [String]])

        func of(_ key: String) throws -> [String] {
            switch self {
            case .database(let database): try database.synonyms(of: key)
            case .table(let table): table[key] ?? []
            }
        }
    }

    let synonyms: Synonyms
    /// Where the forms items print are read (``SpelledOutForms``), for acronyms no document
    /// defines: the database searched. Nil: defined acronyms only.
    var printedForms: Database? = nil

    /// The longest expansion looked up, in words.
    private static let maxWords = 8
    private static let operators: Set<String> = ["AND", "OR", "NOT", "XOR", "NEAR", "ADJ"]

    private enum Token {
        case word(String)
        case phrase(String)
        /// Anything else, copied as it is (spaces, brackets, prefixed words, operators).
        case other(String)
    }

    /// The rewritten query, or nil when it mentions no known acronym or expansion.
    func expand(_ query: String) throws -> String? {
        let tokens = tokenise(query)
        var out = ""
        var changed = false
        var i = 0
        while i < tokens.count {
            switch tokens[i] {
            case .other(let text):
                out += text
                i += 1
            case .phrase(let text):
                // A phrase bound to what precedes it (`title:"…"`, `-"…"`) is left alone.
                var bound = false
                if i > 0, case .other(let previous) = tokens[i - 1], previous != "(", !previous.allSatisfy(\.isWhitespace) { bound = true }
                let acronyms = bound ? [] : try acronymsFor(AcronymMiner.normalised(text))
                if acronyms.isEmpty {
                    out += "\"\(text)\""
                } else {
                    out += "(\"\(text)\"" + acronyms.map { " OR \($0)" }.joined() + ")"
                    changed = true
                }
                i += 1
            case .word(let word):
                // A run of plain words separated by single spaces may spell out an expansion.
                var run: [(word: String, index: Int)] = [(word, i)]
                var j = i + 1
                while run.count < Self.maxWords, j + 1 < tokens.count, case .other(let gap) = tokens[j], gap.allSatisfy(\.isWhitespace),
                      case .word(let next) = tokens[j + 1] {
                    run.append((next, j + 1))
                    j += 2
                }
                if let (length, acronyms) = try longestExpansion(run.map(\.word)) {
                    let words = run.prefix(length).map(\.word).joined(separator: " ")
                    out += "((\(words))" + acronyms.map { " OR \($0)" }.joined() + ")"
                    i = run[length - 1].index + 1
                    changed = true
                } else if looksLikeAcronym(word), case let expansions = try expansions(of: word), !expansions.isEmpty {
                    out += "(\(word)" + expansions.map { " OR \"\($0)\"" }.joined() + ")"
                    i += 1
                    changed = true
                } else {
                    out += word
                    i += 1
                }
            }
        }
        return changed ? out : nil
    }

    /// The longest run of at least two words at the start of `words` that is a known expansion,
    /// or the form an acronym used in the index is printed as most often.
    private func longestExpansion(_ words: [String]) throws -> (Int, [String])? {
        guard words.count >= 2 else { return nil }
        for length in stride(from: words.count, through: 2, by: -1) {
            let key = AcronymMiner.normalised(words.prefix(length).joined(separator: " "))
            let acronyms = try acronymsFor(key)
            if !acronyms.isEmpty { return (length, acronyms) }
            if let printedForms {
                for initials in SpelledOutForms.initials(ofNormalised: key)
                where printedForms.termFrequency(SpelledOutForms.term(initials: initials, form: key)) > 0 {
                    if try mostPrintedForm(ofInitials: initials) == key { return (length, [initials]) }
                }
            }
        }
        return nil
    }

    /// What an acronym typed alone stands for: its definitions in the index, else (typed in
    /// capitals, used bare in some item) the form with its initials that items print most often.
    private func expansions(of word: String) throws -> [String] {
        let defined = try synonyms.of(word.lowercased())
        guard defined.isEmpty, SpelledOutForms.initialCounts.contains(word.count),
              word.filter(\.isUppercase).count >= 2 else { return defined }
        return try mostPrintedForm(ofInitials: word.lowercased()).map { [$0] } ?? []
    }

    /// The form with these initials (lower case) that the most items print, when the acronym
    /// itself is a word of the index and no other form is printed as often.
    private func mostPrintedForm(ofInitials initials: String) throws -> String? {
        guard let printedForms, printedForms.termFrequency(initials) > 0 else { return nil }
        let prefix = SpelledOutForms.termPrefix(initials: initials)
        let forms = try printedForms.termFrequencies(withPrefix: prefix).sorted { $0.frequency > $1.frequency }
        guard let best = forms.first, forms.count == 1 || forms[1].frequency < best.frequency else { return nil }
        return String(best.term.dropFirst(prefix.count))
    }

    /// The acronyms an expansion key maps to (expansion keys have spaces; acronym keys do not).
    private func acronymsFor(_ key: String) throws -> [String] {
        guard key.contains(" ") else { return [] }
        return try synonyms.of(key).filter { !$0.contains(" ") }
    }

    /// Typed in capitals ("EHE", "CiN"), or a lower-case word of three letters or more ("ehe"):
    /// short lower-case words ("it", "as") are English more often than acronyms.
    private func looksLikeAcronym(_ word: String) -> Bool {
        guard word.count >= 2, word.allSatisfy({ $0.isLetter }) else { return false }
        return word.filter(\.isUppercase).count >= 2 || word.count >= 3
    }

    private func tokenise(_ query: String) -> [Token] {
        var tokens: [Token] = []
        var rest = Substring(query)
        while let c = rest.first {
            if c == "\"" {
                let body = rest.dropFirst()
                if let close = body.firstIndex(of: "\"") {
                    tokens.append(.phrase(String(body[..<close])))
                    rest = body[body.index(after: close)...]
                } else {
                    tokens.append(.other(String(rest)))
                    rest = rest[rest.endIndex...]
                }
            } else if c.isWhitespace || c == "(" || c == ")" {
                tokens.append(.other(String(c)))
                rest = rest.dropFirst()
            } else {
                let word = rest.prefix(while: { !$0.isWhitespace && $0 != "(" && $0 != ")" && $0 != "\"" })
                rest = rest.dropFirst(word.count)
                let plain = word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "-" }
                    && word.first?.isLetter == true && !Self.operators.contains(String(word))
                tokens.append(plain ? .word(String(word)) : .other(String(word)))
            }
        }
        return tokens
    }
}
