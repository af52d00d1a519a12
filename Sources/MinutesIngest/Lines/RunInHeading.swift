/// Headings that run on into their item's text on the same line, as parish minutes and
/// flattened PDF text print them: "2. To Consider Apologies for Absence: Apologies were received
/// from …", "5. Election of Vice-Chairman. Cllr Hall was proposed …". The heading is the part
/// before the colon or the first full stop, or before a list of the item's points that starts
/// on its line ("• …", "1. …"), or before an ellipsis ("Apologies … None."); a heading in capitals ends where the capitals do ("1APOLOGIES To
/// receive apologies …", "3. REPORT FROM THE POLICE The report …"); a short heading is kept whole.
enum RunInHeading {
    /// Words after which a full stop abbreviates rather than ends a sentence.
    private static let abbreviations: Set<String> = ["cllr", "no", "st", "mr", "mrs", "dr", "ms", "rev", "co", "ltd", "nos", "ref", "e.g", "i.e", "etc"]

    /// The heading part of a heading line's text.
    static func title(of printed: String) -> String {
        let text = withoutAgendaLabel(printed)
        let words = text.split(separator: " ")
        // "Declarations of interest … There were none.": parish minutes set the heading off
        // with an ellipsis.
        if let r = text.range(of: " … ") ?? text.range(of: " ... "), (1...12).contains(TextScanning.wordCount(text[..<r.lowerBound])) {
            return String(text[..<r.lowerBound])
        }
        guard words.count > 3 else { return text }
        if let capitals = capitalHeading(words) { return capitals }
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

    /// "Agenda Item 1: Record of those Present" under minute 167.0: the agenda's number said
    /// again before the title is not the title.
    private static func withoutAgendaLabel(_ text: String) -> String {
        guard text.hasPrefix("Agenda Item ") || text.hasPrefix("Agenda item ") else { return text }
        let rest = text.dropFirst("Agenda Item ".count)
        let digits = rest.prefix(while: \.isNumber)
        guard !digits.isEmpty else { return text }
        let title = rest.dropFirst(digits.count).drop(while: { $0 == ":" || $0 == "." || $0 == " " || $0 == "-" || $0 == "–" })
        return title.isEmpty ? text : String(title)
    }

    /// Lower-case words that join a heading's capitals ("DECLARATIONS OF INTEREST and ADDITIONS
    /// TO REGISTER …").
    private static let connectives: Set<Substring> = ["and", "of", "&", "the", "for", "to", "in", "on", "with"]
    /// Words that open the item's decision, not its heading ("… HELD ON 18 AUGUST 2017 RESOLVED – That …").
    private static let decisionWords: Set<String> = ["RESOLVED", "AGREED", "DECIDED", "NOTED", "RECOMMENDED"]

    /// The capitals that open a heading line when text in mixed case follows them: two words
    /// or more, or one long word (an acronym of four letters opens "SEND Strategy update").
    private static func capitalHeading(_ words: [Substring]) -> String? {
        var run = 0
        while run < words.count {
            if TextScanning.isUppercaseText(words[run]) { run += 1; continue }
            if connectives.contains(words[run]), run + 1 < words.count,
               TextScanning.hasLetters(words[run + 1]), TextScanning.isUppercaseText(words[run + 1]) {
                run += 1
                continue
            }
            break
        }
        guard run >= 1, words.count - run >= 3, startsCapitalised(words[run]) else { return nil }
        var end = run
        // Dashes and the like, and a decision word, end no heading; a year does ("… 18 AUGUST 2017").
        func isPunctuation(_ word: Substring) -> Bool { !word.unicodeScalars.contains { TextScanning.isLetter($0) || TextScanning.isDigit($0) } }
        while end > 0, isPunctuation(words[end - 1]) || decisionWords.contains(words[end - 1].trimmingAny(of: ":.-–")) { end -= 1 }
        guard end >= 1 else { return nil }
        let letters = words[..<end].reduce(0) { $0 + $1.unicodeScalars.filter(TextScanning.isLetter).count }
        guard end >= 2 ? letters >= 4 : letters >= 6 else { return nil }
        return words[..<end].joined(separator: " ").trimmingAny(of: ":.,;")
    }

    private static func startsCapitalised(_ word: Substring) -> Bool {
        word.unicodeScalars.first.map(TextScanning.isUpper) ?? false
    }
}
