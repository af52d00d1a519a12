/// A hand annotation of one file's structure, in the schema of `shared/gold/seeds.json`:
/// the facts a person reads off the document (meeting dates, committee, who attended, item
/// numbers and titles). Line ranges are optional; without them items match on number and title.
public struct StructureGold: Codable, Sendable {
    /// One annotated section: a meeting's minutes, an agenda, a report…
    public struct Section: Codable, Sendable {
        /// What the section is, by ``SectionKind`` name ("minutes", "agenda"…).
        public var kind: String
        /// `YYYY-MM-DD` of the meeting the section belongs to, when annotated.
        public var meetingDate: String?
        /// The chair's surname, when annotated.
        public var chair: String?
        /// Surnames of the members present, chair first; scored for minutes sections only.
        public var present: [String]?
        /// The section's item headings, in order.
        public var items: [Item]

        enum CodingKeys: String, CodingKey {
            case kind, chair, present, items
            case meetingDate = "meeting_date"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kind = try c.decode(String.self, forKey: .kind)
            meetingDate = try c.decodeIfPresent(String.self, forKey: .meetingDate)
            chair = try c.decodeIfPresent(String.self, forKey: .chair)
            present = try c.decodeIfPresent([String].self, forKey: .present)
            items = try c.decodeIfPresent([Item].self, forKey: .items) ?? []
        }
    }

    /// One annotated item heading.
    public struct Item: Codable, Sendable {
        /// The number as printed ("CAB 45/25"); empty for an unnumbered heading.
        public var number: String
        /// The heading as printed.
        public var title: String
        /// The heading's 1-based line; when given, an item matches within two lines of it instead of by title.
        public var firstLine: Int?

        enum CodingKeys: String, CodingKey {
            case number, title
            case firstLine = "first_line"
        }
    }

    /// The file's basename.
    public var file: String
    /// The body whose meeting it is, as printed; nil when the text does not say.
    public var committee: String?
    /// Other spellings of the same body that count as right ("Police and Crime Panel").
    public var committeeAliases: [String]
    /// The annotated sections, in document order.
    public var sections: [Section]

    enum CodingKeys: String, CodingKey {
        case file, committee, sections
        case committeeAliases = "committee_aliases"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        committee = try c.decodeIfPresent(String.self, forKey: .committee)
        committeeAliases = try c.decodeIfPresent([String].self, forKey: .committeeAliases) ?? []
        sections = try c.decodeIfPresent([Section].self, forKey: .sections) ?? []
    }
}
