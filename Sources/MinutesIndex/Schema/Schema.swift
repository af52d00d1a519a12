import Xapian

/// The index's single field table, and the settings every reader and writer must agree on.
public enum Schema {
    /// Free text of the item body (unprefixed).
    public static let body = IndexField(name: "body", prefix: "", termKind: .freeText)
    /// Item title (and section title for items of reports and appendices).
    public static let title = IndexField(name: "title", prefix: "S", termKind: .freeText)
    /// The text of the item's resolutions.
    public static let resolved = IndexField(name: "resolved", prefix: "XR", termKind: .freeText)
    /// The unique item id; one Xapian document per item.
    public static let id = IndexField(name: "id", prefix: "Q", termKind: .internal)
    /// The source file an item came from, so a file's items are replaced or deleted together.
    public static let source = IndexField(name: "source", prefix: "XSRC", termKind: .boolean)
    /// Committee, by slug (`improving-lives-select-commission`); display name in the value slot.
    public static let committee = IndexField(name: "committee", prefix: "XC", termKind: .boolean, slot: 2, valueForm: .slug)
    /// Section kind: agenda, minutes, report, appendix, work_programme, other.
    public static let kind = IndexField(name: "kind", prefix: "XK", termKind: .boolean, slot: 3, valueForm: .lowercased)
    /// People named in the attendance, by lower-case surname.
    public static let person = IndexField(name: "person", prefix: "XP", termKind: .boolean, valueForm: .slug)
    /// Meeting date: `D`YYYYMMDD terms, and YYYYMMDD in slot 0 for sorting and ranges.
    public static let date = IndexField(name: "date", prefix: "D", termKind: .internal, slot: 0)
    /// Meeting month: `M`YYYYMM terms; YYYY-MM in slot 5 for facets.
    public static let month = IndexField(name: "month", prefix: "M", termKind: .boolean, slot: 5)
    /// Meeting year: `Y`YYYY terms; YYYY in slot 1 for facets.
    public static let year = IndexField(name: "year", prefix: "Y", termKind: .boolean, slot: 1)
    /// The meeting an item belongs to (`committee-slug/YYYY-MM-DD`): the collapse key and a facet.
    public static let meeting = IndexField(name: "meeting", prefix: "XM", termKind: .boolean, slot: 4, valueForm: .lowercased)
    /// Present on items that record a resolution (`XRES`), whatever its text.
    public static let hasResolution = IndexField(name: "has_resolution", prefix: "XRES", termKind: .internal)

    /// The `kind:` value of procedural items (`XKprocedural`), given in addition to their section's
    /// kind: `kind:procedural` finds standing business, and searches weigh it down.
    public static let proceduralKind = "procedural"
    /// The term prefix of the capitalised names an item prints, by initials (``SpelledOutForms``):
    /// `XIpru:pupil referral unit`. Boolean; read only to expand acronyms no document defines.
    static let spelledOutFormPrefix = "XI"
    /// The year facet's value for items whose meeting date was found nowhere.
    public static let unknownYear = "unknown"
    /// How ranked searches order matches, unless an evaluation tries other settings.
    public static let ranking = RankingSettings()

    /// Every field, in one table.
    public static let fields: [IndexField] = [
        body, title, resolved, id, source, committee, kind, person, date, month, year, meeting, hasResolution,
    ]

    /// Fields that `facet=NAME` may ask for.
    public static var facetFields: [IndexField] { Facet.allCases.map(\.field) }

    /// The field with this query name, if any.
    public static func field(named name: String) -> IndexField? {
        fields.first { $0.name == name }
    }

    /// Positions left between fields so that a phrase never matches across two of them.
    public static let fieldPositionGap = 100
    /// Stemming language for text and queries.
    public static let stemLanguage = "english"
    /// The query prefix for date ranges: `date:2020-01-01..2024-12-31`.
    public static let dateRangePrefix = "date:"

    /// Metadata key prefix for the record of each indexed (or failed) source file.
    static let sourceMetadataPrefix = "quorum.source."
    /// Metadata key prefix for the acronyms mined from each source file.
    static let acronymMetadataPrefix = "quorum.acronyms."
    /// Metadata key that records the schema version: an index of another version is refused by
    /// tools and rebuilt by quorumd beside it while it serves (``SchemaUpgrade``).
    static let versionMetadataKey = "quorum.schema"
    /// Bumped whenever terms, slots or document data change meaning (3: the spelled-out forms'
    /// `XI` terms; 4: the committee's name in each item's free text).
    public static let version = "4"
}
