import Foundation
import MinutesIngest
@testable import MinutesIndex

/// A fresh index folder per test, removed afterwards.
final class TemporaryIndex {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-index-\(UUID().uuidString)").path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Hand-built documents whose every value the tests know, independent of the parser.
enum SampleDocuments {
    static func minutes(committee: String = "Children and Young People Scrutiny Panel", date: String,
                        chair: String = "Okafor", present: [String] = ["Lund", "Marsh"],
                        items: [(number: String, title: String, text: String, resolutions: [String])]) -> MinutesDocument {
        var line = 10
        let built = items.map { entry -> Item in
            defer { line += 10 }
            return Item(number: entry.number, title: entry.title, firstLine: line, lastLine: line + 8,
                        text: entry.text, resolutions: entry.resolutions)
        }
        let section = Section(kind: .minutes, title: "Minutes", meetingDate: MeetingDate(iso: date)!,
                              firstLine: 1, lastLine: line, items: built,
                              attendance: Attendance(chair: chair, present: present, apologies: ["Hale"]))
        return MinutesDocument(file: "minutes-\(date).txt", committee: committee, sections: [section])
    }

    /// Three meetings over three years; "home education" comes up in 2019 and 2024, stated differently.
    static let meetings: [MinutesDocument] = [
        minutes(date: "2019-03-12", items: [
            ("31", "ELECTIVE HOME EDUCATION", "The panel heard that 120 children were educated at home.",
             ["That the report on elective home education be noted."]),
            ("32", "SCHOOL TRANSPORT", "Members asked about bus passes for pupils in rural areas.", []),
        ]),
        minutes(date: "2021-06-01", chair: "Lund", present: ["Okafor", "Pryce"], items: [
            ("5", "LIBRARY OPENING HOURS", "Libraries will open on Sundays from September.", []),
        ]),
        minutes(committee: "Cabinet", date: "2024-11-05", chair: "Pryce", present: ["Marsh"], items: [
            ("CAB 45/24", "HOME EDUCATION POLICY", "Cabinet approved the policy for families who home educate.",
             ["That the Elective Home Education Policy be approved."]),
            ("CAB 46/24", "BUDGET MONITORING", "The budget shows an overspend on school transport.", []),
        ]),
    ]
}
