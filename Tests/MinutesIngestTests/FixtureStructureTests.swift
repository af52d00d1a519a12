import Foundation
import MinutesIngest
import XCTest

/// Sample documents in other councils' styles, each with its expected structure as JSON beside it
/// (worked out by reading the sample, in the gold annotation's schema).
final class FixtureStructureTests: XCTestCase {
    func testPlanningCommitteeWithParagraphNumbers() throws { try check("planning-paragraph-numbered.txt") }
    func testCabinetWithMinuteReferences() throws { try check("cabinet-minute-references.txt") }
    func testAgendaPackEmbeddingEarlierMinutes() throws { try check("scrutiny-agenda-pack.txt") }
    func testMarkdownBoardMinutes() throws { try check("health-board-markdown.md") }
    func testModernGovHTMLPage() throws { try check("childrens-scrutiny-moderngov.html") }

    func testModernGovPageItemTextDropsLabelsAndKeepsTables() throws {
        let doc = try parseFixture("childrens-scrutiny-moderngov.html")
        let items = doc.sections.flatMap(\.items)
        XCTAssertEqual(items.first?.text, "Apologies were received from Councillor Greene.")
        let missing = try XCTUnwrap(items.first { $0.number == "5" })
        XCTAssertFalse(missing.text.contains("Minutes:"), missing.text)
        XCTAssertTrue(missing.text.contains("Q1 | 64 | 58"), missing.text)
        XCTAssertFalse(doc.sections.flatMap(\.items).contains { $0.text.contains("NOT AN ITEM") || $0.text.contains("COMMENTED") })
        let ehe = try XCTUnwrap(items.first { $0.number == "4" })
        XCTAssertTrue(ehe.text.contains("families & offered support"), ehe.text)
    }

    func testPackItemTextDropsFurnitureAndMendsHyphenation() throws {
        let doc = try parseFixture("scrutiny-agenda-pack.txt")
        let item = try XCTUnwrap(doc.sections.first { $0.kind == .minutes }?.items.first { $0.number == "56" })
        XCTAssertTrue(item.text.contains("the use of volunteers across the service."), item.text)
        XCTAssertFalse(item.text.contains("Page 4"))
        XCTAssertFalse(item.text.contains("SCRUTINY"))
        XCTAssertFalse(item.text.contains("COMMITTEE -"))
    }

    func testSectionWithoutItemsKeepsItsText() throws {
        let doc = try parseFixture("scrutiny-agenda-pack.txt")
        let appendix = try XCTUnwrap(doc.sections.last)
        XCTAssertEqual(appendix.kind, .appendix)
        XCTAssertTrue(appendix.text.contains("North Monday 4"), appendix.text)
    }

    // MARK: Helpers

    private func fixtureURL(_ name: String) throws -> URL {
        try FixtureFiles.url(name)
    }

    private func parseFixture(_ name: String) throws -> MinutesDocument {
        MinutesParser().parse(try DocumentReader.readText(at: fixtureURL(name)), fileName: name)
    }

    private func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let base = (name as NSString).deletingPathExtension
        let expectedData = try Data(contentsOf: fixtureURL(base + ".expected.json"))
        let expected = try JSONDecoder().decode(MinutesDocument.self, from: expectedData)
        let actual = try parseFixture(name)
        XCTAssertEqual(actual.file, expected.file, file: file, line: line)
        XCTAssertEqual(actual.committee, expected.committee, file: file, line: line)
        XCTAssertEqual(actual.sections.count, expected.sections.count, "sections of \(name)", file: file, line: line)
        for (a, e) in zip(actual.sections, expected.sections) {
            let at = "\(name) \(e.kind.rawValue) @\(e.firstLine)"
            XCTAssertEqual(a.kind, e.kind, at, file: file, line: line)
            XCTAssertEqual(a.title, e.title, at, file: file, line: line)
            XCTAssertEqual(a.meetingDate, e.meetingDate, at, file: file, line: line)
            XCTAssertEqual(a.firstLine, e.firstLine, at, file: file, line: line)
            XCTAssertEqual(a.lastLine, e.lastLine, at, file: file, line: line)
            XCTAssertEqual(a.attendance?.chair, e.attendance?.chair, at, file: file, line: line)
            XCTAssertEqual(a.attendance?.chairFirstPresent, e.attendance?.chairFirstPresent, at, file: file, line: line)
            XCTAssertEqual(a.attendance?.apologies, e.attendance?.apologies, at, file: file, line: line)
            XCTAssertEqual(a.attendance?.inAttendance, e.attendance?.inAttendance, at, file: file, line: line)
            XCTAssertEqual(a.attendance?.substitutes, e.attendance?.substitutes, at, file: file, line: line)
            if let attendees = e.attendance?.attendees, !attendees.isEmpty {
                XCTAssertEqual(a.attendance?.attendees, attendees, at, file: file, line: line)
            }
            XCTAssertEqual(a.items.map(\.number), e.items.map(\.number), at, file: file, line: line)
            for (ai, ei) in zip(a.items, e.items) {
                let item = "\(at) item \(ei.number)"
                XCTAssertEqual(ai.title, ei.title, item, file: file, line: line)
                XCTAssertEqual(ai.firstLine, ei.firstLine, item, file: file, line: line)
                XCTAssertEqual(ai.lastLine, ei.lastLine, item, file: file, line: line)
                XCTAssertEqual(ai.isProcedural, ei.isProcedural, item, file: file, line: line)
                if !ei.resolutions.isEmpty { XCTAssertEqual(ai.resolutions, ei.resolutions, item, file: file, line: line) }
                if !ei.references.isEmpty { XCTAssertEqual(ai.references, ei.references, item, file: file, line: line) }
            }
        }
        // "resolved" is derived from resolutions; compare it through the encoded JSON.
        let resolvedExpected = try resolvedFlags(expectedData)
        let resolvedActual = try resolvedFlags(JSONEncoder().encode(actual))
        XCTAssertEqual(resolvedActual, resolvedExpected, "resolved flags of \(name)", file: file, line: line)
    }

    private func resolvedFlags(_ data: Data) throws -> [String] {
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sections = object["sections"] as? [[String: Any]] ?? []
        return sections.flatMap { s in
            (s["items"] as? [[String: Any]] ?? []).map { "\($0["number"] ?? "")=\($0["resolved"] ?? "")" }
        }
    }
}
