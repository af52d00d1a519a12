import Foundation

/// Splits the text of a committee document into sections and items, with their metadata.
///
/// The work goes in passes over the lines, each linear: clean every line (keeping its original
/// number), recognise the publishing shape and repair the lines it needs (`LineNormaliser`),
/// mark page furniture, split into sections, find each section's items, then read the meeting
/// date and committee from the header and attendance, resolutions and references from the
/// sections (the folders of MinutesIngest follow these stages).
public struct MinutesParser: Sendable {
    public init() {}

    /// Parses a document's text. `fileName` is the basename recorded in the result.
    /// Line numbers in the result are 1-based lines of `text` as given.
    /// `hints` (a PDF's metadata) stand in for the committee and meeting date when neither the
    /// text nor the file name gives them.
    public func parse(_ text: String, fileName: String, hints: SourceHints = SourceHints()) -> MinutesDocument {
        analyse(text, fileName: fileName, hints: hints).document
    }

    /// Parses a document and says why: each line's role and the rule that gave it, and which
    /// date and committee candidates won (`quorum parse --explain`).
    public func explain(_ text: String, fileName: String, hints: SourceHints = SourceHints()) -> String {
        ParseExplanation(analyse(text, fileName: fileName, hints: hints)).text
    }

    /// What a parse found, with the intermediate results that `explain` reports.
    struct Analysis {
        var document: MinutesDocument
        var lines: [SourceLine]
        var spans: [SectionSpan]
        var itemSpans: [[ItemSpan]]
        var metadata: DocumentMetadata
        var shape: ShapeRecogniser.Recognition
    }

    func analyse(_ text: String, fileName: String, hints: SourceHints = SourceHints()) -> Analysis {
        let cleaned = LineCleaner.lines(of: text)
        let shape = ShapeRecogniser.recognise(cleaned)
        var lines = LineNormaliser.normalise(cleaned, shape: shape.shape)
        let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let printedCommittee = CommitteeName.find(in: lines)
        PageFurniture(committee: printedCommittee).mark(&lines)
        let joiner = TextJoiner(lines: lines)
        let itemSplitter = ItemSplitter(lines: lines)

        var spans = SectionSplitter(lines: lines, committee: printedCommittee).sections()
        if spans.isEmpty, let fallback = wholeDocument(lines) { spans = [fallback] }
        includeOpeningItems(&spans, lines: lines)

        let itemSpansOfSections = spans.map { itemSplitter.items(in: $0.start...$0.end, kind: $0.kind) }
        let firstItem = itemSpansOfSections.compactMap { $0.first?.heading }.min()
        let header = headerRegion(lines, firstItem: firstItem)
        let metadata = DocumentMetadata(lines: lines, header: header, firstItem: firstItem, fileName: fileName, hints: hints,
                                        printedCommittee: printedCommittee)

        // Papers in a pack belong to the pack's meeting: the agenda's, else the first report's.
        let packDate = spans.first(where: { $0.kind == .agenda && $0.ownDate != nil })?.ownDate
            ?? spans.first(where: { $0.kind == .report && $0.ownDate != nil })?.ownDate
        var sections: [Section] = []
        var previousDate: MeetingDate?
        for (n, span) in spans.enumerated() {
            var date: MeetingDate?
            switch span.kind {
            case .minutes, .agenda: date = span.ownDate ?? packDate ?? previousDate
            default: date = packDate ?? span.ownDate ?? previousDate
            }
            // The first section's meeting is the document's: the date its header prints.
            if date == nil, n == 0 || previousDate == nil { date = metadata.meetingDate }
            previousDate = date ?? previousDate
            let itemSpans = itemSpansOfSections[n]
            let items = itemSpans.map { makeItem($0, lines: lines, joiner: joiner) }
            var attendance: Attendance?
            var kind = span.kind
            if span.kind == .minutes {
                attendance = AttendanceExtractor.extract(from: attendanceParagraphs(span, items: itemSpans, lines: lines, joiner: joiner,
                                                                                     firstSectionStart: spans[0].start))
            }
            if span.kind == .minutes || span.kind == .agenda, attendance?.chairFirstPresent.isEmpty ?? true,
               rawLines.contains(where: { $0.hasPrefix("Attendee") }) {
                let raw = Array(rawLines[(lines[span.start].number - 1)..<min(rawLines.count, lines[span.end].number)])
                if let table = AttendanceTable.read(raw), !table.chairFirstPresent.isEmpty {
                    // A page that records who attended is the meeting's record, whatever it is headed.
                    attendance = table
                    kind = .minutes
                }
            }
            if kind == .minutes { attendance = attendance ?? Attendance(chair: nil, present: []) }
            let body = items.isEmpty ? joiner.text(of: paragraphs(in: lines, from: span.start, through: span.end)) : ""
            sections.append(Section(kind: kind, title: kind == span.kind ? span.title : "Minutes", meetingDate: date,
                                    firstLine: lines[span.start].number, lastLine: lines[span.end].number,
                                    items: items, attendance: attendance, text: body))
        }
        let document = MinutesDocument(file: fileName, committee: metadata.committee, sections: sections)
        return Analysis(document: document, lines: lines, spans: spans, itemSpans: itemSpansOfSections, metadata: metadata, shape: shape)
    }

