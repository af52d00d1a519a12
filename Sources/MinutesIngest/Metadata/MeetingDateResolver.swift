/// Tells a meeting's own date from the other dates printed near the top of its papers: the
/// previous meeting's, deadlines, publication and posting dates, a web page's front matter.
///
/// Every date in the header region is a candidate, scored by where it stands and what the line
/// says around it ("held on", a weekday and a time of day count for it; "previous meeting",
/// "published", "deadline" against it). The best candidate with a positive score wins; ties go
/// to the earlier line. `quorum parse --explain` prints the candidates and their reasons.
struct MeetingDateResolver {
    /// One date found, with its score and the reasons that made it.
    struct Candidate: Sendable {
        var date: MeetingDate
        /// Index into the document's lines.
        var line: Int
        var score: Int
        var reasons: [String]
    }

    let lines: [SourceLine]

    /// Words on a line that make its date the meeting's.
    private static let meetingWords = ["held on", "held at", "held in", "meeting held", "meeting of", "minutes of", "date of meeting",
                                       "meeting date", "date:", "date and time", "agenda for", "meeting on", "cyfarfod", "notice of meeting",
                                       "will be held", "to be held", "meeting -", "meeting –"]
    /// Words before a date that make it another event's.
    private static let otherEventWords = ["previous", "last meeting", "next meeting", "next scheduled", "deadline", "published", "publication",
                                          "issued", "issue date", "dated", "updated", "posted", "circulated", "despatch", "dispatch", "signed", "rearranged",
                                          "approved on", "call-in", "call in", "effective", "expire", "no later than", "by no", "received on",
                                          "submitted", "dyddiedig", "last updated", "adjourned from", "postponed", "written on", "date of publication", "closing date"]

    /// Whether the words before a date say it is another event's ("Published: …", "deadline").
    static func namesAnotherEvent<S: StringProtocol>(_ before: S) -> Bool {
        let lower = TextScanning.asciiLowercased(before.suffix(70))
        return otherEventWords.contains { lower.contains($0) }
    }

    /// How the approval of earlier minutes is worded; at the very top of a file the same words
    /// are the minutes' own title ("Minutes of the meeting held on …").
    private static let earlierMinutesWords = ["minutes of the meeting held", "minutes of the last", "meeting held on", "minutes of meeting held"]

    /// The candidates among `range` (indices into `lines`), best first.
    func candidates(in range: Range<Int>, firstItem: Int? = nil) -> [Candidate] {
        let frontMatter = frontMatterEnd()
        var found: [Candidate] = []
        var position = 0
        for i in range where lines[i].isContent {
            position += 1
            let line = lines[i]
            // Every date has a digit: most lines have none, and tokenising them costs.
            guard line.text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { continue }
            let dates = DateExtractor.dates(in: line.text)
            guard !dates.isEmpty else { continue }
            let lower = line.lower
            let words = TextScanning.wordCount(line.text)
            for (date, before) in dates {
                var score = 0
                var reasons: [String] = []
                func add(_ points: Int, _ why: String) { score += points; reasons.append("\(points > 0 ? "+" : "")\(points) \(why)") }
                // What a date belongs to is said just before it: on a long (flattened) line,
                // only the last words count.
                let beforeLower = TextScanning.asciiLowercased(before.suffix(70))
                let context = words > 30 ? beforeLower : lower
                if let word = Self.otherEventWords.first(where: { beforeLower.contains($0) }) {
                    add(-5, "another event's date (\"\(word)\" before it)")
                } else if !(lower.hasPrefix("minutes of") && words <= 16), let word = Self.earlierMinutesWords.first(where: { beforeLower.contains($0) }) {
                    add(-5, "an earlier meeting's date (\"\(word)\" before it)")
                } else if let word = Self.meetingWords.first(where: { context.contains($0) }) {
                    add(3, "the line names the meeting (\"\(word)\")")
                }
                if i < frontMatter { add(-6, "in the page's front matter (a posting date)") }
                if let firstItem, i > firstItem { add(-2, "inside an item") }
                if words <= 14 { add(1, "a short line") }
                if DateExtractor.weekdays.contains(where: { lower.contains($0 + " ") || lower.contains($0 + ",") }) {
                    add(1, "a weekday")
                }
                if hasTimeOfDay(lower) { add(1, "a time of day") }
                if TextScanning.endsLikeSentence(line.text) && words > 20 { add(-1, "inside running text") }
                let early = max(0, 3 - position / 8)
                if early > 0 { add(early, "near the top (content line \(position))") }
                found.append(Candidate(date: date, line: i, score: score, reasons: reasons))
            }
        }
        // A date printed on several lines of the header (the page title, the heading, the
        // notice) is the meeting's more surely than one printed once.
        var linesOfDate: [MeetingDate: Set<Int>] = [:]
        for c in found { linesOfDate[c.date, default: []].insert(c.line) }
        for n in found.indices {
            let repeats = min(2, (linesOfDate[found[n].date]?.count ?? 1) - 1)
            if repeats > 0 {
                found[n].score += repeats
                found[n].reasons.append("+\(repeats) printed on \(repeats + 1) lines")
            }
        }
        // Stable: equal scores keep document order, so the earlier line wins.
        return found.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }

    /// A date in a file's name ("2025-01-13 Cabinet minutes.pdf", "cabinet_13-01-2025.txt").
    static func date(inFileName name: String) -> MeetingDate? {
        DateExtractor.firstDate(in: name.replacingOccurrences(of: "_", with: " "))
    }

    /// Index of the first line after a "---" … "---" front-matter block at the top of the file.
    private func frontMatterEnd() -> Int {
        guard let first = lines.firstIndex(where: { !$0.text.isEmpty }), lines[first].text == "---" else { return 0 }
        var i = first + 1
        while i < lines.count, i < first + 40 {
            if lines[i].text == "---" { return i + 1 }
            i += 1
        }
        return 0
    }

    /// "7.30pm", "3.00 p.m.", "10:00", "at 3pm".
    private func hasTimeOfDay(_ lower: String) -> Bool {
        if lower.contains("p.m") || lower.contains("a.m") { return true }
        let scalars = Array(lower.unicodeScalars)
        for (k, s) in scalars.enumerated() where TextScanning.isDigit(s) {
            var j = k + 1
            if j < scalars.count, scalars[j] == " " { j += 1 }
            if j + 1 < scalars.count, (scalars[j] == "p" || scalars[j] == "a"), scalars[j + 1] == "m" {
                if j + 2 == scalars.count || !TextScanning.isLetter(scalars[j + 2]) { return true }
            }
            if k + 3 < scalars.count, scalars[k + 1] == ":", TextScanning.isDigit(scalars[k + 2]), TextScanning.isDigit(scalars[k + 3]) { return true }
        }
        return false
    }
}
