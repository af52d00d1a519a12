import MinutesIngest

/// Everything a search hit shows about an item, stored as the Xapian document's data so that
/// a search never re-reads source files.
public struct ItemRecord: Codable, Sendable, Equatable {
    /// Where the item sits in its source file.
    public struct SourceLocation: Codable, Sendable, Equatable {
        public var id: String
        public var path: String
        public var firstLine: Int
        public var lastLine: Int

        enum CodingKeys: String, CodingKey {
            case id, path
            case firstLine = "first_line"
            case lastLine = "last_line"
        }
    }

    /// The section an item belongs to.
    public struct SectionSummary: Codable, Sendable, Equatable {
        public var kind: String
        public var title: String
    }

    /// The item's own number and title.
    public struct ItemSummary: Codable, Sendable, Equatable {
        public var number: String
        public var title: String
    }

    /// Stable id: `<source-id>:<section>.<item>` (1-based positions in the file).
    public var id: String
    public var meetingDate: MeetingDate?
    public var committee: String?
    public var section: SectionSummary
    public var item: ItemSummary
    public var source: SourceLocation
    /// The meeting key (`committee-slug/YYYY-MM-DD`) shared by all items of one meeting.
    public var meeting: String
    public var resolved: Bool
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