    /// The lines before the document's first item (at least its first 15 content lines, at most
    /// its first 60): where a document prints its committee and meeting date.
    private func headerRegion(_ lines: [SourceLine], firstItem: Int?) -> Range<Int> {
        var content = 0
        var end = lines.count
        for i in lines.indices where lines[i].isContent {
            content += 1
            if content > 60 || (content > 15 && i >= (firstItem ?? Int.max)) { end = i; break }
        }
        return 0..<end
    }

    private func makeItem(_ span: ItemSpan, lines: [SourceLine], joiner: TextJoiner) -> Item {
        let body = span.headingEnd < span.end ? paragraphs(in: lines, from: span.headingEnd + 1, through: span.end) : []
        let text = joiner.text(of: body)
        var item = Item(number: span.number, title: span.title,
                        firstLine: lines[span.heading].number, lastLine: lines[span.end].number,
                        text: text, resolutions: ResolutionExtractor.resolutions(in: body, joiner: joiner))
        item.references = ReferenceExtractor.references(in: text)
        item.isProcedural = ProceduralItems.isProcedural(title: span.title)
        return item
    }

    /// Where minutes list who attended: the paragraphs before the first item, and the first
    /// items themselves when they are the roll call ("1. Those Attending: …", "1. Sederunt",
    /// "Welcome and Apologies"), as parish and community councils number it.
    private func attendanceParagraphs(_ span: SectionSpan, items: [ItemSpan], lines: [SourceLine], joiner: TextJoiner,
                                      firstSectionStart: Int) -> [String] {
        let preambleEnd = items.first.map { $0.heading - 1 } ?? span.end
        // The first minutes of a file may print the chair above their opening line.
        let start = span.start == firstSectionStart ? 0 : span.start
        let preamble = labelledParagraphs(paragraphs(in: lines, from: start, through: preambleEnd)).map { listText($0, joiner: joiner) }
        if let found = AttendanceExtractor.extract(from: preamble), !found.chairFirstPresent.isEmpty {
            // Apologies are often the first item's text ("1. Apologies for absence").
            guard found.apologies.isEmpty, let apologies = items.prefix(2).first(where: { TextScanning.asciiLowercased($0.title).contains("apolog") }),
                  apologies.headingEnd < apologies.end else { return preamble }
            let body = paragraphs(in: lines, from: apologies.headingEnd + 1, through: apologies.end).map { listText($0, joiner: joiner) }
            return preamble + body.filter { TextScanning.asciiLowercased($0).contains("apolog") }
        }
        var end = preambleEnd
        var extra: [String] = []
        for item in items.prefix(2) where AttendanceExtractor.isRollCallTitle(item.title) {
            end = item.end
            // The heading line's own text after the number ("Those Attending: Cllr …").
            extra.append(lines[item.heading].text.drop(while: { !$0.isWhitespace }).trimmingCharacters(in: .whitespaces))
        }
        if end > preambleEnd {
            return extra + labelledParagraphs(paragraphs(in: lines, from: start, through: end)).map { listText($0, joiner: joiner) }
        }
        // Printed at the end ("Attendance details" after the last item): the labelled blocks
        // after the last item's heading.
        guard let last = items.last, last.headingEnd < span.end else { return preamble }
        let tail = labelledParagraphs(paragraphs(in: lines, from: last.headingEnd + 1, through: span.end)).map { listText($0, joiner: joiner) }
        guard let open = tail.firstIndex(where: { AttendanceExtractor.startsWithLabel(TextScanning.asciiLowercased($0)) }) else { return preamble }
        return preamble + tail[open...]
    }

