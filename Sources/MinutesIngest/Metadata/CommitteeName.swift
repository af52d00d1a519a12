/// Finds the committee a document belongs to from its opening lines, and writes the name in
/// title case ("IMPROVING LIVES SELECT COMMISSION" becomes "Improving Lives Select Commission").
enum CommitteeName {
    static let keywords = ["committee", "commission", "cabinet", "council", "board", "panel", "forum",
                           "sub-committee", "scrutiny", "executive", "authority", "assembly", "group"]
    /// Opening lines that name the kind of paper, not the committee.
    static let paperWords: Set<String> = ["agenda", "minutes", "public report", "report", "notice of meeting", "summons"]

    /// The committee named by the first content lines, as printed (case kept), or nil.
    static func find(in lines: [SourceLine]) -> String? {
        var seen = 0
        for line in lines where line.isContent {
            seen += 1
            if seen > 4 { break }
            if paperWords.contains(line.lower) { continue }
            // A web page's breadcrumb trail ("Home > Meetings > Cabinet") is navigation.
            if line.text.contains(" > ") || line.text.contains(" » ") { seen -= 1; continue }
            if let name = fromMinutesOfLine(line.text) { return name }
            // "Venue: Committee Rooms 1 & 2", "Contact: … Committee Services": a label's value.
            if let colon = line.lower.firstIndex(of: ":"), Self.detailLabels.contains(String(line.lower[..<colon])) { continue }
            let name = stripTrailingDate(line.text)
            let words = TextScanning.wordCount(name)
            guard words >= 1, words <= 12, TextScanning.hasLetters(name) else { return nil }
            let lower = TextScanning.asciiLowercased(name)
            if TextScanning.isUppercaseText(name) || keywords.contains(where: { lower.contains($0) }) {
                return name
            }
            return nil
        }
        return nil
    }

    /// Labels of a meeting page's details, whose values name rooms and officers, not the body.
    private static let detailLabels: Set<String> = ["venue", "contact", "contact officer", "date", "time", "date and time", "location",
                                                    "place", "email", "e-mail", "tel", "telephone", "address", "clerk"]

    /// "Minutes of the meeting of the Cabinet held on …" → "Cabinet".
    static func fromMinutesOfLine(_ text: String) -> String? {
        let lower = TextScanning.asciiLowercased(text)
        guard lower.hasPrefix("minutes of"), let ofRange = lower.range(of: "meeting of ") else { return nil }
        var rest = Substring(text[ofRange.upperBound...])
        if rest.lowercased().hasPrefix("the ") { rest = rest.dropFirst(4) }
        for stop in [" held", " on ", ","] {
            if let r = rest.range(of: stop) { rest = rest[..<r.lowerBound] }
        }
        let name = TextScanning.collapseSpaces(rest)
        return name.isEmpty ? nil : name
    }

    /// Drops a date printed after the name on the same line ("… COMMISSION Tuesday 30 July 2024").
    static func stripTrailingDate(_ text: String) -> String {
        var words = text.split(separator: " ")
        var dropped = false
        while let last = words.last, words.count > 1, DateExtractor.isDateWord(last) || last == "-" || last == "–" {
            words.removeLast()
            dropped = true
        }
        return dropped ? words.joined(separator: " ") : text
    }

    /// Title case for a name printed in capitals; names already in mixed case are kept.
    static func titleCased(_ name: String) -> String {
        guard TextScanning.isUppercaseText(name) else { return name }
        let small: Set<String> = ["and", "of", "the", "for", "in", "on", "to", "with", "a", "an", "at", "by"]
        var out: [String] = []
        for (index, word) in name.split(separator: " ").enumerated() {
            let lower = word.lowercased()
            if index > 0, small.contains(lower) { out.append(lower); continue }
            // Capitalise each part of hyphenated words ("SUB-COMMITTEE" → "Sub-Committee").
            let parts = lower.split(separator: "-", omittingEmptySubsequences: false).map { part -> String in
                guard let first = part.first else { return "" }
                return first.uppercased() + part.dropFirst()
            }
            out.append(parts.joined(separator: "-"))
        }
        return out.joined(separator: " ")
    }
}
