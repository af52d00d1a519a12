import Foundation
@testable import MinutesIngest
import Testing

/// The small parts of the parser, one concept each.
@Suite struct DateExtractorTests {
    @Test func formsCouncilsPrint() {
        let cases: [(String, MeetingDate?)] = [
            ("Tuesday 22 July 2025", MeetingDate(year: 2025, month: 7, day: 22)),
            ("18th September, 2018", MeetingDate(year: 2018, month: 9, day: 18)),
            ("Date and Time :- Tuesday, 27 October 2020 at 5.30 p.m.", MeetingDate(year: 2020, month: 10, day: 27)),
            ("Monday, 13th January 2025", MeetingDate(year: 2025, month: 1, day: 13)),
            ("30/07/2024", MeetingDate(year: 2024, month: 7, day: 30)),
            ("IMPROVING LIVES SELECT COMMISSION - 18/09/18", MeetingDate(year: 2018, month: 9, day: 18)),
            ("18-Jun-24", MeetingDate(year: 2024, month: 6, day: 18)),
            ("January 13, 2025", MeetingDate(year: 2025, month: 1, day: 13)),
            ("held on 18th June 2024", MeetingDate(year: 2024, month: 6, day: 18)),
            ("commencing at 5.30 p.m.", nil),
            ("Page 8 of 17", nil),
            ("31 February 2025", nil),
        ]
        for (text, expected) in cases {
            #expect(DateExtractor.firstDate(in: text) == expected, "\(text)")
        }
    }
}

@Suite struct LineCleanerTests {
    @Test func markupAndBulletsGo() {
        let lines = LineCleaner.lines(of: "## 14. MINUTES OF THE PREVIOUS MEETING\n**Resolved:-** held on 18<sup>th</sup> June\n\u{F0B7} The Rotherham Context\n- 1.1 In 2023\nsee [the website](#) now\n")
        #expect(lines.map(\.text) == ["14. MINUTES OF THE PREVIOUS MEETING", "Resolved:- held on 18th June",
                                    "The Rotherham Context", "1.1 In 2023", "see the website now"])
        #expect(lines.map(\.isBullet) == [false, false, true, true, false])
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
    }

    @Test func pageFurniture() {
        var lines = LineCleaner.lines(of: """
            text
             2 IMPROVING LIVES SELECT
            COMMISSION -
            IMPROVING LIVES SELECT COMMISSION - 18/09/18
            IMPROVING LIVES SELECT COMMISSION
            99. IMPROVING LIVES SELECT COMMISSION - SUB AND PROJECT
            Page 16 Agenda Item 8
            P
            age 24
            https://rotherham.public-i.tv/core/portal/home
            <https://rotherham.public-i.tv/core/portal/home>
            Page 8 of 17
            """)
        PageFurniture(committee: "IMPROVING LIVES SELECT COMMISSION").mark(&lines)
        #expect(lines.map(\.isFurniture) == [false, true, true, true, false, false, true, true, true, true, true, true])
    }

    @Test func hyphenationMendedOnlyWhereTheDocumentSaysSo() {
        // The joiner learns from the document it joins: these lines are the document.
        let lines = LineCleaner.lines(of: "education matters\nflexi-schooling works\nthe educa-\ntion team\n\nabout flexi-\nschooling\n")
        let joiner = TextJoiner(lines: lines)
        #expect(joiner.join(["the educa-", "tion team"]) == "the education team")
        #expect(joiner.join(["about flexi-", "schooling"]) == "about flexi-schooling")
        #expect(joiner.join(["Councillor Fenwick-", "Green"]) == "Councillor Fenwick-Green")
        #expect(joiner.join(["had to self-", "isolate"]) == "had to self-isolate")
        #expect(joiner.join(["Assistant Director -", "Early Help"]) == "Assistant Director - Early Help")
    }
}

@Suite struct AttendanceExtractorTests {
    @Test func presentApologiesAndInvitedMembers() throws {
        let attendance = try #require(AttendanceExtractor.extract(from: [
            "Present:- Councillor Monk (in the Chair); Councillors Brent, T. Collingham, N Harper and Julie Turner.",
            "Councillor Steele, Chair of the Overview Scrutiny Management Board, was in attendance at the invitation of the Chair.",
            "Apologies for absence were received from Councillor Cusworth.",
        ]))
        #expect(attendance.chair == "Monk")
        #expect(attendance.chairFirstPresent == ["Monk", "Brent", "Collingham", "Harper", "Turner"])
        #expect(attendance.inAttendance == ["Steele"])
        #expect(attendance.apologies == ["Cusworth"])
    }

    @Test func chairMarkedAfterTheName() throws {
        let attendance = try #require(AttendanceExtractor.extract(from: [
            "Present: Councillor Jane Smith (Chair), Councillors Jarvis (Vice-Chair) and Lee (substitute for Councillor Moss)",
        ]))
        #expect(attendance.chair == "Smith")
        #expect(attendance.chairFirstPresent == ["Smith", "Jarvis", "Lee"])
        #expect(attendance.substitutes == ["Lee"])
    }
}

@Suite struct ItemHeadingTests {
    @Test func headingForms() {
        func parse(_ s: String) -> NumberedHeading? { NumberedHeading.parse(LineCleaner.clean(Substring(s), number: 1)) }
        #expect(parse("90.   MINUTES OF THE PREVIOUS MEETING ")?.number == "90")
        #expect(parse("# 17. QUESTIONS")?.title == "QUESTIONS")
        #expect(parse("CAB 45/25 Budget Monitoring")?.number == "CAB 45/25")
        #expect(parse("11 Implications for CO₂")?.bare == true)
        #expect(parse("1.1 RESOLVED: that the report be noted") == nil)
        #expect(parse("1) Considered the report") == nil)
        #expect(parse("(a) that the position be noted") == nil)
        #expect(parse("11.30 a.m. on the day") == nil)
        #expect(parse("- 1. Bulleted entry") == nil)
    }

    @Test func resolutionBlocksWithLetteredParts() {
        let lines = LineCleaner.lines(of: "Members discussed it.\n\nRESOLVED:\n(a) that it be noted; and\n(b) that a report follow.\n\nThe Chair thanked officers.\n")
        let paragraphs = [[lines[0]], [lines[2], lines[3], lines[4]], [lines[6]]]
        let resolutions = ResolutionExtractor.resolutions(in: paragraphs, joiner: TextJoiner(lines: lines))
        #expect(resolutions == ["RESOLVED: (a) that it be noted; and (b) that a report follow."])
    }

    @Test func referencesToOtherMinutes() {
        #expect(ReferenceExtractor.references(in: "Further to Minute No. 53 of the Commission and Minute CAB 31/24, and Minute No.13(3)).") ==
                ["53", "CAB 31/24", "13(3)"])
    }
}
