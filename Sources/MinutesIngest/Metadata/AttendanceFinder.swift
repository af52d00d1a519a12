/// Finds where minutes say who attended and reads it: the paragraphs before the first item; the
/// first items when they are the roll call ("1. Those Attending: …", "1. Sederunt"); the
/// apologies in the first item's text; the labelled blocks after the last item (ModernGov's
/// "Attendance details"); or the Attendee / Role / Attendance table of ModernGov and CMIS pages.
struct AttendanceFinder {
    let lines: [SourceLine]
    /// The source's lines as given, for the attendance table, whose tabs line cleanup folds.
    let rawLines: [Substring]
    let paragraphs: Paragraphs
    /// Whether the source holds an attendance table at all: looked for once, not per section.
    private let hasTable: Bool

    init(lines: [SourceLine], rawLines: [Substring], paragraphs: Paragraphs) {
        self.lines = lines
        self.rawLines = rawLines
        self.paragraphs = paragraphs
        hasTable = rawLines.contains { $0.hasPrefix("Attendee") }
    }

    /// The attendance of a section, and whether the section records a meeting (it has an
    /// attendance table even if it is headed as an agenda). `fromTop`: the section is the
    /// file's first, whose chair may be printed above its opening line.
    func attendance(of span: SectionSpan, items: [ItemSpan], fromTop: Bool) -> (attendance: Attendance?, recordsMeeting: Bool) {
        var attendance: Attendance?
        if span.kind == .minutes {
            attendance = AttendanceExtractor.extract(from: texts(span, items: items, fromTop: fromTop))
        }
        if hasTable, span.kind == .minutes || span.kind == .agenda, attendance?.chairFirstPresent.isEmpty ?? true {
            let raw = Array(rawLines[(lines[span.start].number - 1)..<min(rawLines.count, lines[span.end].number)])
            if let table = AttendanceTable.read(raw), !table.chairFirstPresent.isEmpty { return (table, true) }
        }
        return (attendance, span.kind == .minutes)
    }

    /// The paragraphs, as text, that hold the attendance.
    private func texts(_ span: SectionSpan, items: [ItemSpan], fromTop: Bool) -> [String] {
        let preambleEnd = items.first.map { $0.heading - 1 } ?? span.end
        let start = fromTop ? 0 : span.start
        let preamble = labelled(from: start, through: preambleEnd)
        if let found = AttendanceExtractor.extract(from: preamble), !found.chairFirstPresent.isEmpty {
            // Apologies are often the first item's text ("1. Apologies for absence").
            guard found.apologies.isEmpty, let apologies = items.prefix(2).first(where: { TextScanning.asciiLowercased($0.title).contains("apolog") }),
                  apologies.headingEnd < apologies.end else { return preamble }
            let body = paragraphs.of(from: apologies.headingEnd + 1, through: apologies.end).map(paragraphs.listText)
            return preamble + body.filter { TextScanning.asciiLowercased($0).contains("apolog") }
        }
        var end = preambleEnd
        var headings: [String] = []
        for item in items.prefix(2) where AttendanceExtractor.isRollCallTitle(item.title) {
            end = item.end
            // The heading line's own text after the number ("Those Attending: Cllr …").
            headings.append(lines[item.heading].text.drop(while: { !$0.isWhitespace }).trimmingAny(of: " "))
        }
        if end > preambleEnd { return headings + labelled(from: start, through: end) }
        // Printed at the end: the labelled blocks after the last item's heading.
        guard let last = items.last, last.headingEnd < span.end else { return preamble }
        let tail = labelled(from: last.headingEnd + 1, through: span.end)
        guard let open = tail.firstIndex(where: { AttendanceExtractor.startsWithLabel(TextScanning.asciiLowercased($0)) }) else { return preamble }
        return preamble + tail[open...]
    }

    /// Paragraphs cut again where a line starts with an attendance label (PDF text often prints
    /// the heading, "Chair:", "Present:" and "In attendance:" blocks with no blank line between),
    /// each as one line of text.
    private func labelled(from start: Int, through end: Int) -> [String] {
        var result: [[SourceLine]] = []
        for paragraph in paragraphs.of(from: start, through: end) {
            var current: [SourceLine] = []
            for line in paragraph {
                if !current.isEmpty, AttendanceExtractor.startsWithLabel(line.lower) {
                    result.append(current)
                    current = []
                }
                current.append(line)
            }
            if !current.isEmpty { result.append(current) }
        }
        return result.map(paragraphs.listText)
    }
}
