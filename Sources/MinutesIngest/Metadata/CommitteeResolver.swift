import Foundation

/// Finds the body whose meeting a document records, from the ways councils head their papers:
/// "Minutes of the meeting of the X held on …", "Minutes of Proceedings at Meeting of X held …",
/// "X - Monday 7 July 2025 3.00 pm", "Agenda for X on …", "Meeting of X", "X held their meeting …",
/// or a heading line naming a committee, board or council. Distribution lines ("To: All Members
/// of …") never name it, and a letterhead that is only the council's name counts least: a
/// council's papers print its name above every committee's.
struct CommitteeResolver {
    /// One name found, with how much its rule is trusted and which rule found it.
    struct Candidate: Sendable {
        var name: String
        var line: Int
        var score: Int
        var rule: String
    }

    let lines: [SourceLine]

    /// Words that make a phrase the name of a body that meets.
    static let bodyWords = ["committee", "commission", "cabinet", "council", "board", "panel", "forum", "scrutiny", "executive",
                            "authority", "assembly", "group", "municipal district", "partnership", "governors", "cyngor", "pwyllgor"]
    private static let meetingAdjectives: Set<String> = ["ordinary", "special", "extraordinary", "annual", "monthly", "adjourned", "general",
                                                         "full", "public", "remote", "virtual", "joint", "statutory", "budget", "the", "a", "an",
                                                         "agm", "inaugural", "reconvened", "quarterly", "bi-monthly", "at"]
    private static let placeWords: Set<String> = ["chamber", "chambers", "room", "hall", "offices", "suite", "centre", "center", "building",
                                                  "headquarters", "house", "venue", "street", "road", "lane", "square"]
    /// Words that open a heading before the body's name.
    private static let leadingNoise: Set<String> = ["the", "draft", "minutes", "of", "download", "agenda", "notice", "meeting", "approved",
                                                    "unconfirmed", "confirmed", "signed", "amended"]
    private static let distributionOpeners = ["to:", "to ", "all members", "dear", "copy to", "cc:", "c.c.", "members of the", "for the attention",
                                              "distribution", "circulation", "you are", "notice is hereby"]

    /// The candidates among `range` (indices into `lines`), best first.
    func candidates(in range: Range<Int>) -> [Candidate] {
        var found: [Candidate] = []
        for i in range where lines[i].isContent && mayNameABody(lines[i].lower) {
            let text = headingText(at: i, limit: range.upperBound)
            let lower = TextScanning.asciiLowercased(text)
            if let name = afterMeetingOf(text, lower: lower, opener: "minutes of") {
                found.append(Candidate(name: name, line: i, score: 6, rule: "\"Minutes of … meeting of X held …\""))
            } else if let name = minutesOfNamed(text, lower: lower) {
                found.append(Candidate(name: name, line: i, score: 6, rule: "\"Minutes of X meeting held …\""))
            } else if let name = afterMeetingOf(text, lower: lower, opener: nil) {
                found.append(Candidate(name: name, line: i, score: 5, rule: "\"Meeting of X\""))
            } else if let name = summonsTo(text, lower: lower) {
                found.append(Candidate(name: name, line: i, score: 5, rule: "\"You are requested to attend a meeting of X\" (a summons)"))
            } else if let name = agendaFor(text, lower: lower) {
                found.append(Candidate(name: name, line: i, score: 5, rule: "\"Agenda for X on …\""))
            } else if let name = meetingDetailsName(at: i, limit: range.upperBound) {
                found.append(Candidate(name: name, line: i, score: 5, rule: "a \"Meeting Details\" block: the body, then the date"))
            } else if let name = beforeDate(lines[i]) {
                found.append(Candidate(name: name, line: i, score: 5, rule: "\"X - <date>\" heading"))
            } else if let name = welshMeetingOf(text, lower: lower) {
                found.append(Candidate(name: name, line: i, score: 4, rule: "\"cyfarfod Cyngor X\" (a meeting of X, in Welsh)"))
            } else if let name = heldTheirMeeting(text, lower: lower) {
                found.append(Candidate(name: name, line: i, score: 4, rule: "\"X held their meeting\""))
            } else if let name = minutesOfWithinLine(text, lower: lower) {
                found.append(Candidate(name: name, line: i, score: 5, rule: "\"… Minutes of the meeting of X held …\" inside a line (flattened text)"))
            } else if let name = bodyHeading(lines[i]) {
                let letterhead = Self.isCouncilLetterhead(name)
                found.append(Candidate(name: name, line: i, score: letterhead ? 1 : (TextScanning.isUppercaseText(name) ? 3 : 2),
                                       rule: letterhead ? "the council's name alone (a letterhead)" : "a heading naming a body"))
            }
        }
        return found.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }

