/// The committee and meeting date of a document as a whole, from its header, else from its
/// file name ("2025-01-13 Cabinet minutes.pdf"), else from the PDF's metadata, with the
/// candidates that were weighed, for `quorum parse --explain`.
struct DocumentMetadata {
    let dateCandidates: [MeetingDateResolver.Candidate]
    let committeeCandidates: [CommitteeResolver.Candidate]
    /// The meeting date: the best candidate of the header, else the file name's date.
    let meetingDate: MeetingDate?
    /// Where the meeting date came from, in words.
    let meetingDateSource: String
    let committee: String?
    let committeeSource: String

    init(lines: [SourceLine], header: Range<Int>, firstItem: Int?, fileName: String, hints: SourceHints, printedCommittee: String?) {
        dateCandidates = MeetingDateResolver(lines: lines).candidates(in: header, firstItem: firstItem)
        committeeCandidates = CommitteeResolver(lines: lines).candidates(in: header)
        if let best = dateCandidates.first, best.score > 0 {
            meetingDate = best.date
            meetingDateSource = "line \(lines[best.line].number): \(best.reasons.joined(separator: ", "))"
        } else if let date = MeetingDateResolver.date(inFileName: fileName) {
            meetingDate = date
            meetingDateSource = "the file name"
        } else if let date = hints.created {
            meetingDate = date
            meetingDateSource = "the PDF's creation date"
        } else {
            meetingDate = nil
            meetingDateSource = "none found"
        }
        (committee, committeeSource) = Self.committee(lines: lines, header: committeeCandidates, printed: printedCommittee,
                                                      fileName: fileName, hints: hints)
    }

    /// The body, by the first rule that names one: a heading rule of the header; the first
    /// lines' name unless it is only the council's letterhead; a committee the text names; the
    /// letterhead; a body or council the text names; the file name; the PDF's title. The text is
    /// scanned only when the header falls short.
    private static func committee(lines: [SourceLine], header: [CommitteeResolver.Candidate], printed: String?,
                                  fileName: String, hints: SourceHints) -> (String?, String) {
        func fromLine(_ candidate: CommitteeResolver.Candidate) -> (String?, String) {
            (candidate.name, "line \(lines[candidate.line].number): \(candidate.rule)")
        }
        if let best = header.first, best.score > 1 { return fromLine(best) }
        if let printed, !CommitteeResolver.isCouncilLetterhead(printed) { return (CommitteeName.titleCased(printed), "the first lines") }
        let resolver = CommitteeResolver(lines: lines)
        let named = resolver.mostNamed(in: 0..<lines.count)
        // A page headed by its council's name alone (a site's banner over a committee's meeting:
        // "Chichester District Council / Agenda and minutes") whose text names one of its
        // committees is that committee's.
        if let named, isCommittee(named) { return fromLine(named) }
        if let printed { return (CommitteeName.titleCased(printed), "the first lines") }
        if let best = header.first { return fromLine(best) }
        if let named { return fromLine(named) }
        if let council = resolver.councilNamed(in: 0..<lines.count) { return fromLine(council) }
        if let named = CommitteeResolver.committee(inFileName: fileName) { return (named, "the file name") }
        if let title = hints.title, let named = CommitteeResolver.committee(inFileName: title + ".pdf") { return (named, "the PDF's title") }
        return (nil, "none found")
    }

    /// A committee, panel, board or the like, not a council: what a council's letterhead sits over.
    private static func isCommittee(_ candidate: CommitteeResolver.Candidate) -> Bool {
        !candidate.name.lowercased().hasSuffix("council")
    }
}
