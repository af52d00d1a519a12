import MinutesIngest
import Xapian

/// A field whose values a search can count (`facet=year`): the facet fields of ``Schema``,
/// by name.
public enum Facet: String, Codable, Sendable, CaseIterable, Comparable {
    case year
    case month
    case committee
    case kind
    case meeting
    /// The people named in an item's attendance (many to an item, counted from their terms).
    case person

    /// The schema field the facet counts.
    public var field: IndexField {
        switch self {
        case .year: Schema.year
        case .month: Schema.month
        case .committee: Schema.committee
        case .kind: Schema.kind
        case .meeting: Schema.meeting
        case .person: Schema.person
        }
    }

    /// The value slot the counts are read from; nil for a facet of many values an item, whose
    /// counts come from its terms (``person``).
    public var slot: ValueSlot? { field.slot }

    /// What a search shows a person when it does not say: the CLI's and the web pages' sidebar,
    /// and the facet columns the daemon builds at start-up.
    public static let defaults: [Facet] = [.year, .committee, .kind]

    public static func < (lhs: Facet, rhs: Facet) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a `kind` filter names: a section's kind, or the standing business of any section
/// (`kind:procedural`, ``Schema/proceduralKind``).
public enum ItemKind: Hashable, Sendable, CaseIterable, Comparable {
    case section(SectionKind)
    case procedural

    /// Every kind: the section kinds, then `procedural`.
    public static let allCases: [ItemKind] = SectionKind.allCases.map(ItemKind.section) + [.procedural]

    /// Its name in a query, a URL and the index's `XK` terms.
    public var name: String {
        switch self {
        case let .section(kind): kind.rawValue
        case .procedural: Schema.proceduralKind
        }
    }

    /// The kind with this name, if there is one.
    public init?(name: String) {
        if name == Schema.proceduralKind {
            self = .procedural
        } else if let kind = SectionKind(rawValue: name) {
            self = .section(kind)
        } else {
            return nil
        }
    }

    /// Its filter term (`XKminutes`, `XKprocedural`).
    public var term: String { Schema.kind.term(name) }

    public static func < (lhs: ItemKind, rhs: ItemKind) -> Bool { lhs.name < rhs.name }
}

extension ItemKind: Codable {
    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let kind = ItemKind(name: name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown kind '\(name)'"))
        }
        self = kind
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