    /// Words one of which every rule below needs on its line: one pass over the line's words,
    /// where the rules' string searches would cost a pass each.
    private static let ruleWords: [[UInt8]] = (bodyWords + ["meeting", "minutes", "agenda", "cyfarfod", "district"]).map { Array($0.utf8) }

    private func mayNameABody(_ lower: String) -> Bool {
        TextScanning.containsAny(of: Self.ruleWords, in: lower)
    }

    private static let namedBody = try! NSRegularExpression(pattern:
        #"\b[Tt]he ((?:[A-Z][\w'’&-]*\s+(?:and\s+|of\s+|&\s+|for\s+)?){0,5}(?:Council|Committee|Sub-Committee|Authority|Board|Panel|Cabinet|Commission|Executive|Forum|Assembly))\b"#)

    /// The body the text names ("the Fire Authority", "the Council"), when its header names
    /// none: the most often (see the tie below). Once is enough: a passage cut from a page
    /// may name its body once ("to ask a question relating to the functions of the Council"),
    /// and a name in the text is better than none.
    func mostNamed(in range: Range<Int>) -> Candidate? {
        var counts: [String: (count: Int, line: Int)] = [:]
        for i in range where lines[i].isContent {
            let text = lines[i].text
            let ns = text as NSString
            for match in Self.namedBody.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let name = TextScanning.collapseSpaces(ns.substring(with: match.range(at: 1)))
                // "the Chief Executive", "the Chief Fire Officer": an officer, not a body.
                if name.hasPrefix("Chief ") || name.contains(" Chief ") { continue }
                counts[name, default: (0, i)].count += 1
            }
        }
        // On a tie, a committee or council (the bodies that meet most) before an authority, a
        // forum or an executive, which minutes name as partners ("as members of the Fire and
        // Rescue Authority"), then the longer name.
        func rank(_ entry: (key: String, value: (count: Int, line: Int))) -> (Int, Int, Int) {
            let common = ["Committee", "Council", "Sub-Committee", "Cabinet", "Panel", "Board", "Commission"].contains { entry.key.hasSuffix($0) }
            return (entry.value.count, common ? 1 : 0, entry.key.count)
        }
        guard let best = counts.max(by: { rank($0) < rank($1) }) else { return nil }
        // "the Authority" most often, and once its full name, "the Fire and Rescue Authority": the
        // same body. (Not for "the Council": "the County Council" in a parish's minutes is another.)
        if !best.key.contains(" "), best.key != "Council",
           let full = counts.filter({ $0.key.hasSuffix(" " + best.key) }).max(by: { ($0.value.count, $0.key.count) < ($1.value.count, $1.key.count) }) {
            return Candidate(name: full.key, line: full.value.line, score: 0,
                             rule: "the body the text names most (\(best.value.count) times as \"the \(best.key)\"), by its full name")
        }
        return Candidate(name: best.key, line: best.value.line, score: 0, rule: "the body the text names most (\(best.value.count) times)")
    }

