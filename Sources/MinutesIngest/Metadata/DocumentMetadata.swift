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
        if let best = committeeCandidates.first, best.score > 1 || printedCommittee == nil {
            committee = best.name
            committeeSource = "line \(lines[best.line].number): \(best.rule)"
        } else if let printedCommittee {
            committee = CommitteeName.titleCased(printedCommittee)
            committeeSource = "the first lines"
        } else if let named = CommitteeResolver(lines: lines).mostNamed(in: 0..<lines.count) {
            committee = named.name
            committeeSource = "line \(lines[named.line].number): \(named.rule)"
        } else if let named = CommitteeResolver.committee(inFileName: fileName) {
            committee = named
            committeeSource = "the file name"
        } else if let title = hints.title, let named = CommitteeResolver.committee(inFileName: title + ".pdf") {
            committee = named
            committeeSource = "the PDF's title"
        } else {
            committee = nil
            committeeSource = "none found"
        }
    }
}
