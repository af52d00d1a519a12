import MinutesIngest

/// Everything a search hit shows about an item, stored as the Xapian document's data so that
/// a search never re-reads source files.
public struct ItemRecord: Codable, Sendable, Equatable {
    /// Where the item sits in its source file.
    public struct SourceLocation: Codable, Sendable, Equatable {
        /// The source file's id.
        public var id: String
        /// The source file's path.
        public var path: String
        /// The item's first line in the file, 1-based.
        public var firstLine: Int
        /// The item's last line, inclusive.
        public var lastLine: Int

        enum CodingKeys: String, CodingKey {
            case id, path
            case firstLine = "first_line"
            case lastLine = "last_line"
        }
    }

    /// The section an item belongs to.
    public struct SectionSummary: Codable, Sendable, Equatable {
        /// What the section is: minutes, an agenda, a report, an appendix…
        public var kind: SectionKind
        /// "Minutes", "Agenda", or the title line the section opens with (a report's, an appendix's…).
        public var title: String
    }

    /// The item's own number and title.
    public struct ItemSummary: Codable, Sendable, Equatable {
        /// The number as printed ("15", "CAB 45/25"); empty for a section's text or its passages.
        public var number: String
        /// The heading as printed; for a section without items, the section's title.
        public var title: String
    }

    /// Stable id: `<source-id>:<section>.<item>` (1-based positions in the file).
    public var id: String
    /// The day of the meeting; nil when none was found.
    public var meetingDate: MeetingDate?
    /// The committee, as the document names it.
    public var committee: String?
    /// The section the item belongs to.
    public var section: SectionSummary
    /// The item's number and title.
    public var item: ItemSummary
    /// Where the item sits in its source file.
    public var source: SourceLocation
    /// The meeting key (`committee-slug/YYYY-MM-DD`) shared by all items of one meeting.
    public var meeting: String
    /// Whether the item records a resolution.
    public var resolved: Bool
    /// The text of each resolution in the item ("Resolved:- That …").
    public var resolutions: [String]
    /// Standing business (apologies, declarations of interest…) rather than a subject of debate.
    public var procedural: Bool
    /// Other minutes the item refers to ("Further to Minute No. 53 …" gives "53").
    public var references: [String]
    /// Attendance of the meeting, for minutes items.
    public var attendance: Attendance?
    /// The cleaned item text, for snippets and `show`.
    public var text: String

    enum CodingKeys: String, CodingKey {
        case id, committee, section, item, source, meeting, resolved, resolutions, procedural, references, attendance, text
        case meetingDate = "meeting_date"
    }
}
