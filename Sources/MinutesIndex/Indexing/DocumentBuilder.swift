import MinutesIngest
import Xapian

/// Turns an ``ItemRecord`` into a Xapian document following ``Schema``: free text with
/// position gaps between fields, boolean filter terms, value slots and the record as data.
final class DocumentBuilder {
    private let termGenerator: TermGenerator

    /// `spellingDatabase` receives spelling data from the indexed text (for "did you mean").
    init(spellingDatabase: WritableDatabase?) throws {
        termGenerator = TermGenerator()
        termGenerator.stemmer = try Stem(language: Schema.stemLanguage)
        termGenerator.stemmingStrategy = .some
        if let spellingDatabase {
            termGenerator.setDatabase(spellingDatabase)
            termGenerator.flags = .spelling
        }
    }

    /// The document for `record`, stored as `data` (``PreparedItems`` encodes it), with the
    /// spelled-out forms it prints (``SpelledOutForms``) as terms of their own.
    func document(for record: ItemRecord, data: String, spelledOutTerms: Set<String> = []) throws -> Document {
        let document = Document()
        indexText(of: record, into: document)
        addFilters(of: record, to: document)
        for term in spelledOutTerms {
            document.addBooleanTerm(term)
        }
        addDate(of: record, to: document)
        document.data = data
        return document
    }

    /// The free text: titles, body and resolutions, with position gaps between them.
    private func indexText(of record: ItemRecord, into document: Document) {
        termGenerator.setDocument(document)
        termGenerator.termPosition = 0
        // Titles count twice: a word in the heading says more about the item than one in passing.
        termGenerator.indexText(record.item.title, wdfIncrement: 2, prefix: Schema.title.prefix)
        termGenerator.indexText(record.item.title, wdfIncrement: 2)
        termGenerator.increaseTermPosition(by: Schema.fieldPositionGap)
        if record.section.title != record.item.title, ![.minutes, .agenda].contains(record.section.kind) {
            // A report's heading "Background" means little alone; the report's title says what it is about.
            termGenerator.indexText(record.section.title, prefix: Schema.title.prefix)
            termGenerator.indexText(record.section.title)
            termGenerator.increaseTermPosition(by: Schema.fieldPositionGap)
        }
        termGenerator.indexText(record.text)
        for resolution in record.resolutions {
            termGenerator.increaseTermPosition(by: Schema.fieldPositionGap)
            termGenerator.indexText(resolution, prefix: Schema.resolved.prefix)
        }
        if let committee = record.committee {
            // The body whose meeting it is, once: "elected chairman of the parish council" is
            // asked of items that say only "Election of Chairman".
            termGenerator.increaseTermPosition(by: Schema.fieldPositionGap)
            termGenerator.indexText(committee)
        }
    }

    /// The boolean terms and value slots that filter, facet and collapse, but the date's.
    private func addFilters(of record: ItemRecord, to document: Document) {
        document.addBooleanTerm(Schema.id.term(record.id))
        document.addBooleanTerm(Schema.source.term(record.source.id))
        document.addBooleanTerm(ItemKind.section(record.section.kind).term)
        if record.procedural {
            // A second kind term; the kind slot (facets) keeps the section's kind.
            document.addBooleanTerm(ItemKind.procedural.term)
        }
        document.addBooleanTerm(Schema.meeting.term(record.meeting))
        document.setValue(record.section.kind.rawValue, slot: Schema.kind.slot!)
        document.setValue(record.meeting, slot: Schema.meeting.slot!)
        if let committee = record.committee {
            document.addBooleanTerm(Schema.committee.term(normalising: committee))
            document.setValue(committee, slot: Schema.committee.slot!)
        }
        if record.resolved {
            document.addBooleanTerm(Schema.hasResolution.prefix)
        }
        if let attendance = record.attendance {
            let people = [attendance.chair].compactMap { $0 } + attendance.present + attendance.apologies + attendance.inAttendance
            for term in Set(people.map { Schema.person.term(normalising: $0) }) where term != Schema.person.prefix {
                document.addBooleanTerm(term)
            }
        }
    }

    /// The meeting date's terms and slots (day, month, year), or the year facet's "unknown".
    private func addDate(of record: ItemRecord, to document: Document) {
        if let date = record.meetingDate {
            let year = String(date.compact.prefix(4))
            let month = String(date.compact.prefix(6))
            document.addBooleanTerm(Schema.date.term(date.compact))
            document.addBooleanTerm(Schema.month.term(month))
            document.addBooleanTerm(Schema.year.term(year))
            document.setValue(date.compact, slot: Schema.date.slot!)
            document.setValue(year, slot: Schema.year.slot!)
            document.setValue(String(date.iso.prefix(7)), slot: Schema.month.slot!)
        } else {
            // Undated items stay in the year facet, as "unknown", rather than dropping out of it.
            document.addBooleanTerm(Schema.year.term(Schema.unknownYear))
            document.setValue(Schema.unknownYear, slot: Schema.year.slot!)
        }
    }
}
