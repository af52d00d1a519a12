import Foundation
import Xapian

/// A fresh folder under the system temporary directory, removed when the test's suite
/// instance goes away (Swift Testing makes one instance per test).
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("XapianTests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// A path inside the folder (not created).
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}

/// Value slots of the sample index, as the Quorum schema uses them.
enum Slot {
    static let date: ValueSlot = 0        // YYYYMMDD
    static let committee: ValueSlot = 1
    static let meeting: ValueSlot = 2     // collapse key
    static let pages: ValueSlot = 3       // sortableSerialise'd number
}

/// One sample minute item.
struct SampleItem {
    var id: String
    var title: String
    var body: String
    var committee: String
    var date: String
    var meeting: String
    var pages: Double
}

/// Five items over three committees and four meetings; "educated" (m3) and "education"
/// (m1, m2, m4) share the English stem "educ".
let sampleItems: [SampleItem] = [
    SampleItem(id: "m1", title: "Elective home education policy",
               body: "The committee considered the draft elective home education policy and resolved to approve it.",
               committee: "cabinet", date: "20200115", meeting: "cab-2020-01", pages: 12),
    SampleItem(id: "m2", title: "School transport",
               body: "Members discussed school transport for children in home education.",
               committee: "cabinet", date: "20200115", meeting: "cab-2020-01", pages: 4),
    SampleItem(id: "m3", title: "Budget monitoring",
               body: "Officers presented budget monitoring figures; the forecast was an educated estimate.",
               committee: "scrutiny", date: "20210310", meeting: "scr-2021-03", pages: 30),
    SampleItem(id: "m4", title: "Library closures",
               body: "Residents objected to the library closures and asked about adult education classes.",
               committee: "scrutiny", date: "20201120", meeting: "scr-2020-11", pages: 7),
    SampleItem(id: "m5", title: "Highways maintenance",
               body: "Potholes and highways maintenance were reported by ward members.",
               committee: "planning", date: "20190605", meeting: "pla-2019-06", pages: 2),
]

/// Builds a document the way the Quorum indexer does: title under S and unprefixed, a
/// position gap, then the body; Q id, XC committee; date, committee, meeting and pages values.
func makeDocument(_ item: SampleItem, generator: TermGenerator) -> Document {
    let document = Document()
    generator.setDocument(document)
    generator.termPosition = 0
    generator.indexText(item.title, prefix: "S")
    generator.indexText(item.title)
    generator.increaseTermPosition()
    generator.indexText(item.body)
    document.addBooleanTerm("Q" + item.id)
    document.addBooleanTerm("XC" + item.committee)
    document.setValue(item.date, slot: Slot.date)
    document.setValue(item.committee, slot: Slot.committee)
    document.setValue(item.meeting, slot: Slot.meeting)
    document.setValue(sortableSerialise(item.pages), slot: Slot.pages)
    document.data = item.id
    return document
}

/// An English, STEM_SOME term generator (with spelling data when a database is given).
func makeGenerator(spellingInto database: WritableDatabase? = nil) throws -> TermGenerator {
    let generator = TermGenerator()
    generator.stemmer = try Stem(language: "english")
    generator.stemmingStrategy = .some
    if let database {
        generator.setDatabase(database)
        generator.flags = .spelling
    }
    return generator
}

/// Creates and commits an index of `items` at `path`.
@discardableResult
func buildSampleIndex(at path: String, items: [SampleItem] = sampleItems) throws -> WritableDatabase {
    let database = try WritableDatabase(path: path, mode: .createOrOverwrite)
    let generator = try makeGenerator(spellingInto: database)
    for item in items {
        try database.replaceDocument(uniqueTerm: "Q" + item.id, with: makeDocument(item, generator: generator))
    }
    try database.commit()
    return database
}

/// A parser set up like Quorum's: English STEM_SOME, title and committee fields, date ranges.
func makeParser(database: Database? = nil) throws -> QueryParser {
    let parser = QueryParser()
    parser.stemmer = try Stem(language: "english")
    parser.stemmingStrategy = .some
    parser.addPrefix(field: "title", prefix: "S")
    parser.addBooleanPrefix(field: "committee", prefix: "XC")
    parser.addRangeProcessor(.date(slot: Slot.date, prefix: "date:"))
    if let database { parser.setDatabase(database) }
    return parser
}

/// The item ids (document data) of every hit of `query`, in rank order.
func searchIDs(_ database: Database, _ query: Query, configure: (Enquire) -> Void = { _ in }) throws -> [String] {
    let enquire = Enquire(database: database)
    enquire.query = query
    configure(enquire)
    let mset = try enquire.mset(offset: 0, limit: 100)
    return try mset.hits.indices.map { try mset.document(at: $0).data }
}
