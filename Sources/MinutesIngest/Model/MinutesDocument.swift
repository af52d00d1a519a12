/// One ingested file: the meetings it records, as sections, each holding its items.
///
/// Encodes to the schema of the gold annotation (`file`, `committee`, `sections`, `present`),
/// which is also what `quorum parse --json` prints.
public struct MinutesDocument: Codable, Sendable, Equatable {
    /// The file's basename.
    public var file: String
    /// The committee the document belongs to, as the document names it ("Improving Lives Select Commission").
    public var committee: String?
    /// The sections in document order.
    public var sections: [Section]

    /// A document with these sections.
    public init(file: String, committee: String?, sections: [Section]) {
        self.file = file
        self.committee = committee
        self.sections = sections
    }

    /// The attendance of the document's first minutes section, chair first (the gold's top-level `present`).
    public var present: [String] {
        guard let attendance = sections.first(where: { $0.kind == .minutes })?.attendance else { return [] }
        return attendance.chairFirstPresent
    }

    enum CodingKeys: String, CodingKey { case file, committee, sections, present }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        committee = try c.decodeIfPresent(String.self, forKey: .committee)
        sections = try c.decode([Section].self, forKey: .sections)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encodeIfPresent(committee, forKey: .committee)
        try c.encode(sections, forKey: .sections)
        try c.encode(present, forKey: .present)
    }
}

/// What a section of a document is.
public enum SectionKind: String, Codable, Sendable, CaseIterable {
    /// The agenda of a meeting.
    case agenda
    /// The minutes of a meeting.
    case minutes
    /// An officer's report, from its cover sheet on.
    case report
    /// An appendix to a report.
    case appendix
    /// A work programme (`work_programme` in JSON and in `kind:` queries).
    case workProgramme = "work_programme"
    /// Anything else: trackers, monitoring schedules, a document with no recognisable section.
    case other
}

/// A run of a document that belongs to one meeting and is of one kind: an agenda, the minutes
/// of a meeting, an officer's report, an appendix, a work programme.
public struct Section: Codable, Sendable, Equatable {
    /// What the section is: minutes, an agenda, a report, an appendix…
    public var kind: SectionKind
    /// "Minutes", "Agenda", or the title line the section opens with (a report's, an appendix's…).
    public var title: String
    /// The meeting the section belongs to: embedded earlier minutes carry the earlier date.
    public var meetingDate: MeetingDate?
    /// 1-based, inclusive line numbers in the source file.
    public var firstLine: Int
    /// The section's last line, inclusive.
    public var lastLine: Int
    /// The section's numbered items, in document order.
    public var items: [Item]
    /// Who attended; minutes sections only.
    public var attendance: Attendance?
    /// The cleaned text of the section when it has no items (appendices, work programmes),
    /// so that it is still searchable.
    public var text: String

    /// A section with these values.
    public init(kind: SectionKind, title: String, meetingDate: MeetingDate?, firstLine: Int, lastLine: Int,
                items: [Item] = [], attendance: Attendance? = nil, text: String = "") {
        self.kind = kind
        self.title = title
        self.meetingDate = meetingDate
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.items = items
        self.attendance = attendance
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case kind, title, items, text
        case meetingDate = "meeting_date"
        case firstLine = "first_line"
        case lastLine = "last_line"
        case chair, present, apologies
        case inAttendance = "in_attendance"
        case substitutes, attendees
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(SectionKind.self, forKey: .kind)
        title = try c.decode(String.self, forKey: .title)
        meetingDate = try c.decodeIfPresent(MeetingDate.self, forKey: .meetingDate)
        firstLine = try c.decode(Int.self, forKey: .firstLine)
        lastLine = try c.decode(Int.self, forKey: .lastLine)
        items = try c.decodeIfPresent([Item].self, forKey: .items) ?? []
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        if c.contains(.present) || c.contains(.chair) {
            attendance = Attendance(
                chair: try c.decodeIfPresent(String.self, forKey: .chair),
                present: try c.decodeIfPresent([String].self, forKey: .present) ?? [],
                apologies: try c.decodeIfPresent([String].self, forKey: .apologies) ?? [],
                inAttendance: try c.decodeIfPresent([String].self, forKey: .inAttendance) ?? [])
            attendance?.substitutes = try c.decodeIfPresent([String].self, forKey: .substitutes) ?? []
            attendance?.attendees = try c.decodeIfPresent([Attendee].self, forKey: .attendees) ?? []
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(meetingDate, forKey: .meetingDate)
        try c.encode(firstLine, forKey: .firstLine)
        try c.encode(lastLine, forKey: .lastLine)
        try c.encode(items, forKey: .items)
        if let attendance {
            try c.encodeIfPresent(attendance.chair, forKey: .chair)
            try c.encode(attendance.chairFirstPresent, forKey: .present)
            try c.encode(attendance.apologies, forKey: .apologies)
            try c.encode(attendance.inAttendance, forKey: .inAttendance)
            if !attendance.substitutes.isEmpty { try c.encode(attendance.substitutes, forKey: .substitutes) }
            if !attendance.attendees.isEmpty { try c.encode(attendance.attendees, forKey: .attendees) }
        }
    }
}

/// Who attended a meeting, by surname ("T. Collingham" is "Collingham").
public struct Attendance: Codable, Sendable, Equatable {
    /// The chair, by surname, when the minutes name one.
    public var chair: String?
    /// Members present, not including the chair.
    public var present: [String]
    /// Members who sent apologies, by surname.
    public var apologies: [String]
    /// Others in attendance (officers, invited members), by surname.
    public var inAttendance: [String]
    /// Members who attended as substitutes ("Councillor Lee (substitute for Councillor Hart)"), by surname.
    public var substitutes: [String] = []
    /// Those in attendance as printed, with their roles where the minutes give them
    /// ("Caroline Webb", "Senior Adviser (Scrutiny and Member Development)").
    public var attendees: [Attendee] = []

