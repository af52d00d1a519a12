/// The roll of a board that lists its members with their initials and no "Present" label, as
/// school governors' and some community councils' minutes do, three or so a line:
/// "Mr C Worts [CW] Chair (FTG); Mr M Evans [MJE] Headmaster (SG); Mrs J Lloyd [JL] Vice Chair
/// (FTG)". The minutes then name people by those initials ("apologies from SF, HC and AD"), so
/// the roll keeps them to read such lists back into surnames.
struct InitialledRoll {
    /// The members' surnames, in the roll's order.
    private(set) var members: [String] = []
    /// The member whose entry names them "Chair" (not "Vice Chair").
    private(set) var chair: String?
    /// Initials as printed ("CW") → surname.
    private(set) var surnames: [String: String] = [:]

    private static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "prof", "rev", "revd", "sir", "cllr", "councillor"]

    /// The first run of paragraphs that are such rolls (two entries or more, each an
    /// honorific, a name and its initials in brackets); nil when the paragraphs hold none.
    init?(paragraphs: [String]) {
        var inRun = false
        for paragraph in paragraphs {
            let entries = paragraph.split(separator: ";").map { $0.trimmingAny(of: " ") }.filter { !$0.isEmpty }
            let read = entries.compactMap(Self.entry)
            guard entries.count >= 2, read.count == entries.count else {
                if inRun { break }
                continue
            }
            inRun = true
            for (surname, initials, role) in read {
                members.append(surname)
                surnames[initials] = surname
                if role.contains("chair"), !role.contains("vice") { chair = surname }
            }
        }
        guard !members.isEmpty else { return nil }
    }

    /// The people `lists` name, initials read back into surnames ("SF, HC and AD" → Flanagan,
    /// Cutler, Davies), with the surnames printed whole among `parsed`. The lists are read again
    /// here because initials can be words of their own to a list's parser ("DR" is a doctor).
    func readingInitials(in lists: [Substring], besides parsed: [String]) -> [String] {
        var result: [String] = []
        for list in lists {
            for part in list.split(whereSeparator: { ",;.".contains($0) }) {
                for token in part.components(separatedBy: " and ") {
                    if let surname = surnames[token.trimmingAny(of: " ")], !result.contains(surname) { result.append(surname) }
                }
            }
        }
        for name in parsed where !isInitials(name) && !result.contains(name) { result.append(name) }
        return result
    }

    /// Whether a name as the minutes give it is someone's initials ("SF"), not a surname.
    private func isInitials(_ name: String) -> Bool {
        name.count <= 4 && name.allSatisfy { $0.isUppercase && $0.isLetter }
    }

    /// "Mr C Worts [CW] Chair (FTG)" → ("Worts", "CW", "chair (ftg)").
    private static func entry(_ text: String) -> (surname: String, initials: String, role: String)? {
        guard let open = text.firstIndex(where: { $0 == "[" || $0 == "(" }),
              let close = text[open...].firstIndex(where: { $0 == "]" || $0 == ")" }) else { return nil }
        let initials = String(text[text.index(after: open)..<close])
        let words = text[..<open].split(separator: " ")
        guard let first = words.first, honorifics.contains(TextScanning.asciiLowercased(first).trimmingAny(of: ".")), words.count >= 2,
              initials.count >= 2, initials.count <= 4, initials.allSatisfy({ $0.isUppercase && $0.isLetter }),
              let surname = AttendanceExtractor.surname(of: words.joined(separator: " ")) else { return nil }
        return (surname, initials, TextScanning.asciiLowercased(String(text[text.index(after: close)...])))
    }
}
