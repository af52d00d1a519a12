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
        let shortest = wanted.map(\.utf8.count).min() ?? 0
        let longest = wanted.map(\.utf8.count).max() ?? 0
        var found = Set<String>()
        for line in lines where line.isContent {
            // Words are runs of letters and hyphens; bytes >= 0x80 count as letters, which is
            // enough to find words that were formed from letters.
            let bytes = Array(line.lower.utf8)
            var start = 0
            while start < bytes.count {
                while start < bytes.count, !isWordByte(bytes[start]) || bytes[start] == 45 { start += 1 }
                var end = start
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                var last = end
                while last > start, bytes[last - 1] == 45 { last -= 1 }
                let length = last - start
                if length >= shortest, length <= longest {
                    let word = String(decoding: bytes[start..<last], as: UTF8.self)
                    if wanted.contains(word) { found.insert(word) } else if wanted.contains(word.lowercased()) { found.insert(word.lowercased()) }
                }
                start = end
            }
        }
        return found
    }

    private func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20 >= 97 && b | 0x20 <= 122) || b == 45
    }
}