    private static let councilName = try! NSRegularExpression(pattern:
        #"\b((?:[A-Z][\w'’-]*\s+){1,4}(?:City and County|County|City|Borough|District|Metropolitan Borough)\s+Council)\b"#)

    /// A council's own name printed anywhere, the most often: for a text that names no body
    /// but its council's, in a footer or a letterhead run into the text ("Meath County Council,
    /// County Hall, Navan"); a meeting headed only "Ordinary Meeting" is the council's own.
    func councilNamed(in range: Range<Int>) -> Candidate? {
        var counts: [String: (count: Int, line: Int)] = [:]
        for i in range where !lines[i].text.isEmpty {
            let text = lines[i].text
            let ns = text as NSString
            for match in Self.councilName.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                var words = ns.substring(with: match.range(at: 1)).split(separator: " ").map(String.init)
                // "The Meath County Council", "To Sligo County Council": capitalised words
                // before the name that are not part of it.
                while let first = words.first, words.count > 3, ["The", "Of", "And", "Dear", "To", "From"].contains(first) { words.removeFirst() }
                counts[words.joined(separator: " "), default: (0, i)].count += 1
            }
        }
        guard let best = counts.max(by: { ($0.value.count, -$0.value.line) < ($1.value.count, -$1.value.line) }) else { return nil }
        return Candidate(name: best.key, line: best.value.line, score: 0, rule: "the council's name, printed \(best.value.count) times in the text")
    }

