/// Joins wrapped lines back into running text, mending words hyphenated across a line break
/// ("educa-" + "tion" → "education") while keeping real compounds ("Fenwick-" + "Green",
/// "self-" + "isolate"). The document's own vocabulary decides: if it prints "education"
/// elsewhere the hyphen was the typesetter's; if it prints "flexi-schooling", it was the author's.
final class TextJoiner {
    private let lines: [SourceLine]
    /// Which of the words that mending could produce ("education", "flexi-schooling") the
    /// document prints whole somewhere; built on first use.
    private lazy var vocabulary: Set<String> = buildVocabulary()

    /// Prefixes that keep their hyphen when the document gives no evidence either way.
    private static let prefixes: Set<String> = [
        "self", "pre", "post", "non", "co", "re", "multi", "sub", "anti", "inter", "cross", "well", "long",
        "short", "part", "full", "high", "low", "under", "over", "out", "ex", "semi", "mid", "face", "one",
        "two", "three", "four", "five", "year", "up", "off", "on", "in", "de", "mini", "micro", "socio", "eco",
    ]

    init(lines: [SourceLine]) {
        self.lines = lines
    }

    /// One paragraph's wrapped lines as one line of text.
    func join<S: StringProtocol>(_ parts: [S]) -> String {
        var out = ""
        for part in parts {
            let text = TextScanning.collapseSpaces(part)
            guard !text.isEmpty else { continue }
            if out.isEmpty { out = text; continue }
            if let joined = mendHyphen(out, text) { out = joined } else { out += " " + text }
        }
        return out
    }

    /// Paragraphs joined with newlines.
    func text(of paragraphs: [[SourceLine]]) -> String {
        paragraphs.map { join($0.map(\.text)) }.joined(separator: "\n")
    }

    private func mendHyphen(_ head: String, _ tail: String) -> String? {
        guard head.hasSuffix("-") else { return nil }
        let beforeHyphen = head.dropLast()
        guard let l = beforeHyphen.last, l.isLetter, let f = tail.first, f.isLetter else { return nil }
        let a = beforeHyphen.reversed().prefix(while: { $0.isLetter }).reversed()
        let b = tail.prefix(while: { $0.isLetter })
        if f.isUppercase { return head + tail }
        let aLower = String(a).lowercased(), bLower = String(b).lowercased()
        if vocabulary.contains(aLower + bLower) { return String(beforeHyphen) + tail }
        if vocabulary.contains(aLower + "-" + bLower) || TextJoiner.prefixes.contains(aLower) { return head + tail }
        return String(beforeHyphen) + tail
    }

    /// Looks only for the words a line-end hyphen could form, so the document is scanned once
    /// with set lookups and nothing is stored for the other words.
    private func buildVocabulary() -> Set<String> {
        var wanted = Set<String>()
        var previous: String?
        for line in lines where line.isContent {
            if let head = previous, let f = line.text.first, f.isLetter {
                let a = head.dropLast().reversed().prefix(while: { $0.isLetter }).reversed()
                let b = line.text.prefix(while: { $0.isLetter })
                wanted.insert((String(a) + String(b)).lowercased())
                wanted.insert((String(a) + "-" + String(b)).lowercased())
            }
            previous = line.text.hasSuffix("-") && line.text.dropLast().last?.isLetter == true ? line.text : nil
        }
        guard !wanted.isEmpty else { return [] }
        var found = Set<String>()
        for line in lines where line.isContent {
            for word in line.lower.split(whereSeparator: { !($0.isLetter || $0 == "-") }) {
                let w = word.trimmingAny(of: "-")
                if wanted.contains(w) { found.insert(w) } else if w != w.lowercased(), wanted.contains(w.lowercased()) { found.insert(w.lowercased()) }
            }
        }
        return found
    }
}
