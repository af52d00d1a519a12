import Foundation
import MinutesIngest
import Testing

/// Facts checked by hand in the five shipped Rotherham documents (Corpus/).
@Suite struct CorpusFactsTests {
    @Test func plainMinutes2025() throws {
        let doc = try CorpusFiles.parse("improving-lives-2025-07-22-minutes.txt")
        #expect(doc.committee == "Improving Lives Select Commission")
        #expect(doc.sections.map(\.kind) == [.minutes])
        let minutes = doc.sections[0]
        #expect(minutes.meetingDate == MeetingDate(year: 2025, month: 7, day: 22))
        #expect(minutes.items.map(\.number) == (10...18).map(String.init))
        let item15 = try #require(minutes.items.first { $0.number == "15" })
        #expect(item15.title == "DRAFT ELECTIVE HOME EDUCATION POLICY")
        #expect(item15.firstLine == 149)
        #expect(item15.lastLine == 232)
        #expect(item15.resolved)
        // The numbered list inside the resolution ("1) Considered …") stays in the item.
        #expect(item15.resolutions[0].contains("1) Considered the contents of the report"))
        #expect(minutes.attendance?.chair == "Monk")
        #expect(minutes.attendance?.apologies == ["Adair", "Collingham", "Hickey"])
        #expect(doc.present.count == 15)
        #expect(!(minutes.items.first { $0.number == "11" }!.resolved))
    }

    @Test func markdownMinutes2024() throws {
        let doc = try CorpusFiles.parse("improving-lives-2024-07-30-minutes.txt")
        let minutes = try #require(doc.sections.first)
        #expect(minutes.kind == .minutes)
        #expect(minutes.meetingDate == MeetingDate(year: 2024, month: 7, day: 30))
        #expect(minutes.items.map(\.number) == (14...22).map(String.init))
        #expect(minutes.items[0].title == "MINUTES OF THE PREVIOUS MEETING")
        #expect(minutes.items[0].resolutions.first?.hasPrefix("Resolved:- That the minutes") == true)
        #expect(minutes.attendance?.chair == "Pitchley")
        #expect(doc.present.contains("Harper") && doc.present.contains("Collingham"))
    }

    @Test func agendaPack2020EmbedsSeptemberMinutes() throws {
        let doc = try CorpusFiles.parse("improving-lives-2020-10-27-agenda-pack.txt")
        #expect(doc.sections.map(\.kind) == [.agenda, .minutes, .report, .appendix, .report, .appendix,
                                           .workProgramme, .other, .other])
        let agenda = doc.sections[0]
        #expect(agenda.meetingDate == MeetingDate(year: 2020, month: 10, day: 27))
        #expect(agenda.items.count == 13)
        #expect(agenda.items[10].title == "Improving Lives Select Commission - Sub and Project Group Updates")
        let minutes = doc.sections[1]
        #expect(minutes.meetingDate == MeetingDate(year: 2020, month: 9, day: 22))
        #expect(minutes.firstLine == 97)
        #expect(minutes.items.map(\.number) == (90...101).map(String.init))
        // Minute 99's heading wraps and is followed by a running header split over two lines.
        let item99 = try #require(minutes.items.first { $0.number == "99" })
        #expect(item99.title == "IMPROVING LIVES SELECT COMMISSION - SUB AND PROJECT GROUP UPDATES")
        let item93 = try #require(minutes.items.first { $0.number == "93" })
        #expect(!item93.text.contains("IMPROVING LIVES SELECT"), "running header left in item text")
        #expect(minutes.attendance?.chair == "Cusworth")
        #expect(minutes.attendance?.apologies == ["Fenwick-Green", "Marriott"])
        #expect(doc.present.contains("Turner"))
        let resp = doc.sections[4]
        #expect(resp.title == "Rotherham Education Strategic Partnership (RESP) Update")
        #expect(resp.items.map(\.title) == ["Background", "Key Issues", "Key Actions and Timelines", "Recommendations"])
        // The glossary after the last heading stays in the report but not in its last item.
        #expect(resp.items.last?.lastLine == 898)
        #expect(resp.lastLine == 908)
        #expect(doc.sections[6].title == "Work programme – Improving Lives Select Commission")
        for section in doc.sections where section.kind != .minutes {
            #expect(section.meetingDate == MeetingDate(year: 2020, month: 10, day: 27), "\(section.title)")
        }
    }

    @Test func agendaPack2025EmbedsDecemberMinutes() throws {
        let doc = try CorpusFiles.parse("improving-lives-2025-01-28-agenda-pack.txt")
        #expect(doc.sections.map(\.kind) == [.agenda, .minutes, .report, .appendix, .report, .workProgramme])
        #expect(doc.sections[1].meetingDate == MeetingDate(year: 2024, month: 12, day: 3))
        #expect(doc.sections[1].items.map(\.number) == (41...49).map(String.init))
        #expect(doc.sections[1].attendance?.chair == "Knight")
        let send = doc.sections[2]
        #expect(send.title == "SEND Inspection Update")
        // The cover sheet's "1. That the committee acknowledges …" and the "1. Welcome and Care"
        // list inside item 2 are not headings; "11 Implications …" (no full stop) is.
        #expect(send.items.map(\.number) == (1...13).map(String.init))
        #expect(send.items[0].firstLine == 357)
        #expect(send.items[10].title == "Implications for CO₂ Emissions and Climate Change")
        #expect(doc.sections[3].title == "Area SEND inspection of Rotherham Local Area Partnership")
        #expect(doc.sections[4].items.count == 14)
        #expect(doc.sections[5].title == "Improving Lives Select Commission –Summary Work Programme 2024/25")
        #expect(doc.sections[0].items.last?.lastLine == 56, "the next-meeting notice is not part of item 10")
    }

    @Test func plainMinutes2018() throws {
        let doc = try CorpusFiles.parse("improving-lives-2018-09-18-minutes.txt")
        let minutes = try #require(doc.sections.first)
        #expect(minutes.meetingDate == MeetingDate(year: 2018, month: 9, day: 18))
        #expect(minutes.items.map(\.number) == (19...28).map(String.init))
        #expect(minutes.attendance?.chair == "Brookes")
        #expect(minutes.attendance?.apologies == ["Cusworth"])
        #expect(minutes.attendance?.inAttendance == ["Steele", "Watson"])
        // The stray URL inside minute 22 neither splits it nor hides its resolution.
        let item22 = try #require(minutes.items.first { $0.number == "22" })
        #expect(item22.title == "MINUTES OF THE PREVIOUS MEETING HELD ON 17TH JULY, 2018")
        #expect(item22.lastLine == 57)
        #expect(item22.resolved)
        #expect(!item22.text.contains("https://"))
        #expect(item22.references == ["13(3)"])
        #expect(minutes.items.first { $0.number == "24" }?.references == ["53"])
        #expect(minutes.items.first { $0.number == "24" }?.title == "SPECIAL EDUCATIONAL NEEDS AND DISABILITY (SEND) - UPDATE")
        let item23 = try #require(minutes.items.first { $0.number == "23" })
        #expect(item23.resolutions[0].contains("(4) That a report be submitted to the December meeting"))
    }
}
