import MinutesIngest
import XCTest

/// Facts checked by hand in the five shipped Rotherham documents (Corpus/).
final class CorpusFactsTests: XCTestCase {
    func testPlainMinutes2025() throws {
        let doc = try CorpusFiles.parse("improving-lives-2025-07-22-minutes.txt")
        XCTAssertEqual(doc.committee, "Improving Lives Select Commission")
        XCTAssertEqual(doc.sections.map(\.kind), [.minutes])
        let minutes = doc.sections[0]
        XCTAssertEqual(minutes.meetingDate, MeetingDate(year: 2025, month: 7, day: 22))
        XCTAssertEqual(minutes.items.map(\.number), (10...18).map(String.init))
        let item15 = try XCTUnwrap(minutes.items.first { $0.number == "15" })
        XCTAssertEqual(item15.title, "DRAFT ELECTIVE HOME EDUCATION POLICY")
        XCTAssertEqual(item15.firstLine, 149)
        XCTAssertEqual(item15.lastLine, 232)
        XCTAssertTrue(item15.resolved)
        // The numbered list inside the resolution ("1) Considered …") stays in the item.
        XCTAssertTrue(item15.resolutions[0].contains("1) Considered the contents of the report"))
        XCTAssertEqual(minutes.attendance?.chair, "Monk")
        XCTAssertEqual(minutes.attendance?.apologies, ["Adair", "Collingham", "Hickey"])
        XCTAssertEqual(doc.present.count, 15)
        XCTAssertFalse(minutes.items.first { $0.number == "11" }!.resolved)
    }

    func testMarkdownMinutes2024() throws {
        let doc = try CorpusFiles.parse("improving-lives-2024-07-30-minutes.txt")
        let minutes = try XCTUnwrap(doc.sections.first)
        XCTAssertEqual(minutes.kind, .minutes)
        XCTAssertEqual(minutes.meetingDate, MeetingDate(year: 2024, month: 7, day: 30))
        XCTAssertEqual(minutes.items.map(\.number), (14...22).map(String.init))
        XCTAssertEqual(minutes.items[0].title, "MINUTES OF THE PREVIOUS MEETING")
        XCTAssertEqual(minutes.items[0].resolutions.first?.hasPrefix("Resolved:- That the minutes"), true)
        XCTAssertEqual(minutes.attendance?.chair, "Pitchley")
        XCTAssertTrue(doc.present.contains("Harper") && doc.present.contains("Collingham"))
    }

    func testAgendaPack2020EmbedsSeptemberMinutes() throws {
        let doc = try CorpusFiles.parse("improving-lives-2020-10-27-agenda-pack.txt")
        XCTAssertEqual(doc.sections.map(\.kind), [.agenda, .minutes, .report, .appendix, .report, .appendix,
                                                  .workProgramme, .other, .other])
        let agenda = doc.sections[0]
        XCTAssertEqual(agenda.meetingDate, MeetingDate(year: 2020, month: 10, day: 27))
        XCTAssertEqual(agenda.items.count, 13)
        XCTAssertEqual(agenda.items[10].title, "Improving Lives Select Commission - Sub and Project Group Updates")
        let minutes = doc.sections[1]
        XCTAssertEqual(minutes.meetingDate, MeetingDate(year: 2020, month: 9, day: 22))
        XCTAssertEqual(minutes.firstLine, 97)
        XCTAssertEqual(minutes.items.map(\.number), (90...101).map(String.init))
        // Minute 99's heading wraps and is followed by a running header split over two lines.
        let item99 = try XCTUnwrap(minutes.items.first { $0.number == "99" })
        XCTAssertEqual(item99.title, "IMPROVING LIVES SELECT COMMISSION - SUB AND PROJECT GROUP UPDATES")
        let item93 = try XCTUnwrap(minutes.items.first { $0.number == "93" })
        XCTAssertFalse(item93.text.contains("IMPROVING LIVES SELECT"), "running header left in item text")
        XCTAssertEqual(minutes.attendance?.chair, "Cusworth")
        XCTAssertEqual(minutes.attendance?.apologies, ["Fenwick-Green", "Marriott"])
        XCTAssertTrue(doc.present.contains("Turner"))
        let resp = doc.sections[4]
        XCTAssertEqual(resp.title, "Rotherham Education Strategic Partnership (RESP) Update")
        XCTAssertEqual(resp.items.map(\.title), ["Background", "Key Issues", "Key Actions and Timelines", "Recommendations"])
        // The glossary after the last heading stays in the report but not in its last item.
        XCTAssertEqual(resp.items.last?.lastLine, 898)
        XCTAssertEqual(resp.lastLine, 908)
        XCTAssertEqual(doc.sections[6].title, "Work programme – Improving Lives Select Commission")
        for section in doc.sections where section.kind != .minutes {
            XCTAssertEqual(section.meetingDate, MeetingDate(year: 2020, month: 10, day: 27), section.title)
        }
    }

