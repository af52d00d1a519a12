import MinutesIngest

extension ItemRecord {
    /// Flattens a parsed document into the records of its items, one per item; a section
    /// without items (an appendix, a work programme) becomes one record so its text is searchable.
    public static func records(of document: MinutesDocument, sourceID: String, path: String) -> [ItemRecord] {
        let committee = document.committee
        var records: [ItemRecord] = []
        for (sectionIndex, section) in document.sections.enumerated() {
            let meeting = meetingKey(committee: committee, date: section.meetingDate)
            let summary = SectionSummary(kind: section.kind.rawValue, title: section.title)
            func record(_ position: Int, item: ItemSummary, first: Int, last: Int, text: String, resolutions: [String],
                        procedural: Bool = false, references: [String] = []) -> ItemRecord {
                ItemRecord(
                    id: "\(sourceID):\(sectionIndex + 1).\(position)",
                    meetingDate: section.meetingDate, committee: committee, section: summary, item: item,
                    source: SourceLocation(id: sourceID, path: path, firstLine: first, lastLine: last),
                    meeting: meeting, resolved: !resolutions.isEmpty, resolutions: resolutions, procedural: procedural,
                    references: references, attendance: section.attendance, text: text)
            }
            if section.items.isEmpty {
                records.append(record(0, item: ItemSummary(number: "", title: section.title),
                                      first: section.firstLine, last: section.lastLine, text: section.text, resolutions: []))
            }
            for (itemIndex, item) in section.items.enumerated() {
                records.append(record(itemIndex + 1, item: ItemSummary(number: item.number, title: item.title),
                                      first: item.firstLine, last: item.lastLine, text: item.text, resolutions: item.resolutions,
                                      procedural: item.isProcedural, references: item.references))
            }
        }
        return records
    }

    /// The key shared by every item of one meeting of one committee.
    static func meetingKey(committee: String?, date: MeetingDate?) -> String {
        "\(slug(committee ?? "unknown"))/\(date?.iso ?? "undated")"
    }
}
