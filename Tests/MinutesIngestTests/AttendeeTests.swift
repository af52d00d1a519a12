@testable import MinutesIngest
import XCTest

/// Others in attendance, with the roles the minutes give them.
final class AttendeeTests: XCTestCase {
    func testSemicolonsSeparatePeopleWhoseRolesHoldCommas() {
        let list = AttendeeList.parse("Caroline Webb, Senior Adviser (Scrutiny and Member Development); Jo Hall, Head of Legal, Finance and HR.")
        XCTAssertEqual(list, [Attendee(name: "Caroline Webb", role: "Senior Adviser (Scrutiny and Member Development)"),
                              Attendee(name: "Jo Hall", role: "Head of Legal, Finance and HR")])
    }

    func testCommasAloneGiveRolesByTheirWords() {
        let list = AttendeeList.parse("A. Khan, Democratic Services Officer, P. Lee, Director of Finance, and Sam Kerr")
        XCTAssertEqual(list, [Attendee(name: "A. Khan", role: "Democratic Services Officer"),
                              Attendee(name: "P. Lee", role: "Director of Finance"),
                              Attendee(name: "Sam Kerr")])
    }

    func testDashesAndBracketsCarryRolesButMembershipNotesDoNot() {
        XCTAssertEqual(AttendeeList.parse("Mark Ellis – Head of Inclusion"), [Attendee(name: "Mark Ellis", role: "Head of Inclusion")])
        XCTAssertEqual(AttendeeList.parse("Jo Hall (Head of Legal Services)"), [Attendee(name: "Jo Hall", role: "Head of Legal Services")])
        XCTAssertEqual(AttendeeList.parse("Councillor Hart (substitute for Councillor Green)"), [Attendee(name: "Councillor Hart")])
    }

    func testCorpusMinutesNameTheirInvitedCouncillorsWithRoles() throws {
        let minutes = try XCTUnwrap(CorpusFiles.parse("improving-lives-2018-09-18-minutes.txt").sections.first { $0.kind == .minutes })
        XCTAssertEqual(minutes.attendance?.attendees, [
            Attendee(name: "Councillor Steele", role: "Chair of the Overview Scrutiny Management Board"),
            Attendee(name: "Councillor Watson", role: "Deputy Leader"),
        ])
    }

    func testALabelPrintedAloneTakesTheListBelowIt() {
        let attendance = AttendanceExtractor.extract(from: [
            "Present:", "Councillor Jane Smith (Chair); Councillors Ahmed and Patel",
            "Officers in attendance:", "Caroline Webb, Senior Adviser; Mark Ellis, Head of Inclusion",
        ])
        XCTAssertEqual(attendance?.chairFirstPresent, ["Smith", "Ahmed", "Patel"])
        XCTAssertEqual(attendance?.inAttendance, ["Webb", "Ellis"])
        XCTAssertEqual(attendance?.attendees.map(\.role), ["Senior Adviser", "Head of Inclusion"])
    }

    func testAttendeesEncodeOnlyWhenThere() throws {
        var attendance = Attendance(chair: "Smith", present: ["Jones"])
        let plain = Section(kind: .minutes, title: "Minutes", meetingDate: nil, firstLine: 1, lastLine: 2, attendance: attendance)
        XCTAssertFalse(String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("attendees"))
        attendance.attendees = [Attendee(name: "Jo Hall", role: "Clerk")]
        let section = Section(kind: .minutes, title: "Minutes", meetingDate: nil, firstLine: 1, lastLine: 2, attendance: attendance)
        let decoded = try JSONDecoder().decode(Section.self, from: JSONEncoder().encode(section))
        XCTAssertEqual(decoded.attendance?.attendees, [Attendee(name: "Jo Hall", role: "Clerk")])
    }
}
