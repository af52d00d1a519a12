/// Where a section lies in the document's lines, before its items are found.
struct SectionSpan: Sendable {
    var kind: SectionKind
    var title: String
    /// Index of the section's first line.
    var start: Int
    /// Index of its last content line.
    var end: Int
    /// Index of the line that identified the section ("Present:-", "Date and Time:-", "TO:").
    var anchor: Int
    /// The date the section prints for itself (minutes: their meeting; reports: their meeting).
    var ownDate: MeetingDate?
}

/// Splits a document into sections by the lines that open them:
/// - minutes: a "Present:" line (or "Minutes of the meeting of … held on <date>"), with the
///   committee-and-date header above it;
/// - agenda: "Date and Time:", "Membership:" or "AGENDA" before numbered entries (unless a
///   "Present:" line follows first, which makes the header one of minutes);
/// - report: a cover sheet ("Public Report", "Report to …", "TO:" with "DATE:"), titled from its
///   "TITLE:" or "Report Title" line;
/// - appendix: "Appendix 1 …" once a report's numbered body has begun, or whatever follows a
///   report's "This report is published …" line;
/// - work programme: an unnumbered title line naming a work programme;
/// - other: a title followed by "Updated: <date>" (trackers and monitoring schedules).
struct SectionSplitter {
    let lines: [SourceLine]
    let committeeLower: String?

    init(lines: [SourceLine], committee: String?) {
        self.lines = lines
        self.committeeLower = committee.map { TextScanning.asciiLowercased($0) }
    }

    /// The sections of the document, in order, each running to the last content line before
    /// the next one starts.
    func sections() -> [SectionSpan] {
        let content = lines.indices.filter { lines[$0].isContent }
        guard !content.isEmpty else { return [] }
        var state = SplitState()
        for (p, i) in content.enumerated() {
            switch step(at: i, position: p, content: content, state: state) {
            case let .open(kind, start, anchor, title, date)?:
                state.open(kind, start: start, anchor: anchor, title: title, date: date)
            case .stay?:
                continue
            case nil:
                state.read(lines[i])
            }
        }
        var spans = state.spans
        for n in spans.indices {
            let limit = n + 1 < spans.count ? spans[n + 1].start - 1 : lines.count - 1
            var end = limit
            while end > spans[n].start, !lines[end].isContent { end -= 1 }
            spans[n].end = end
        }
        return spans
    }

    /// The sections found so far, and what the current one has shown.
    private struct SplitState {
        var spans: [SectionSpan] = []
        /// A numbered heading since the current section opened.
        var sawHeading = false
        /// The current report has reached its "1.1" paragraphs.
        var reportBodyStarted = false
        /// The current report printed its closing line.
        var reportClosed = false

        var current: SectionKind? { spans.last?.kind }

        mutating func open(_ kind: SectionKind, start: Int, anchor: Int, title: String, date: MeetingDate?) {
            let floor = (spans.last?.start ?? -1) + 1
            spans.append(SectionSpan(kind: kind, title: title, start: max(start, floor), end: anchor, anchor: anchor, ownDate: date))
            sawHeading = false
            reportBodyStarted = false
            reportClosed = false
        }

        /// Notes what a line that opens nothing says of the current section.
        mutating func read(_ line: SourceLine) {
            let lower = line.lower
            if current == .report {
                if lower.hasPrefix("1.1 ") || lower.hasPrefix("1.1. ") { reportBodyStarted = true }
                if lower.hasPrefix("this report is published") { reportClosed = true }
            }
            if !sawHeading, let h = NumberedHeading.parse(line), !h.bare { sawHeading = true }
        }
    }

    /// What a line that anchors a section does.
    private enum Step {
        /// Opens a section of this kind, from `start` (its header lines), at the line that
        /// anchors it, with its title and date.
        case open(SectionKind, start: Int, anchor: Int, title: String, date: MeetingDate?)
        /// Anchors one, but the current section goes on (a second "Present:" before any item).
        case stay
    }

