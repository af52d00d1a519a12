/// Reads a list of people in attendance with their roles, as minutes print it:
/// "Caroline Webb, Senior Adviser (Scrutiny and Member Development); Jo Hall, Head of Legal",
/// "Mark Ellis – Head of Inclusion", "Jo Hall (Head of Legal Services)", or names and roles
/// all separated by commas ("A. Khan, Democratic Services Officer, P. Lee, Director of Finance").
enum AttendeeList {
    /// Words that make a comma-separated part a role rather than a name.
    private static let roleWords: Set<String> = [
        "officer", "officers", "director", "manager", "head", "adviser", "advisor", "clerk", "lead", "chief", "executive",
        "member", "coordinator", "co-ordinator", "solicitor", "assistant", "principal", "senior", "service", "services",
        "team", "chair", "chairman", "leader", "cabinet", "mayor", "consultant", "analyst", "specialist", "governance",
        "democratic", "scrutiny", "partner", "representative", "inspector", "commissioner", "superintendent",
        "sergeant", "headteacher", "governor", "secretary", "treasurer", "accountant", "engineer", "planner",
        "worker", "practitioner", "nurse", "deputy", "interim", "strategic", "acting", "portfolio", "auditor",
        "monitoring", "legal", "finance", "from", "of", "for",
    ]
    /// Brackets that say something about membership, not a role.
    private static let notRoles = ["chair", "substitut", "vice", "observer", "remote", "virtual", "online", "part"]

    /// The attendees in `text` (the list, its label already removed).
    static func parse<S: StringProtocol>(_ text: S) -> [Attendee] {
        var body = TextScanning.collapseSpaces(text)
        if body.hasSuffix(".") { body.removeLast() }
        // Semicolons separate people when roles hold commas: "Name, Role; Name, Role".
        let entries = split(body, on: ";")
        guard entries.count > 1 else { return commaSeparated(body) }
        var result: [Attendee] = []
        for entry in entries {
            let parts = split(entry, on: ",")
            if parts.count > 1, looksLikeRole(parts[1]) {
                if let a = attendee(name: parts[0], role: parts.dropFirst().joined(separator: ", ")) { result.append(a) }
            } else {
                result += commaSeparated(entry)
            }
        }
        return result
    }

    /// A list with commas only: each part is a name, or the role of the name before it.
    private static func commaSeparated(_ body: String) -> [Attendee] {
        var result: [Attendee] = []
        for rawPart in split(body, on: ",") {
            // "…, and Sam Kerr": the list's last comma comes with its "and".
            let part = rawPart.hasPrefix("and ") ? String(rawPart.dropFirst(4)) : rawPart
            if looksLikeRole(part), let last = result.indices.last {
                result[last].role = result[last].role.map { $0 + ", " + part } ?? part
            } else {
                for name in TextScanning.splitOnAnd(part) {
                    if let a = attendee(name: name, role: "") { result.append(a) }
                }
            }
        }
        return result
    }

    /// One attendee from a name part and the role printed after its comma (maybe empty): a dash
    /// ("Mark Ellis – Head of Inclusion") or a bracket ("Jo Hall (Head of Legal)") may carry the
    /// role instead.
    static func attendee(name rawName: String, role rawRole: String) -> Attendee? {
        var name = TextScanning.collapseSpaces(rawName)
        var role = TextScanning.collapseSpaces(rawRole)
        for dash in [" – ", " — ", " - "] {
            if let r = name.range(of: dash) {
                let after = String(name[r.upperBound...])
                role = role.isEmpty ? after : after + ", " + role
                name = String(name[..<r.lowerBound])
                break
            }
        }
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            let note = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            let lower = note.lowercased()
            if !notRoles.contains(where: { lower.hasPrefix($0) }) {
                role = role.isEmpty ? note : note + ", " + role
            }
            name = TextScanning.collapseSpaces(name[..<open])
        }
        guard AttendanceExtractor.surname(of: name) != nil else { return nil }
        return Attendee(name: name, role: role.isEmpty ? nil : role)
    }

    private static func looksLikeRole(_ part: String) -> Bool {
        guard let first = part.unicodeScalars.first else { return false }
        if TextScanning.isLower(first) { return true }
        let words = part.split(separator: " ")
        if words.count > 4 { return true }
        return words.contains { roleWords.contains(TextScanning.asciiLowercased($0)) }
    }

    /// Splits on `separator` outside brackets, trimming each part and dropping empty ones.
    static func split(_ text: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if c == "(" { depth += 1 }
            if c == ")" { depth = max(0, depth - 1) }
            if c == separator, depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        let trimmed = parts.map { TextScanning.collapseSpaces($0) }.filter { !$0.isEmpty }
        return trimmed.isEmpty ? [""] : trimmed
    }
}
