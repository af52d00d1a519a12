/// Headings that run on into their item's text on the same line, as parish minutes and
/// flattened PDF text print them: "2. To Consider Apologies for Absence: Apologies were received
/// from …", "5. Election of Vice-Chairman. Cllr Hall was proposed …". The heading is the part
/// before the colon or the first full stop, or before a list of the item's points that starts
/// on its line ("• …", "1. …"); a short heading is kept whole.
enum RunInHeading {
    /// Words after which a full stop abbreviates rather than ends a sentence.
    private static let abbreviations: Set<String> = ["cllr", "no", "st", "mr", "mrs", "dr", "ms", "rev", "co", "ltd", "nos", "ref", "e.g", "i.e", "etc"]

    /// The heading part of a heading line's text.
    static func title(of text: String) -> String {
        let words = text.split(separator: " ")
        guard words.count > 3 else { return text }
        var seen = 0
        for (n, word) in words.enumerated() {
            seen += 1
            // "7. Matters arising • It was requested …", "12. Reports 1. Dog fouling …": a list
            // of the item's points begins on the heading's line.
            if n >= 2, n + 1 < words.count, word == "•" || (n >= 3 && (word == "1." || word == "1)") && startsCapitalised(words[n + 1])) {
                return words[..<n].joined(separator: " ").trimmingAny(of: ":")
            }
            guard n + 1 < words.count, let last = word.last, last == ":" || last == "." else { continue }
            let bare = TextScanning.asciiLowercased(word.dropLast())
            if last == "." && (abbreviations.contains(bare) || bare.count <= 1 || words.count <= 12) { continue }
            // The rest must read as text of its own: a capitalised word after the break.
            guard let next = words[n + 1].unicodeScalars.first, TextScanning.isUpper(next) || TextScanning.isDigit(next) else { continue }
            // One word before a colon heads an item ("Sederunt: …"); before a full stop it is
            // more likely an abbreviation or a name.
            guard seen >= 2 || last == ":" else { return text }
            return words[...n].joined(separator: " ").trimmingAny(of: ":")
        }
        return text
    }

    private static func startsCapitalised(_ word: Substring) -> Bool {
        word.unicodeScalars.first.map(TextScanning.isUpper) ?? false
    }
}