    /// Whether content line `i` (the `p`th) anchors a section, and what it does; nil when it
    /// anchors none.
    private func step(at i: Int, position p: Int, content: [Int], state: SplitState) -> Step? {
        let line = lines[i]
        let lower = line.lower
        let current = state.current
        if isMinutesAnchor(i, position: p, content: content) {
            if current == .minutes && !state.sawHeading { return .stay }
            let start = headerStart(before: i, content: content, position: p)
            return .open(.minutes, start: start, anchor: i, title: "Minutes", date: headerDate(from: start, to: i, content: content))
        }
        if current != .agenda, isAgendaAnchor(lower), !presentFollows(position: p, content: content) {
            if current == .minutes && !state.sawHeading { return .stay }
            let start = headerStart(before: i, content: content, position: p)
            return .open(.agenda, start: start, anchor: i, title: "Agenda", date: headerDate(from: start, to: i, content: content))
        }
        if isReportAnchor(lower, position: p, content: content) {
            if current == .report && !state.reportBodyStarted && !state.reportClosed { return .stay }
            return .open(.report, start: i, anchor: i, title: reportTitle(from: p, content: content), date: reportDate(from: p, content: content))
        }
        if let (kind, titleIndex) = updatedTrackerTitle(position: p, content: content), current != .minutes, current != .agenda {
            if let last = state.spans.last, last.start >= titleIndex { return .stay }
            return .open(kind, start: titleIndex, anchor: titleIndex, title: sectionTitle(at: titleIndex), date: nil)
        }
        if current != .workProgramme, current != .minutes, current != .agenda, isWorkProgrammeTitle(line) {
            return .open(.workProgramme, start: i, anchor: i, title: sectionTitle(at: i), date: nil)
        }
        // An appendix heading starts a paragraph or a page; "(See" / "Appendix 1 - …)." inside a
        // sentence does not.
        let startsBlock = line.isIndented || i == 0 || !lines[i - 1].isContent
        if isAppendixAnchor(lower), startsBlock,
           current == .appendix || (current == .report && (state.reportBodyStarted || state.reportClosed)) {
            return .open(.appendix, start: i, anchor: i, title: sectionTitle(at: i), date: nil)
        }
        if current == .report && state.reportClosed {
            // What follows a report's closing line, and is no other paper, is its appendix.
            return .open(.appendix, start: i, anchor: i, title: sectionTitle(at: i), date: nil)
        }
        return nil
    }

    // MARK: Anchors

    private func isMinutesAnchor(_ i: Int, position p: Int, content: [Int]) -> Bool {
        let lower = lines[i].lower
        if lower.hasPrefix("present") {
            // "Present:", "Present:-", "Present …  Councillors: …".
            let rest = lower.dropFirst("present".count).drop(while: { $0 == " " })
            return rest.isEmpty || rest.hasPrefix(":") || rest.hasPrefix("-") || rest.hasPrefix("…") || rest.hasPrefix("...")
        }
        if lower.hasPrefix("members present") { return true }
        if namesAMeetingHeld(lower) {
            let previousBlank = i == 0 || !lines[i - 1].isContent
            return previousBlank && DateExtractor.firstDate(in: lower) != nil
        }
        if lower.hasPrefix("a meeting of ") {
            // "A Meeting of the X / was held in the boardroom … on Thursday 5th December 2019":
            // the record of a meeting held (a notice says it "will be held").
            let next = p + 1 < content.count ? lines[content[p + 1]].lower : ""
            let sentence = next.hasPrefix("was held") ? lower + " " + next : lower
            return sentence.contains(" was held ") && DateExtractor.firstDate(in: sentence) != nil
        }
        return false
    }

    /// "Minutes of the meeting of …", "Minutes of an Extraordinary Meeting of the Parish Council
    /// held on …", "Minutes of Adjourned Council Meeting held …": a heading that opens one
    /// meeting's minutes (a document may hold several). Not "Minutes of the previous meeting",
    /// which an item of those minutes approves.
    private func namesAMeetingHeld(_ lower: String) -> Bool {
        if lower.hasPrefix("minutes of the meeting") || lower.hasPrefix("minutes of a meeting") || lower.hasPrefix("minutes of the proceedings") {
            return true
        }
        guard lower.hasPrefix("minutes of ") else { return false }
        let words = lower.split(separator: " ").prefix(7)
        guard let meeting = words.firstIndex(where: { $0.hasPrefix("meeting") }) else { return false }
        let before = words[..<meeting]
        return !before.contains("previous") && !before.contains("last") && lower.contains(" held ")
    }

    private func isAgendaAnchor(_ lower: String) -> Bool {
        lower == "agenda" || lower.hasPrefix("date and time") || lower.hasPrefix("membership:")
            || lower.hasPrefix("membership :") || lower.hasPrefix("notice of meeting")
    }