    func testAgendaPack2025EmbedsDecemberMinutes() throws {
        let doc = try CorpusFiles.parse("improving-lives-2025-01-28-agenda-pack.txt")
        XCTAssertEqual(doc.sections.map(\.kind), [.agenda, .minutes, .report, .appendix, .report, .workProgramme])
        XCTAssertEqual(doc.sections[1].meetingDate, MeetingDate(year: 2024, month: 12, day: 3))
        XCTAssertEqual(doc.sections[1].items.map(\.number), (41...49).map(String.init))
        XCTAssertEqual(doc.sections[1].attendance?.chair, "Knight")
        let send = doc.sections[2]
        XCTAssertEqual(send.title, "SEND Inspection Update")
        // The cover sheet's "1. That the committee acknowledges …" and the "1. Welcome and Care"
        // list inside item 2 are not headings; "11 Implications …" (no full stop) is.
        XCTAssertEqual(send.items.map(\.number), (1...13).map(String.init))
        XCTAssertEqual(send.items[0].firstLine, 357)
        XCTAssertEqual(send.items[10].title, "Implications for CO₂ Emissions and Climate Change")
        XCTAssertEqual(doc.sections[3].title, "Area SEND inspection of Rotherham Local Area Partnership")
        XCTAssertEqual(doc.sections[4].items.count, 14)
        XCTAssertEqual(doc.sections[5].title, "Improving Lives Select Commission –Summary Work Programme 2024/25")
        XCTAssertEqual(doc.sections[0].items.last?.lastLine, 56, "the next-meeting notice is not part of item 10")
    }

    func testPlainMinutes2018() throws {
        let doc = try CorpusFiles.parse("improving-lives-2018-09-18-minutes.txt")
        let minutes = try XCTUnwrap(doc.sections.first)
        XCTAssertEqual(minutes.meetingDate, MeetingDate(year: 2018, month: 9, day: 18))
        XCTAssertEqual(minutes.items.map(\.number), (19...28).map(String.init))
        XCTAssertEqual(minutes.attendance?.chair, "Brookes")
        XCTAssertEqual(minutes.attendance?.apologies, ["Cusworth"])
        XCTAssertEqual(minutes.attendance?.inAttendance, ["Steele", "Watson"])
        // The stray URL inside minute 22 neither splits it nor hides its resolution.
        let item22 = try XCTUnwrap(minutes.items.first { $0.number == "22" })
        XCTAssertEqual(item22.title, "MINUTES OF THE PREVIOUS MEETING HELD ON 17TH JULY, 2018")
        XCTAssertEqual(item22.lastLine, 57)
        XCTAssertTrue(item22.resolved)
        XCTAssertFalse(item22.text.contains("https://"))
        XCTAssertEqual(item22.references, ["13(3)"])
        XCTAssertEqual(minutes.items.first { $0.number == "24" }?.references, ["53"])
        XCTAssertEqual(minutes.items.first { $0.number == "24" }?.title, "SPECIAL EDUCATIONAL NEEDS AND DISABILITY (SEND) - UPDATE")
        let item23 = try XCTUnwrap(minutes.items.first { $0.number == "23" })
        XCTAssertTrue(item23.resolutions[0].contains("(4) That a report be submitted to the December meeting"))
    }
}