    /// Attendance with these names; ``substitutes`` and ``attendees`` start empty.
    public init(chair: String?, present: [String], apologies: [String] = [], inAttendance: [String] = []) {
        self.chair = chair
        self.present = present
        self.apologies = apologies
        self.inAttendance = inAttendance
    }

    enum CodingKeys: String, CodingKey {
        case chair, present, apologies, substitutes, attendees
        case inAttendance = "in_attendance"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        chair = try c.decodeIfPresent(String.self, forKey: .chair)
        present = try c.decodeIfPresent([String].self, forKey: .present) ?? []
        apologies = try c.decodeIfPresent([String].self, forKey: .apologies) ?? []
        inAttendance = try c.decodeIfPresent([String].self, forKey: .inAttendance) ?? []
        substitutes = try c.decodeIfPresent([String].self, forKey: .substitutes) ?? []
        attendees = try c.decodeIfPresent([Attendee].self, forKey: .attendees) ?? []
    }

    /// The chair followed by the other members present, without repeating the chair.
    public var chairFirstPresent: [String] {
        guard let chair else { return present }
        return [chair] + present.filter { $0 != chair }
    }
}

/// One numbered entry of a section: a minute, an agenda entry, a report's top-level heading.
public struct Item: Codable, Sendable, Equatable {
    /// The number as printed, without its trailing full stop ("15", "CAB 45/25", "1.1").
    public var number: String
    /// The heading as printed, wrapped lines joined, page references and markup removed.
    public var title: String
    /// The item's first line in the source file, 1-based.
    public var firstLine: Int
    /// The item's last line, inclusive.
    public var lastLine: Int
    /// The cleaned body text, heading excluded.
    public var text: String
    /// The text of each resolution in the item ("Resolved:- That …").
    public var resolutions: [String]
    /// Other minutes the item refers to, by number as printed ("53", "13(3)", "CAB 45/25").
    public var references: [String] = []
    /// Standing business (apologies, declarations of interest, minutes of the previous meeting,
    /// urgent business, date of next meeting…) rather than a subject of debate; see `ProceduralItems`.
    public var isProcedural = false

    /// Whether the item records a resolution.
    public var resolved: Bool { !resolutions.isEmpty }

    /// An item with these values.
    public init(number: String, title: String, firstLine: Int, lastLine: Int, text: String, resolutions: [String] = []) {
        self.number = number
        self.title = title
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.text = text
        self.resolutions = resolutions
    }

    enum CodingKeys: String, CodingKey {
        case number, title, text, resolved, resolutions, references
        case procedural
        case firstLine = "first_line"
        case lastLine = "last_line"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(String.self, forKey: .number)
        title = try c.decode(String.self, forKey: .title)
        firstLine = try c.decode(Int.self, forKey: .firstLine)
        lastLine = try c.decode(Int.self, forKey: .lastLine)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        resolutions = try c.decodeIfPresent([String].self, forKey: .resolutions) ?? []
        references = try c.decodeIfPresent([String].self, forKey: .references) ?? []
        isProcedural = try c.decodeIfPresent(Bool.self, forKey: .procedural) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(title, forKey: .title)
        try c.encode(firstLine, forKey: .firstLine)
        try c.encode(lastLine, forKey: .lastLine)
        try c.encode(resolved, forKey: .resolved)
        try c.encode(resolutions, forKey: .resolutions)
        if !references.isEmpty { try c.encode(references, forKey: .references) }
        // Written only when true, so documents of substantive items read as before.
        if isProcedural { try c.encode(true, forKey: .procedural) }
    }
}
