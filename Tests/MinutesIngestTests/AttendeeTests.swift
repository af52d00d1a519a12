import Foundation
@testable import MinutesIngest
import Testing

/// Others in attendance, with the roles the minutes give them.
@Suite struct AttendeeTests {
    @Test func semicolonsSeparatePeopleWhoseRolesHoldCommas() {
        let list = AttendeeList.parse("Caroline Webb, Senior Adviser (Scrutiny and Member Development); Jo Hall, Head of Legal, Finance and HR.")
        #expect(list == [Attendee(name: "Caroline Webb", role: "Senior Adviser (Scrutiny and Member Development)"),
                         Attendee(name: "Jo Hall", role: "Head of Legal, Finance and HR")])
    }

    @Test func commasAloneGiveRolesByTheirWords() {
        let list = AttendeeList.parse("A. Khan, Democratic Services Officer, P. Lee, Director of Finance, and Sam Kerr")
        #expect(list == [Attendee(name: "A. Khan", role: "Democratic Services Officer"),
                         Attendee(name: "P. Lee", role: "Director of Finance"),
                         Attendee(name: "Sam Kerr")])
    }

    @Test func dashesAndBracketsCarryRolesButMembershipNotesDoNot() {
        #expect(AttendeeList.parse("Mark Ellis – Head of Inclusion") == [Attendee(name: "Mark Ellis", role: "Head of Inclusion")])
        #expect(AttendeeList.parse("Jo Hall (Head of Legal Services)") == [Attendee(name: "Jo Hall", role: "Head of Legal Services")])
        #expect(AttendeeList.parse("Councillor Hart (substitute for Councillor Green)") == [Attendee(name: "Councillor Hart")])
    }

    @Test func corpusMinutesNameTheirInvitedCouncillorsWithRoles() throws {
        let minutes = try #require(try CorpusFiles.parse("improving-lives-2018-09-18-minutes.txt").sections.first { $0.kind == .minutes })
        #expect(minutes.attendance?.attendees == [
            Attendee(name: "Councillor Steele", role: "Chair of the Overview Scrutiny Management Board"),
            Attendee(name: "Councillor Watson", role: "Deputy Leader"),
        ])
    }

    @Test func aLabelPrintedAloneTakesTheListBelowIt() {
        let attendance = AttendanceExtractor.extract(from: [
            "Present:", "Councillor Jane Smith (Chair); Councillors Ahmed and Patel",
            "Officers in attendance:", "Caroline Webb, Senior Adviser; Mark Ellis, Head of Inclusion",
        ])
        #expect(attendance?.chairFirstPresent == ["Smith", "Ahmed", "Patel"])
        #expect(attendance?.inAttendance == ["Webb", "Ellis"])
        #expect(attendance?.attendees.map(\.role) == ["Senior Adviser", "Head of Inclusion"])
    }

    @Test func attendeesEncodeOnlyWhenThere() throws {
        var attendance = Attendance(chair: "Smith", present: ["Jones"])
        let plain = Section(kind: .minutes, title: "Minutes", meetingDate: nil, firstLine: 1, lastLine: 2, attendance: attendance)
        #expect(!String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("attendees"))
        attendance.attendees = [Attendee(name: "Jo Hall", role: "Clerk")]
        let section = Section(kind: .minutes, title: "Minutes", meetingDate: nil, firstLine: 1, lastLine: 2, attendance: attendance)
        let decoded = try JSONDecoder().decode(Section.self, from: JSONEncoder().encode(section))
        #expect(decoded.attendance?.attendees == [Attendee(name: "Jo Hall", role: "Clerk")])
    }
}