    /// A "Present:" line before the first numbered heading makes a header that of minutes.
    private func presentFollows(position p: Int, content: [Int]) -> Bool {
        var q = p + 1
        while q < content.count, q <= p + 30 {
            let i = content[q]
            if NumberedHeading.parse(lines[i]).map({ !$0.bare }) == true { return false }
            if isMinutesAnchor(i, position: q, content: content) { return true }
            q += 1
        }
        return false
    }

    private func isReportAnchor(_ lower: String, position p: Int, content: [Int]) -> Bool {
        if lower == "public report" || lower.hasPrefix("report title") || lower.hasPrefix("title:") { return true }
        if lower.hasPrefix("report to ") || lower.hasPrefix("report of the ") {
            return TextScanning.wordCount(lower) <= 12 && !TextScanning.endsLikeSentence(lower)
        }
        if lower.hasPrefix("to:") {
            // A memo-style cover sheet: TO:, DATE:, LEAD OFFICER:, TITLE:.
            var q = p + 1
            while q < content.count, q <= p + 8 {
                let next = lines[content[q]].lower
                if next.hasPrefix("date:") || next.hasPrefix("title:") { return true }
                q += 1
            }
        }
        return false
    }

    private func isAppendixAnchor(_ lower: String) -> Bool {
        guard lower.hasPrefix("appendix ") else { return false }
        let label = lower.dropFirst("appendix ".count).prefix(while: { $0 != " " && $0 != ":" && $0 != "." && $0 != "-" && $0 != "–" })
        return !label.isEmpty && (TextScanning.isAllDigits(label) || label.count == 1 || ["i", "ii", "iii", "iv", "v"].contains(String(label)))
    }

    private func isWorkProgrammeTitle(_ line: SourceLine) -> Bool {
        let lower = line.lower
        guard lower.contains("work programme"), !line.isBullet, NumberedHeading.parse(line) == nil else { return false }
        guard let first = line.text.unicodeScalars.first, TextScanning.isUpper(first) else { return false }
        for opener in ["to ", "the ", "that ", "it ", "a ", "this "] where lower.hasPrefix(opener) { return false }
        return TextScanning.wordCount(lower) <= 16 && !TextScanning.endsLikeSentence(lower)
            && !lower.contains("resolved")
    }

    /// "Updated: 13 October 2020" under a title opens a tracker (or a work programme); returns
    /// the kind and the index of the title line.
    private func updatedTrackerTitle(position p: Int, content: [Int]) -> (SectionKind, Int)? {
        let i = content[p]
        let lower = lines[i].lower
        guard lower.hasPrefix("updated:") || lower.hasPrefix("updated :"), DateExtractor.firstDate(in: lower) != nil, p > 0 else { return nil }
        let titleIndex = content[p - 1]
        guard i - titleIndex <= 3, TextScanning.wordCount(lines[titleIndex].text) <= 16,
              !TextScanning.endsLikeSentence(lines[titleIndex].text) else { return nil }
        let kind: SectionKind = lines[titleIndex].lower.contains("work programme") ? .workProgramme : .other
        return (kind, titleIndex)
    }

    // MARK: Headers, titles, dates

    /// Walks back from an anchor over the header lines above it (committee name, date) to where
    /// the section starts.
    private func headerStart(before i: Int, content: [Int], position p: Int) -> Int {
        var start = i
        var q = p - 1
        var steps = 0
        while q >= 0, steps < 4 {
            let k = content[q]
            let line = lines[k]
            if isCommitteeLine(line) { return k }
            // "2025 at 2.00 pm" ends a date wrapped from the line above.
            let wrapped = q > 0 && lines[content[q - 1]].lower.hasPrefix("minutes of")
                && DateExtractor.firstDate(in: lines[content[q - 1]].text + " " + line.text) != nil
            if wrapped { return content[q - 1] }
            let isDateLine = DateExtractor.firstDate(in: line.text) != nil && TextScanning.wordCount(line.text) <= 10
            let isHeaderWord = line.lower == "minutes" || line.lower == "agenda"
            guard isDateLine || isHeaderWord else { break }
            start = k
            q -= 1
            steps += 1
        }
        return start
    }