    /// A body named in a file's name ("2025-01-13 Cabinet minutes.pdf" → "Cabinet").
    static func committee(inFileName name: String) -> String? {
        var words = name.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0 == "." }).map(String.init)
        if !words.isEmpty { words.removeLast() } // the extension
        words = words.filter { w in
            !DateExtractor.isDateWord(w) && !["minutes", "agenda", "pack", "draft", "final", "signed", "public"].contains(w.lowercased())
        }
        let phrase = words.joined(separator: " ")
        let lower = phrase.lowercased()
        guard !words.isEmpty, words.count <= 8, bodyWords.contains(where: { lower.contains($0) }) else { return nil }
        return CommitteeName.titleCased(phrase.prefix(1).uppercased() + phrase.dropFirst())
    }

    // MARK: Rules

    /// A "Minutes of …" heading wraps over several lines in PDF text; join it until it says
    /// where or when the meeting was held.
    private func headingText(at i: Int, limit: Int) -> String {
        var text = lines[i].text
        guard lines[i].lower.hasPrefix("minutes of"), !lines[i].lower.contains(" held") else { return text }
        var j = i + 1
        var joined = 0
        while j < limit, joined < 3 {
            if lines[j].isContent {
                text += " " + lines[j].text
                joined += 1
                if lines[j].lower.contains(" held") { break }
            }
            j += 1
        }
        return text
    }

    /// CMIS and ModernGov "Meeting Details" / "Meeting Summary" blocks: the heading, the body's
    /// name alone on the next line, and the meeting's date and time on the one after
    /// ("Full Authority" / "30 May 2018 - 10:00 to 11:30"). The name is kept as printed.
    private func meetingDetailsName(at i: Int, limit: Int) -> String? {
        let name = i
        guard let heading = previousContent(before: name), ["meeting details", "meeting summary"].contains(lines[heading].lower),
              let dateLine = nextContent(after: name, limit: limit), DateExtractor.firstDate(in: lines[dateLine].text) != nil,
              DateExtractor.firstDate(in: lines[name].text) == nil, TextScanning.wordCount(lines[name].text) <= 12,
              isBodyName(lines[name].text) else { return nil }
        let text = lines[name].text.trimmingCharacters(in: .whitespaces)
        return TextScanning.isUppercaseText(text) ? CommitteeName.titleCased(text) : text
    }

    private func previousContent(before i: Int) -> Int? {
        var j = i - 1
        while j >= 0, !lines[j].isContent { j -= 1 }
        return j >= 0 ? j : nil
    }

    private func nextContent(after i: Int, limit: Int) -> Int? {
        var j = i + 1
        while j < min(limit, lines.count), !lines[j].isContent { j += 1 }
        return j < min(limit, lines.count) ? j : nil
    }

    /// "Minutes of the meeting of X held …" after other words on its line, as text flattened
    /// from a page runs its heading into the line before ("CYNGOR CYMUNED GORSLAS COMMUNITY
    /// COUNCIL Minutes of the meeting of the Gorslas Community Council held at …").
    private func minutesOfWithinLine(_ text: String, lower: String) -> String? {
        guard let r = lower.range(of: " minutes of "), lower[r.upperBound...].contains("meeting of ") else { return nil }
        let offset = lower.distance(from: lower.startIndex, to: r.lowerBound) + 1
        let rest = String(text.dropFirst(offset))
        return afterMeetingOf(rest, lower: TextScanning.asciiLowercased(rest), opener: "minutes of")
    }

    /// "Minutes of (proceedings at) (the) (monthly) meeting of (the) X held …", or with `opener`
    /// nil, "(Special) Meeting of X" at the start of a line.
    private func afterMeetingOf(_ text: String, lower: String, opener: String?) -> String? {
        let start: String.Index
        if let opener {
            guard lower.hasPrefix(opener), let r = lower.range(of: "meeting of ") else { return nil }
            // Only meeting adjectives between "minutes of" and "meeting of".
            let between = lower[lower.index(lower.startIndex, offsetBy: opener.count)..<r.lowerBound]
                .split(separator: " ").filter { !["proceedings", "at", "of", "held"].contains($0) }
            guard between.allSatisfy({ Self.meetingAdjectives.contains(String($0)) }) else { return nil }
            start = r.upperBound
        } else {
            let words = lower.split(separator: " ")
            guard let m = words.firstIndex(where: { $0 == "meeting" }), m + 1 < words.count, words[m + 1] == "of",
                  words[..<m].allSatisfy({ Self.meetingAdjectives.contains(String($0)) }),
                  let r = lower.range(of: "meeting of ") else { return nil }
            start = r.upperBound
        }
        return cleanName(String(text[start...]))
    }

    /// "You are requested to attend Meeting of Limerick City and County Council to be held in …",
    /// "You are hereby summoned to attend a meeting of the Parish Council …": the summons on an
    /// agenda's cover names the body that meets.
    private func summonsTo(_ text: String, lower: String) -> String? {
        guard let attend = lower.range(of: "to attend "), lower.hasPrefix("you are") || lower.contains(" you are ") else { return nil }
        let after = lower[attend.upperBound...]
        let words = after.split(separator: " ")
        guard let m = words.prefix(4).firstIndex(where: { $0 == "meeting" }), m + 1 < words.count, words[m + 1] == "of",
              words[..<m].allSatisfy({ Self.meetingAdjectives.contains(String($0)) }),
              let r = after.range(of: "meeting of ") else { return nil }
        let offset = lower.distance(from: lower.startIndex, to: r.upperBound)
        return cleanName(String(text.dropFirst(offset)))
    }

    /// "Minutes of Stoke Ferry Parish Council Meeting held in …" → "Stoke Ferry Parish Council".
    private func minutesOfNamed(_ text: String, lower: String) -> String? {
        guard lower.hasPrefix("minutes of "), let name = cleanName(String(text.dropFirst("minutes of ".count))),
              isBodyName(name) else { return nil }
        return name
    }

    /// "Agenda for Council on Wednesday, 27th January, 2021" (ModernGov's page heading), at the
    /// start of a line, or after the words a page's title puts first ("Browse meetings - Agenda
    /// for …", "{meta} Agenda for …") when a date follows its " on ".
    private func agendaFor(_ text: String, lower: String) -> String? {
        for opener in ["agenda for ", "agenda and minutes for ", "minutes for ", "decisions for "] {
            if lower.hasPrefix(opener) { return cleanName(String(text.dropFirst(opener.count))) }
            guard let r = lower.range(of: " " + opener) else { continue }
            let rest = lower[r.upperBound...]
            guard let on = rest.range(of: " on "), DateExtractor.firstDate(in: rest[on.upperBound...]) != nil else { continue }
            return cleanName(String(text.dropFirst(lower.distance(from: lower.startIndex, to: r.upperBound))))
        }
        return nil
    }

    /// "Cabinet - Monday 7 July 2025 3.00 pm", "IMPROVING LIVES SELECT COMMISSION Tuesday 30 July 2024".
    private func beforeDate(_ line: SourceLine) -> String? {
        guard line.text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }), let (_, before) = DateExtractor.dates(in: line.text).first else { return nil }
        var words = before.split(separator: " ")
        while let last = words.last, DateExtractor.isDateWord(last) || last == "-" || last == "–" || last == "," || last == "on" {
            words.removeLast()
        }
        let name = words.joined(separator: " ").trimmingCharacters(in: [",", "-", "–", " ", ":"])
        if !name.isEmpty, TextScanning.wordCount(name) <= 10, isBodyName(name), !isLabelled(name) { return cleanName(name) }
        // "Meeting: 07/03/2022 - Planning Committee (Item 73)": the body after the date.
        for dash in [" - ", " – "] {
            guard let r = line.text.range(of: dash), DateExtractor.firstDate(in: line.text[..<r.lowerBound]) != nil else { continue }
            let after = String(line.text[r.upperBound...])
            if TextScanning.wordCount(after) <= 12, isBodyName(after) { return cleanName(after) }
        }
        return nil
    }

    /// "Cynhaliwyd cyfarfod Cyngor Cymuned Manordeilo a Salem …": Welsh for "a meeting of the
    /// X was held"; the name runs over capitalised words and the joining "a", "ac", "y", "yr".
    private func welshMeetingOf(_ text: String, lower: String) -> String? {
        guard let r = lower.range(of: "cyfarfod ") else { return nil }
        var words = text[r.upperBound...].split(separator: " ")
        if let first = words.first, first == "o" || first == "y" || first == "yr" { words.removeFirst() }
        var name: [Substring] = []
        for word in words {
            let bare = Substring(word.trimmingAny(of: ",.;:"))
            let joining = ["a", "ac", "y", "yr", "and", "of"].contains(bare)
            guard let c = bare.unicodeScalars.first, TextScanning.isUpper(c) || (joining && !name.isEmpty) else { break }
            name.append(bare)
            if bare.count < word.count { break }
        }
        while let last = name.last, ["a", "ac", "y", "yr", "and", "of"].contains(last) { name.removeLast() }
        let joined = name.joined(separator: " ")
        let lowerName = joined.lowercased()
        guard name.count >= 2, ["cyngor", "pwyllgor", "bwrdd", "council", "committee"].contains(where: { lowerName.contains($0) }) else { return nil }
        return joined
    }

    /// "Manordeilo and Salem Community Council held their meeting remotely …".
    private func heldTheirMeeting(_ text: String, lower: String) -> String? {
        guard let r = lower.range(of: " held ") else { return nil }
        let after = lower[r.upperBound...]
        guard ["their", "its", "a ", "an ", "the "].contains(where: { after.hasPrefix($0) }), after.prefix(40).contains("meeting") else { return nil }
        let name = String(text[..<r.lowerBound])
        guard TextScanning.wordCount(name) <= 10, isBodyName(name) else { return nil }
        return cleanName(name)
    }

    /// A short heading line that names a body and is neither a distribution line nor a sentence.
    private func bodyHeading(_ line: SourceLine) -> String? {
        let lower = line.lower
        guard TextScanning.wordCount(line.text) <= 10, !TextScanning.endsLikeSentence(line.text),
              !Self.distributionOpeners.contains(where: { lower.hasPrefix($0) }),
              !lower.hasPrefix("the meeting"), !lower.contains("http"), !line.isBullet,
              NumberedHeading.parse(line) == nil, !isLabelled(line.text), isBodyName(line.text) else { return nil }
        let name = CommitteeName.stripTrailingDate(line.text)
        return cleanName(name)
    }

    /// Whether a phrase names a body: a capitalised phrase holding one of the body words as a
    /// word ("Councillor Page" holds "council" only as part of a word, and names a person).
    private func isBodyName(_ name: String) -> Bool {
        let lower = TextScanning.asciiLowercased(name)
        guard let first = TextScanning.firstLetter(name), TextScanning.isUpper(first) else { return false }
        let words = lower.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        if words.contains(where: { $0 == "councillor" || $0 == "councillors" || $0 == "cllr" }) { return false }
        // "Council Chamber", "Committee Room 2": where a body meets, not the body.
        if words.contains(where: { Self.placeWords.contains($0) }) { return false }
        return words.contains { w in Self.bodyWords.contains(w) || w.hasSuffix("-committee") } || lower.contains("municipal district")
    }

    /// "Venue: Committee Room 2", "Contact: Jo Hall, Committee Officer": a label and its value,
    /// not a heading.
    private func isLabelled(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let label = text[..<colon]
        return TextScanning.wordCount(label) <= 3 && !isBodyName(String(label))
    }

    /// "Limerick City and County Council", "Rotherham Metropolitan Borough Council": a council's
    /// own name, which heads the papers of all its committees.
    static func isCouncilLetterhead(_ name: String) -> Bool {
        let lower = TextScanning.asciiLowercased(name)
        guard lower.hasSuffix("council") else { return false }
        return ["city", "county", "borough", "district", "metropolitan", "unitary", "combined"].contains(where: { lower.contains($0) })
    }

    /// Cuts a name at where the heading goes on to say where or when ("… held on", ", at", a
    /// date), drops "Meeting"/"AGM" after it, and writes capitals in title case.
    private func cleanName(_ raw: String) -> String? {
        var name = Substring(raw)
        let lower = TextScanning.asciiLowercased(raw)
        var cut = lower.endIndex
        for stop in [" held", " on ", ",", " at ", " which ", " in the ", " - ", " – ", " via ", " that ", " (", " taking place", " to be "] {
            if let r = lower.range(of: stop), r.lowerBound < cut { cut = r.lowerBound }
        }
        let offset = lower.distance(from: lower.startIndex, to: cut)
        name = name.prefix(offset)
        // "Ordinary Meeting of Sligo County Council": the body is after "meeting of".
        if let r = name.range(of: " Meeting of ", options: .caseInsensitive) ?? name.range(of: "Meeting of ", options: [.caseInsensitive, .anchored]) {
            name = name[r.upperBound...]
        }
        var words = name.split(separator: " ").map { Substring($0.trimmingAny(of: "\"“”'")) }.filter { !$0.isEmpty }
        // "25/08/2021 Chawleigh Parish Council Meeting Agenda", "68. Minutes of the Combined
        // Authority", "Draft Minutes of Annual Parish Council": what stands before the name.
        while let first = words.first, words.count > 1,
              Self.leadingNoise.contains(first.lowercased()) || Self.meetingAdjectives.contains(first.lowercased())
                || DateExtractor.isDateWord(first) || DateExtractor.firstDate(in: first) != nil
                || first.allSatisfy({ $0.isNumber || $0 == "." }) || first == "-" || first == "–" {
            words.removeFirst()
        }
        while let last = words.last, ["meeting", "agm", "minutes", "agenda"].contains(last.lowercased()) || DateExtractor.isDateWord(last) {
            words.removeLast()
        }
        let result = words.joined(separator: " ").trimmingCharacters(in: [":", ".", " ", "-", "–"])
        guard !result.isEmpty, TextScanning.wordCount(result) <= 12, isBodyName(result) || TextScanning.wordCount(result) <= 4 else { return nil }
        return CommitteeName.titleCased(result)
    }
}
