import MinutesIngest

extension ItemRecord {
    /// Flattens a parsed document into the records of its items, one per item; a section
    /// without items (an appendix, a work programme) becomes one record so its text is searchable,
    /// and in a document where no items were found at all, passages of at most
    /// ``Passages/maxLength`` characters.
    public static func records(of document: MinutesDocument, sourceID: String, path: String) -> [ItemRecord] {
        let committee = document.committee
        let foundNoItems = document.sections.allSatisfy { $0.items.isEmpty }
        var records: [ItemRecord] = []
        for (sectionIndex, section) in document.sections.enumerated() {
            let meeting = meetingKey(committee: committee, date: section.meetingDate)
            let summary = SectionSummary(kind: section.kind, title: section.title)
            func record(_ position: Int, item: ItemSummary, first: Int, last: Int, text: String, resolutions: [String],
                        procedural: Bool = false, references: [String] = []) -> ItemRecord {
                ItemRecord(
                    id: "\(sourceID):\(sectionIndex + 1).\(position)",
                    meetingDate: section.meetingDate, committee: committee, section: summary, item: item,
                    source: SourceLocation(id: sourceID, path: path, firstLine: first, lastLine: last),
                    meeting: meeting, resolved: !resolutions.isEmpty, resolutions: resolutions, procedural: procedural,
                    references: references, attendance: section.attendance, text: text)
            }
            if section.items.isEmpty && foundNoItems {
                // Nothing falls out: a document whose items were not found is still searchable,
                // in passages of bounded size under its meeting.
                let passages = Passages.split(section.text, maxLength: Passages.maxLength)
                for (n, passage) in passages.enumerated() {
                    let title = passages.count == 1 ? section.title : "\(section.title) (passage \(n + 1) of \(passages.count))"
                    records.append(record(passages.count == 1 ? 0 : n + 1, item: ItemSummary(number: "", title: title),
                                          first: section.firstLine, last: section.lastLine, text: passage, resolutions: []))
                }
            } else if section.items.isEmpty {
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