    private func isCommitteeLine(_ line: SourceLine) -> Bool {
        if line.lower.hasPrefix("minutes of") { return true }
        guard let committeeLower, !committeeLower.isEmpty, line.lower.hasPrefix(committeeLower) else { return false }
        return TextScanning.wordCount(line.text) <= TextScanning.wordCount(committeeLower) + 6
            && NumberedHeading.parse(line) == nil
    }

    private func headerDate(from start: Int, to anchor: Int, content: [Int]) -> MeetingDate? {
        for i in start...anchor where lines[i].isContent {
            // A publication or posting date above an agenda is not its meeting's.
            if let (d, before) = DateExtractor.dates(in: lines[i].text).first, !MeetingDateResolver.namesAnotherEvent(before) { return d }
            // A heading whose date wraps onto the next line.
            if lines[i].lower.hasPrefix("minutes of"), let next = content.first(where: { $0 > i }), next <= anchor,
               let d = DateExtractor.firstDate(in: lines[i].text + " " + lines[next].text) { return d }
        }
        // Minutes that print their date after "Present:" lines: look a little further.
        guard let p = content.firstIndex(of: anchor) else { return nil }
        for q in (p + 1)..<min(content.count, p + 4) {
            let line = lines[content[q]]
            if NumberedHeading.parse(line) != nil { break }
            if TextScanning.wordCount(line.text) <= 10, let d = DateExtractor.firstDate(in: line.text) { return d }
        }
        return nil
    }

    /// A report's title from its "TITLE:" line or the line after "Report Title".
    private func reportTitle(from p: Int, content: [Int]) -> String {
        var q = p
        while q < content.count, q <= p + 40 {
            let line = lines[content[q]]
            if q > p, NumberedHeading.parse(line) != nil, line.lower.contains("background") { break }
            if line.lower.hasPrefix("title:") {
                var title = String(line.text.dropFirst("title:".count))
                // The title may wrap onto the next lines, up to a blank line.
                var k = content[q] + 1
                var joined = 0
                while k < lines.count, joined < 2 {
                    if lines[k].isFurniture { k += 1; continue }
                    guard lines[k].isContent, NumberedHeading.parse(lines[k]) == nil, !lines[k].lower.contains(":") else { break }
                    title += " " + lines[k].text
                    joined += 1
                    k += 1
                }
                return TextScanning.collapseSpaces(title)
            }
            if line.lower.hasPrefix("report title") {
                let rest = TextScanning.collapseSpaces(line.text.dropFirst("report title".count).drop(while: { $0 == ":" || $0 == " " }))
                if !rest.isEmpty { return rest }
                if q + 1 < content.count { return lines[content[q + 1]].text }
            }
            q += 1
        }
        return "Report"
    }

    /// The meeting a report is written for: its "DATE:" line, or the line naming the committee
    /// and date of the meeting.
    private func reportDate(from p: Int, content: [Int]) -> MeetingDate? {
        var q = p
        while q < content.count, q <= p + 12 {
            let line = lines[content[q]]
            if line.lower.hasPrefix("date:") || line.lower.hasPrefix("date of meeting") || line.lower.hasPrefix("meeting date"),
               let d = DateExtractor.firstDate(in: line.text) { return d }
            if let committeeLower, line.lower.hasPrefix(committeeLower), let d = DateExtractor.firstDate(in: line.text) { return d }
            q += 1
        }
        return nil
    }

    /// A title line as printed: "Appendix 1" takes the line below it; bold titles run on to
    /// where the bold closes; an "UPDATED: …" stamp is dropped.
    private func sectionTitle(at i: Int) -> String {
        var title = lines[i].text
        var k = i + 1
        let bare = TextScanning.wordCount(title) <= 2 && lines[i].lower.hasPrefix("appendix")
        if lines[i].opensBold || bare {
            var joined = 0
            while k < lines.count, joined < 3 {
                if lines[k].isFurniture { k += 1; continue }
                guard lines[k].isContent else { break }
                title += " " + lines[k].text
                joined += 1
                if bare || lines[k].text.isEmpty || !lines[i].opensBold { break }
                k += 1
                if rawClosesBold(k - 1) { break }
            }
        }
        if let r = title.range(of: " UPDATED:") ?? title.range(of: " Updated:") { title = String(title[..<r.lowerBound]) }
        return TextScanning.collapseSpaces(title)
    }

    private func rawClosesBold(_ k: Int) -> Bool { !lines[k].opensBold }
}
