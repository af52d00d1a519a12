/// Reads the attendance table that ModernGov ("Attendance details") and CMIS pages print:
/// columns Attendee, Role and Attendance, as a row a line with tabs between the cells, or,
/// once a page is flattened, one cell a line. "Present" rows are members present, the row whose
/// role is "Chair"/"Chairman" the chair, "Apologies" rows apologies, and the rows under an
/// "Officers" heading (or marked "In attendance") those in attendance.
enum AttendanceTable {
    /// The attendance in `rawLines` (the source's lines as given), if they hold such a table.
    static func read(_ rawLines: [Substring]) -> Attendance? {
        guard let header = rawLines.indices.first(where: { isHeader(rawLines[$0]) || isHeaderStart(rawLines, at: $0) }) else { return nil }
        var attendance = Attendance(chair: nil, present: [])
        var officers = false
        var i = header
        var found = false
        while i < rawLines.count {
            let line = rawLines[i].trimmingAny(of: " ")
            if line.isEmpty { i += 1; continue }
            if TextScanning.asciiLowercased(line).hasPrefix("officer") { officers = true; i += 1; continue }
            if isHeader(rawLines[i]) { i += 1; continue }
            if isHeaderStart(rawLines, at: i) { i += 3; continue }
            // A row: tab-separated on one line, or three lines.
            var cells = rawLines[i].split(separator: "\t").map { $0.trimmingAny(of: " ") }.filter { !$0.isEmpty }
            var used = 1
            if cells.count < 3, i + 2 < rawLines.count {
                cells = [line, rawLines[i + 1].trimmingAny(of: " "), rawLines[i + 2].trimmingAny(of: " ")]
                used = 3
            }
            guard cells.count >= 3, let status = Status(cells[cells.count - 1]) else { break }
            found = true
            if let name = AttendanceExtractor.surname(of: cells[0]) {
                let role = TextScanning.asciiLowercased(cells[1])
                switch status {
                case .present where officers:
                    attendance.inAttendance.append(name)
                case .present:
                    if (role == "chair" || role == "chairman" || role == "chairperson" || role == "chair of the meeting"), attendance.chair == nil {
                        attendance.chair = name
                    } else {
                        attendance.present.append(name)
                    }
                    if role.contains("substitute") { attendance.substitutes.append(name) }
                case .apologies: attendance.apologies.append(name)
                case .inAttendance: attendance.inAttendance.append(name)
                case .absent: break
                }
            }
            i += used
        }
        return found ? attendance : nil
    }

    private enum Status {
        case present, apologies, inAttendance, absent
        init?(_ cell: String) {
            let lower = TextScanning.asciiLowercased(cell)
            if lower.hasPrefix("in attendance") { self = .inAttendance }
            else if lower.hasPrefix("present") || lower == "attended" { self = .present }
            else if lower.hasPrefix("apolog") { self = .apologies }
            else if lower.hasPrefix("absent") || lower.hasPrefix("expected") || lower.hasPrefix("not required") { self = .absent }
            else { return nil }
        }
    }

    /// "Attendee\tRole\tAttendance" on one line.
    private static func isHeader(_ line: Substring) -> Bool {
        let cells = line.split(separator: "\t").map { TextScanning.asciiLowercased($0.trimmingAny(of: " ")) }
        return cells.count >= 3 && cells[0] == "attendee" && cells.last == "attendance"
    }

    /// "Attendee", "Role", "Attendance" on three lines.
    private static func isHeaderStart(_ lines: [Substring], at i: Int) -> Bool {
        guard i + 2 < lines.count else { return false }
        return TextScanning.asciiLowercased(lines[i].trimmingAny(of: " ")) == "attendee"
            && TextScanning.asciiLowercased(lines[i + 1].trimmingAny(of: " ")) == "role"
            && TextScanning.asciiLowercased(lines[i + 2].trimmingAny(of: " ")) == "attendance"
    }
}
