/// A parse told line by line, for finding where a new council's format goes wrong: each line's
/// role (section opening, item heading, attendance, furniture, text) and the rule behind it,
/// then the date and committee candidates with their scores and reasons.
struct ParseExplanation {
    let text: String

    init(_ analysis: MinutesParser.Analysis) {
        let lines = analysis.lines
        var roles: [Int: String] = [:]
        for (n, span) in analysis.spans.enumerated() {
            let section = analysis.document.sections[n]
            roles[span.start] = "SECTION \(span.kind.rawValue) \"\(span.title)\" · meeting \(section.meetingDate?.iso ?? "undated")"
            if span.anchor != span.start { roles[span.anchor] = "section anchor (opened the \(span.kind.rawValue))" }
            for item in analysis.itemSpans[n] {
                roles[item.heading] = "ITEM \(item.number.isEmpty ? "(unnumbered)" : item.number) \"\(item.title)\""
                if item.headingEnd > item.heading {
                    for k in (item.heading + 1)...item.headingEnd where lines[k].isContent { roles[k] = "heading, continued" }
                }
            }
            if span.kind == .minutes, let attendance = section.attendance {
                let names = attendance.chairFirstPresent
                if !names.isEmpty {
                    roles[span.anchor] = (roles[span.anchor].map { $0 + "; " } ?? "") + "attendance: present \(names.joined(separator: ", "))"
                }
            }
        }
        for (n, candidate) in analysis.metadata.dateCandidates.enumerated() {
            let chosen = n == 0 && candidate.score > 0 ? " (chosen)" : ""
            let note = "date candidate\(chosen) \(candidate.date.iso) score \(candidate.score) (\(candidate.reasons.joined(separator: ", ")))"
            roles[candidate.line] = (roles[candidate.line].map { $0 + "; " } ?? "") + note
        }
        var out: [String] = []
        out.append("file: \(analysis.document.file)")
        let evidence = analysis.shape.evidence.isEmpty ? "" : " (\(analysis.shape.evidence.joined(separator: ", ")))"
        out.append("shape: \(analysis.shape.shape.rawValue)\(evidence)")
        out.append("committee: \(analysis.document.committee ?? "none") — from \(analysis.metadata.committeeSource)")
        for c in analysis.metadata.committeeCandidates.prefix(5) {
            out.append("  candidate \"\(c.name)\" score \(c.score), line \(lines[c.line].number): \(c.rule)")
        }
        out.append("meeting date: \(analysis.metadata.meetingDate?.iso ?? "none") — from \(analysis.metadata.meetingDateSource)")
        for c in analysis.metadata.dateCandidates.prefix(5) {
            out.append("  candidate \(c.date.iso) score \(c.score), line \(lines[c.line].number): \(c.reasons.joined(separator: ", "))")
        }
        out.append("")
        for (i, line) in lines.enumerated() {
            let role: String
            if let r = roles[i] {
                role = r
            } else if line.isFurniture {
                role = "furniture (page header, page number, link or label)"
            } else if line.text.isEmpty {
                continue
            } else {
                role = "text"
            }
            let excerpt = line.text.count > 70 ? String(line.text.prefix(70)) + "…" : line.text
            out.append("\(Self.pad(line.number)) \(excerpt)")
            if role != "text" { out.append("       ↳ \(role)") }
        }
        text = out.joined(separator: "\n")
    }

    private static func pad(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, 5 - s.count)) + s + " |"
    }
}
