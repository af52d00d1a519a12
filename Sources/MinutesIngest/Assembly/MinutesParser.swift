/// Splits the text of a committee document into sections and items, with their metadata.
///
/// The work goes in passes over the lines, each linear, in the stages the folders of
/// MinutesIngest are named for: clean every line, keeping its original number (`Normalising`);
/// recognise the publishing shape and repair the lines it needs (`Shapes`, `LineNormaliser`);
/// mark page furniture; split into sections and find each section's items (`Lines`,
/// `Assembly`); then read the meeting date and committee from the header and attendance,
/// resolutions and references from the sections (`Metadata`).
public struct MinutesParser: Sendable {
    /// A parser; it holds no state between documents.
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
        let printedCommittee = CommitteeName.find(in: lines)
        PageFurniture(committee: printedCommittee).mark(&lines)

        var spans = SectionSplitter(lines: lines, committee: printedCommittee).sections()
        if spans.isEmpty, let fallback = wholeDocument(lines) { spans = [fallback] }
        includeOpeningItems(&spans, lines: lines)
        let itemSplitter = ItemSplitter(lines: lines)
        let itemSpans = spans.map { itemSplitter.items(in: $0.start...$0.end, kind: $0.kind) }

        let firstItem = itemSpans.compactMap { $0.first?.heading }.min()
        let metadata = DocumentMetadata(lines: lines, header: headerRegion(lines, firstItem: firstItem), firstItem: firstItem,
                                        fileName: fileName, hints: hints, printedCommittee: printedCommittee)
        let paragraphs = Paragraphs(lines: lines, joiner: TextJoiner(lines: lines))
        let attendance = AttendanceFinder(lines: lines, rawLines: text.split(separator: "\n", omittingEmptySubsequences: false),
                                          paragraphs: paragraphs)
        let sections = assemble(spans, itemSpans: itemSpans, metadata: metadata, paragraphs: paragraphs, attendance: attendance)
        let document = MinutesDocument(file: fileName, committee: metadata.committee, sections: sections)
        return Analysis(document: document, lines: lines, spans: spans, itemSpans: itemSpans, metadata: metadata, shape: shape)
    }

    /// The sections, each with its meeting date, items and attendance.
    private func assemble(_ spans: [SectionSpan], itemSpans: [[ItemSpan]], metadata: DocumentMetadata,
                          paragraphs: Paragraphs, attendance finder: AttendanceFinder) -> [Section] {
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
            let items = itemSpans[n].map { makeItem($0, paragraphs: paragraphs) }
            let (attendance, recordsMeeting) = finder.attendance(of: span, items: itemSpans[n], fromTop: n == 0)
            // A page that records who attended is the meeting's record, whatever it is headed.
            let kind = recordsMeeting ? .minutes : span.kind
            let lines = paragraphs.lines
            sections.append(Section(kind: kind, title: kind == span.kind ? span.title : "Minutes", meetingDate: date,
                                    firstLine: lines[span.start].number, lastLine: lines[span.end].number, items: items,
                                    attendance: kind == .minutes ? attendance ?? Attendance(chair: nil, present: []) : nil,
                                    text: items.isEmpty ? paragraphs.text(from: span.start, through: span.end) : ""))
        }
        return sections
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

    private func makeItem(_ span: ItemSpan, paragraphs: Paragraphs) -> Item {
        let lines = paragraphs.lines
        let body = span.headingEnd < span.end ? paragraphs.of(from: span.headingEnd + 1, through: span.end) : []
        let text = paragraphs.joiner.text(of: body)
        var item = Item(number: span.number, title: span.title,
                        firstLine: lines[span.heading].number, lastLine: lines[span.end].number,
                        text: text, resolutions: ResolutionExtractor.resolutions(in: body, joiner: paragraphs.joiner))
        item.references = ReferenceExtractor.references(in: text)
        item.isProcedural = ProceduralItems.isProcedural(title: span.title)
        return item
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

    /// A document with no recognisable section: minutes if it has numbered minutes or says who
    /// was present, else other. Its date is the document's (`MeetingDateResolver`).
    private func wholeDocument(_ lines: [SourceLine]) -> SectionSpan? {
        guard let first = lines.firstIndex(where: \.isContent), let last = lines.lastIndex(where: \.isContent) else { return nil }
        let isMinutes = !ItemSplitter(lines: lines).items(in: first...last, kind: .minutes).isEmpty
            || lines[first...last].prefix(200).contains { $0.isContent && AttendanceExtractor.startsWithLabel($0.lower) && !$0.lower.hasPrefix("apolog") }
            // A ModernGov page's rows without their header: each item's "Minutes:" or "Decision:".
            || lines[first...last].filter({ $0.isContent && ($0.lower.hasPrefix("minutes: ") || $0.lower.hasPrefix("decision: ")) }).count >= 2
        return SectionSpan(kind: isMinutes ? .minutes : .other, title: isMinutes ? "Minutes" : lines[first].text,
                           start: first, end: last, anchor: first, ownDate: nil)
    }
}