    /// Paragraphs cut again where a line starts with an attendance label: PDF text often prints
    /// the heading, "Chair:", "Present:" and "In attendance:" blocks with no blank line between.
    private func labelledParagraphs(_ paragraphs: [[SourceLine]]) -> [[SourceLine]] {
        var result: [[SourceLine]] = []
        for paragraph in paragraphs {
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
        return result
    }

    /// A paragraph's lines as one line, each bulleted entry ended by "; " so that a list of
    /// people printed one per line ("- Caroline Webb, Senior Adviser") keeps its entries apart.
    private func listText(_ paragraph: [SourceLine], joiner: TextJoiner) -> String {
        var runs: [[String]] = []
        for line in paragraph {
            if line.isBullet || runs.isEmpty { runs.append([line.text]) } else { runs[runs.count - 1].append(line.text) }
        }
        var out = ""
        for run in runs {
            let text = joiner.join(run)
            if out.isEmpty || out.hasSuffix(":") || out.hasSuffix(":-") { out += out.isEmpty ? text : " " + text } else { out += "; " + text }
        }
        return out
    }

    /// Content lines grouped into paragraphs at blank lines; page furniture is skipped without
    /// breaking a paragraph, since it only interrupts the text where a page ended.
    private func paragraphs(in lines: [SourceLine], from start: Int, through end: Int) -> [[SourceLine]] {
        guard start <= end else { return [] }
        var result: [[SourceLine]] = []
        var current: [SourceLine] = []
        for i in start...end {
            let line = lines[i]
            if line.isFurniture { continue }
            if line.text.isEmpty {
                if !current.isEmpty { result.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Minutes that print who attended at their end (ModernGov's "Attendance details"), or
    /// after their first items: the numbered items before the first section's opening line
    /// belong to it, not to nowhere.
    private func includeOpeningItems(_ spans: inout [SectionSpan], lines: [SourceLine]) {
        guard let first = spans.first, let firstContent = lines.firstIndex(where: \.isContent), firstContent < first.start else { return }
        let kind: SectionKind = first.kind == .agenda ? .agenda : .minutes
        let before = ItemSplitter(lines: lines).items(in: firstContent...(first.start - 1), kind: kind)
        guard before.count >= 2 else { return }
        if first.kind == .minutes || first.kind == .agenda {
            spans[0].start = firstContent
        } else {
            // A work programme or appendix after the items: the items are a section of their own.
            var end = first.start - 1
            while end > firstContent, !lines[end].isContent { end -= 1 }
            spans.insert(SectionSpan(kind: .minutes, title: "Minutes", start: firstContent, end: end, anchor: firstContent, ownDate: nil), at: 0)
        }
    }

    /// A document with no recognisable section: minutes if it has numbered minutes, else other.
    private func wholeDocument(_ lines: [SourceLine]) -> SectionSpan? {
        guard let first = lines.firstIndex(where: \.isContent), let last = lines.lastIndex(where: \.isContent) else { return nil }
        // Minutes if numbered minutes are found, or if the opening lines say who was present.
        let hasItems = !ItemSplitter(lines: lines).items(in: first...last, kind: .minutes).isEmpty
            || lines[first...last].prefix(200).contains { $0.isContent && AttendanceExtractor.startsWithLabel($0.lower) && !$0.lower.hasPrefix("apolog") }
        var date: MeetingDate?
        var seen = 0
        for line in lines[first...last] where line.isContent {
            seen += 1
            if seen > 10 { break }
            if let d = DateExtractor.firstDate(in: line.text) { date = d; break }
        }
        return SectionSpan(kind: hasItems ? .minutes : .other, title: hasItems ? "Minutes" : lines[first].text,
                           start: first, end: last, anchor: first, ownDate: date)
    }
}
