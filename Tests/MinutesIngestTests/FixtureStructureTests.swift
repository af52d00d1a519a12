import Foundation
import MinutesIngest
import Testing

/// Sample documents in other councils' styles, each with its expected structure as JSON beside it
/// (worked out by reading the sample, in the gold annotation's schema).
@Suite struct FixtureStructureTests {
    @Test func planningCommitteeWithParagraphNumbers() throws { try check("planning-paragraph-numbered.txt") }
    @Test func cabinetWithMinuteReferences() throws { try check("cabinet-minute-references.txt") }
    @Test func agendaPackEmbeddingEarlierMinutes() throws { try check("scrutiny-agenda-pack.txt") }
    @Test func markdownBoardMinutes() throws { try check("health-board-markdown.md") }
    @Test func modernGovHTMLPage() throws { try check("childrens-scrutiny-moderngov.html") }

    @Test func modernGovPageItemTextDropsLabelsAndKeepsTables() throws {
        let doc = try parseFixture("childrens-scrutiny-moderngov.html")
        let items = doc.sections.flatMap(\.items)
        #expect(items.first?.text == "Apologies were received from Councillor Greene.")
        let missing = try #require(items.first { $0.number == "5" })
        #expect(!missing.text.contains("Minutes:"), "\(missing.text)")
        #expect(missing.text.contains("Q1 | 64 | 58"), "\(missing.text)")
        #expect(!doc.sections.flatMap(\.items).contains { $0.text.contains("NOT AN ITEM") || $0.text.contains("COMMENTED") })
        let ehe = try #require(items.first { $0.number == "4" })
        #expect(ehe.text.contains("families & offered support"), "\(ehe.text)")
    }

    @Test func packItemTextDropsFurnitureAndMendsHyphenation() throws {
        let doc = try parseFixture("scrutiny-agenda-pack.txt")
        let item = try #require(doc.sections.first { $0.kind == .minutes }?.items.first { $0.number == "56" })
        #expect(item.text.contains("the use of volunteers across the service."), "\(item.text)")
        #expect(!item.text.contains("Page 4"))
        #expect(!item.text.contains("SCRUTINY"))
        #expect(!item.text.contains("COMMITTEE -"))
    }

    @Test func sectionWithoutItemsKeepsItsText() throws {
        let doc = try parseFixture("scrutiny-agenda-pack.txt")
        let appendix = try #require(doc.sections.last)
        #expect(appendix.kind == .appendix)
        #expect(appendix.text.contains("North Monday 4"), "\(appendix.text)")
    }

    // MARK: Helpers

    private func fixtureURL(_ name: String) throws -> URL {
        try FixtureFiles.url(name)
    }

    private func parseFixture(_ name: String) throws -> MinutesDocument {
        MinutesParser().parse(try DocumentReader.readText(at: fixtureURL(name)), fileName: name)
    }

    /// Failures are reported at the calling test's line.
    private func check(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let base = (name as NSString).deletingPathExtension
        let expectedData = try Data(contentsOf: fixtureURL(base + ".expected.json"))
        let expected = try JSONDecoder().decode(MinutesDocument.self, from: expectedData)
        let actual = try parseFixture(name)
        #expect(actual.file == expected.file, sourceLocation: sourceLocation)
        #expect(actual.committee == expected.committee, sourceLocation: sourceLocation)
        #expect(actual.sections.count == expected.sections.count, "sections of \(name)", sourceLocation: sourceLocation)
        for (a, e) in zip(actual.sections, expected.sections) {
            let at = "\(name) \(e.kind.rawValue) @\(e.firstLine)"
            #expect(a.kind == e.kind, "\(at)", sourceLocation: sourceLocation)
            #expect(a.title == e.title, "\(at)", sourceLocation: sourceLocation)
            #expect(a.meetingDate == e.meetingDate, "\(at)", sourceLocation: sourceLocation)
            #expect(a.firstLine == e.firstLine, "\(at)", sourceLocation: sourceLocation)
            #expect(a.lastLine == e.lastLine, "\(at)", sourceLocation: sourceLocation)
            #expect(a.attendance?.chair == e.attendance?.chair, "\(at)", sourceLocation: sourceLocation)
            #expect(a.attendance?.chairFirstPresent == e.attendance?.chairFirstPresent, "\(at)", sourceLocation: sourceLocation)
            #expect(a.attendance?.apologies == e.attendance?.apologies, "\(at)", sourceLocation: sourceLocation)
            #expect(a.attendance?.inAttendance == e.attendance?.inAttendance, "\(at)", sourceLocation: sourceLocation)
            #expect(a.attendance?.substitutes == e.attendance?.substitutes, "\(at)", sourceLocation: sourceLocation)
            if let attendees = e.attendance?.attendees, !attendees.isEmpty {
                #expect(a.attendance?.attendees == attendees, "\(at)", sourceLocation: sourceLocation)
            }
            #expect(a.items.map(\.number) == e.items.map(\.number), "\(at)", sourceLocation: sourceLocation)
            for (ai, ei) in zip(a.items, e.items) {
                let item = "\(at) item \(ei.number)"
                #expect(ai.title == ei.title, "\(item)", sourceLocation: sourceLocation)
                #expect(ai.firstLine == ei.firstLine, "\(item)", sourceLocation: sourceLocation)
                #expect(ai.lastLine == ei.lastLine, "\(item)", sourceLocation: sourceLocation)
                #expect(ai.isProcedural == ei.isProcedural, "\(item)", sourceLocation: sourceLocation)
                if !ei.resolutions.isEmpty { #expect(ai.resolutions == ei.resolutions, "\(item)", sourceLocation: sourceLocation) }
                if !ei.references.isEmpty { #expect(ai.references == ei.references, "\(item)", sourceLocation: sourceLocation) }
            }
        }
        // "resolved" is derived from resolutions; compare it through the encoded JSON.
        let resolvedExpected = try resolvedFlags(expectedData)
        let resolvedActual = try resolvedFlags(JSONEncoder().encode(actual))
        #expect(resolvedActual == resolvedExpected, "resolved flags of \(name)", sourceLocation: sourceLocation)
    }

    private func resolvedFlags(_ data: Data) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sections = object["sections"] as? [[String: Any]] ?? []
        return sections.flatMap { s in
            (s["items"] as? [[String: Any]] ?? []).map { "\($0["number"] ?? "")=\($0["resolved"] ?? "")" }
        }
    }
}
