import Foundation

/// Reads who attended from the paragraphs at the head of minutes, before the first item:
/// "Present:- Councillor Monk (in the Chair); Councillors Brent, … and Newman.",
/// "Apologies for absence were received from Councillor Cusworth.",
/// "Councillor Steele, Chair of the …, was in attendance …". Names are reduced to surnames
/// ("T. Collingham" → "Collingham", "Julie Turner" → "Turner").
enum AttendanceExtractor {
    /// `paragraphs`: the preamble's paragraphs, each with its wrapped lines joined.
    static func extract(from rawParagraphs: [String]) -> Attendance? {
        // A roll-call heading's text comes both alone and with its line: each paragraph once.
        var seen = Set<String>()
        let paragraphs = mergingLabels(rawParagraphs.flatMap(splittingBullets).filter { seen.insert($0).inserted })
        var attendees: [Attendee] = []
        var chair: String?
        var present: [String] = []
        var apologies: [String] = []
        var inAttendance: [String] = []
        var substitutes: [String] = []
        /// The apologies as printed, for a roll that names people by their initials.
        var apologyLists: [Substring] = []
        var found = false
        for paragraph in paragraphs {
            let lower = TextScanning.asciiLowercased(paragraph)
            if let label = chairLabels.first(where: { lower.hasPrefix($0) }) {
                // "PRESENT IN THE CHAIR: Councillor F. Foley, Mayor.", "Presiding: Councillor Ross".
                var ignored: String?
                let list = Substring(paragraph.dropFirst(label.count)).drop(while: { $0 == ":" || $0 == " " || $0 == "-" })
                let names = parseList(list, chair: &ignored, substitutes: &substitutes)
                // "Chair: M Delahunty, Meetings Administrator (initially) Cllr M.H. Cavanagh": an
                // officer may open the meeting; the councillor named is the chair.
                let councillor = list.range(of: "Cllr") ?? list.range(of: "Councillor")
                let named = councillor.flatMap { r in parseList(list[r.lowerBound...], chair: &ignored, substitutes: &substitutes).first }
                if let name = named ?? names.first { chair = name; found = true }
            } else if presentLabels.contains(where: { lower.hasPrefix($0) }) {
                found = true
                let names = parseList(firstSentence(of: afterLabel(paragraph)), chair: &chair, substitutes: &substitutes)
                present.append(contentsOf: names)
            } else if isAttendanceLabel(lower) {
                found = true
                let listed = AttendeeList.parse(afterLabel(paragraph))
                attendees += listed
                var ignored: String?
                _ = parseList(afterLabel(paragraph), chair: &ignored, substitutes: &substitutes)
                inAttendance += listed.compactMap { surname(of: $0.name) }
            } else if lower.hasPrefix("apolog") || lower.contains("apologies for absence were") || lower.contains("apologies were received")
                        || lower.contains(" receipt of apologies from ")
                        || lower.hasPrefix("ymddiheuriadau") {
                found = true
                var ignored: String?
                // A list after "from" or a colon; "Apologies and Attendees" alone is a heading.
                let list: Substring?
                if let r = paragraph.range(of: " from ") { list = paragraph[r.upperBound...] } else if paragraph.contains(":") { list = afterLabel(paragraph) } else { list = nil }
                if let list {
                    apologies.append(contentsOf: parseList(list, chair: &ignored, substitutes: &substitutes))
                    apologyLists.append(list)
                }
            } else if lower.contains(" in attendance"), lower.hasPrefix("councillor") || lower.hasPrefix("cllr") {
                // "Councillor Steele, Chair of the …, was in attendance at the invitation of the Chair."
                found = true
                var subject = Substring(paragraph)
                for stop in [" was ", " were "] {
                    if let r = subject.range(of: stop) { subject = subject[..<r.lowerBound] }
                }
                let parts = AttendeeList.split(String(subject).trimmingCharacters(in: [","]), on: ",")
                if let attendee = AttendeeList.attendee(name: parts[0], role: parts.dropFirst().joined(separator: ", ")) {
                    attendees.append(attendee)
                    if let name = surname(of: attendee.name) { inAttendance.append(name) }
                }
            }
        }
        if present.isEmpty, chair == nil, let roll = unlabelledRoll(in: paragraphs) {
            // "Cllrs M Cain, Mrs L Williams, J Evans and R Williams": the roll with no label.
            found = true
            present = parseList(Substring(roll), chair: &chair, substitutes: &substitutes)
        } else if present.isEmpty, chair == nil, let roll = InitialledRoll(paragraphs: paragraphs) {
            // "Mr C Worts [CW] Chair (FTG); Mr M Evans [MJE] Headmaster (SG)": a board's roll,
            // members sending apologies among them, named by their initials ("apologies from SF").
            found = true
            chair = roll.chair
            apologies = roll.readingInitials(in: apologyLists, besides: apologies)
            present = roll.members.filter { !apologies.contains($0) }
        }
        guard found else { return nil }
        var attendance = Attendance(chair: chair, present: present.filter { $0 != chair }, apologies: apologies, inAttendance: inAttendance)
        attendance.substitutes = substitutes
        attendance.attendees = attendees
        return attendance
    }

    /// A paragraph of flattened text whose lists were bullets ("Record of those Present •
    /// Members: Cllrs … • Others: … • Apologies for absence: …") as one paragraph a bullet, so
    /// that each label opens its own.
    private static func splittingBullets(_ paragraph: String) -> [String] {
        guard paragraph.contains(" • ") else { return [paragraph] }
        return paragraph.components(separatedBy: "•").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A paragraph that is the members' roll with no "Present" label, as parish minutes print
    /// it under their heading: a plural title, then a list of names ("Cllrs M Cain, Mrs L
    /// Williams, J Evans, R Williams and Mrs K Hughes (Clerk to Council)"), no sentence.
    private static func unlabelledRoll(in paragraphs: [String]) -> String? {
        for paragraph in paragraphs {
            let lower = TextScanning.asciiLowercased(paragraph)
            guard let title = ["cllrs ", "cllrs. ", "councillors "].first(where: { lower.hasPrefix($0) }) else { continue }
            let rest = String(paragraph.dropFirst(title.count))
            guard rest.contains(","), looksLikeNames(rest), !lower.contains(" were "), !lower.contains(" was ") else { continue }
            return paragraph
        }
        return nil
    }

    /// Labels of lists of others in attendance: "In attendance:", "Also present:", "Officers present:".
    private static func isAttendanceLabel(_ lower: String) -> Bool {
        ["in attendance", "also in attendance", "also present", "officers in attendance", "officers present",
         "officers:", "officers attending", "also attending", "officials", "officers :", "non-members also present",
         "minute taker", "clerk:", "staff present", "others present", "others:",
         "members of public", "members of the public", "public:", "visitors", "guests", "other attendees"].contains { lower.hasPrefix($0) }
    }

    /// Labels of the members present: "Present:", "MEMBERS PRESENT:", "Those Attending:",
    /// "Sederunt:", the Welsh "Presennol", and PDF text's letter-spaced "P r e s e n t:".
    private static let presentLabels = ["present", "members present", "other members present", "committee members", "panel members", "board members", "members:", "members :", "those attending", "those present",
                                        "attendance:", "sederunt", "councillors present", "p r e s e n t", "presennol", "attending:",
                                        "members in attendance", "board members present", "governors present", "attendees", "those in attendance:"]
    /// Labels naming who chaired.
    private static let chairLabels = ["present in the chair", "in the chair:", "in the chair :", "presiding:", "presiding member:", "presiding ",
                                      "cathaoirleach:", "chair:", "chairman:", "chairperson:", "convener:", "convenor:", "in the chair"]

    /// An item whose title is the roll call: its text lists who attended.
    static func isRollCallTitle(_ title: String) -> Bool {
        let lower = TextScanning.asciiLowercased(title)
        return ["attend", "present", "sederunt", "apologies", "attendance", "presennol", "roll call"].contains { lower.contains($0) }
            && TextScanning.wordCount(title) <= 8
    }

    /// A label printed alone ("Present:" as a heading, the names below it, as HTML pages do)
    /// is joined to the paragraph that follows it.
    ///
    /// A list that goes on over several paragraphs (PDF text with a blank line after every
    /// wrapped line, one name a line under "Members present") is joined to its label's paragraph
    /// while each paragraph reads as names.
    private static func mergingLabels(_ paragraphs: [String]) -> [String] {
        var result: [String] = []
        var pendingLabel: String?
        var listOpen = false
        for paragraph in paragraphs {
            let trimmed = paragraph.trimmingCharacters(in: .whitespaces)
            let lower = TextScanning.asciiLowercased(trimmed)
            let isLabel = startsWithLabel(lower)
            // "Vice-chair" / "Jim Gardiner": a member's office printed above the name, as
            // community councils list their office-bearers under "Present:".
            if Self.offices.contains(lower.trimmingAny(of: ":- ")) {
                if let label = pendingLabel { result.append(label) }
                pendingLabel = "Present:"
                listOpen = false
                continue
            }
            if let label = pendingLabel {
                pendingLabel = nil
                if !isLabel {
                    result.append(label + " " + paragraph)
                    // A chair is one person: what follows is not more of the chair.
                    listOpen = !chairLabels.contains { TextScanning.asciiLowercased(label).hasPrefix($0) }
                    continue
                }
                // "Present:" then "In the chair": a label under a label; the first names nobody.
                result.append(label)
            }
            if ((trimmed.hasSuffix(":") || trimmed.hasSuffix(":-")) && TextScanning.wordCount(trimmed) <= 4)
                || (isLabel && TextScanning.wordCount(trimmed) <= 3 && !trimmed.contains(":")) {
                pendingLabel = trimmed.hasSuffix(":") || trimmed.hasSuffix(":-") ? trimmed : trimmed + ":"
                listOpen = false
            } else if listOpen, !isLabel, let last = result.indices.last, looksLikeNames(trimmed) {
                let previous = result[last]
                let joint = previous.hasSuffix(",") || previous.hasSuffix(";") || previous.hasSuffix(":") || previous.hasSuffix(" and") ? " " : ", "
                result[last] = previous + joint + trimmed
            } else {
                result.append(paragraph)
                listOpen = isLabel && !lower.hasPrefix("apolog")
            }
        }
        if let label = pendingLabel { result.append(label) }
        return result
    }

    /// "P J Bateson J Campbell Mrs E A Forde": names printed with initials and no separators,
    /// as PDF text of a table leaves them. Each surname (a word of two letters or more that is
    /// no title) ends a name; applied only when most words are initials, so that "John Smith"
    /// stays one name.
    static func separatingInitialledNames(_ list: String) -> String {
        guard !list.contains(","), !list.contains(";"), !list.contains(" and ") else { return list }
        let words = list.split(separator: " ")
        let initials = words.filter { $0.count == 1 || ($0.count == 2 && $0.hasSuffix(".")) }.count
        guard words.count >= 5, initials * 5 >= words.count * 2 else { return list }
        var names: [String] = []
        var current: [Substring] = []
        for word in words {
            current.append(word)
            let bare = TextScanning.asciiLowercased(word).trimmingAny(of: ".")
            if word.count >= 2, !(word.count == 2 && word.hasSuffix(".")), !titles.contains(bare) {
                names.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty { names.append(current.joined(separator: " ")) }
        return names.joined(separator: ", ")
    }

    /// Offices printed as a line of their own above a member's name.
    private static let offices: Set<String> = ["vice-chair", "vice chair", "vice-chairman", "vice chairman", "secretary", "treasurer",
                                               "minute secretary", "vice-convener", "vice convener", "vice-chairperson"]

    static func startsWithLabel(_ lower: String) -> Bool {
        presentLabels.contains { lower.hasPrefix($0) } || chairLabels.contains { lower.hasPrefix($0) }
            || isAttendanceLabel(lower) || lower.hasPrefix("apolog")
    }

    /// A paragraph that goes on a list of names: "Egan, Galvin, Hartigan", "Councillor J. Ryan",
    /// "(E), Ryan (M)": capitalised words and separators, not a sentence.
    private static func looksLikeNames(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, TextScanning.isUpper(first) || first == "(" else { return false }
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= 60 else { return false }
        let connectives: Set<String> = ["and", "of", "for", "de", "van", "von", "le", "la", "da", "du", "ap", "ab", "(online)", "(remote)"]
        let lowerWords = words.filter { w in
            guard let c = w.unicodeScalars.first, TextScanning.isLower(c) else { return false }
            return !connectives.contains(String(w))
        }
        if lowerWords.count * 5 > words.count { return false }
        return text.contains(",") || words.count <= 6
    }

    /// The text after a label such as "Present:-" or "Apologies for absence:".
    private static func afterLabel(_ paragraph: String) -> Substring {
        guard let colon = paragraph.firstIndex(of: ":") else {
            // "Present" alone on its line, names below.
            return Substring(paragraph).drop(while: { !$0.isWhitespace })
        }
        return paragraph[paragraph.index(after: colon)...].drop(while: { $0 == "-" || $0 == " " || $0 == "–" })
    }

    /// The list up to its first sentence's end: flattened text runs on from the members present
    /// to the officers and the first minute ("… J. O'Brien and Treanor. Mr. D. Nelson, County
    /// Manager, … At the outset …"). A full stop after an initial or a title ("B. McKenna",
    /// "Cllr. Tom Ambrose") ends no sentence.
    static func firstSentence(of list: Substring) -> Substring {
        var searchStart = list.startIndex
        while let stop = list[searchStart...].range(of: ". ") {
            let before = list[..<stop.lowerBound]
            let word = before.split(separator: " ").last ?? ""
            let bare = TextScanning.asciiLowercased(word).trimmingAny(of: "()")
            let after = list[stop.upperBound...]
            if bare.count >= 3, !titles.contains(bare), !abbreviations.contains(bare), !bare.contains("."),
               let next = after.unicodeScalars.first, TextScanning.isUpper(next) {
                return before
            }
            searchStart = stop.upperBound
        }
        return list
    }

    /// Words a full stop abbreviates before a name: ranks and honorifics.
    private static let abbreviations: Set<String> = ["capt", "col", "maj", "gen", "sgt", "insp", "supt", "cdr", "hon", "esq",
                                                     "ald", "messrs", "rt", "revd", "prof", "cllrs"]

    /// Splits "Councillor Monk (in the Chair); Councillors Brent, T. Collingham and Newman." into
    /// surnames, noting the chair and substitutes on the way.
    static func parseList(_ text: Substring, chair: inout String?, substitutes: inout [String]) -> [String] {
        var names: [String] = []
        var body = String(text)
        if body.hasSuffix(".") { body.removeLast() }
        body = separatingInitialledNames(body)
        // Commas, semicolons and "and" separate names; a bracket annotates the name before it
        // ("(in the Chair)", "(Leader) (Chair)", "(substitute for …)") and also ends it, since
        // line breaks sometimes are the only separator after it.
        var parts: [(name: String, note: String)] = []
        var name = ""
        var note = ""
        var depth = 0
        func flush() {
            let trimmed = TextScanning.collapseSpaces(name)
            if !trimmed.isEmpty {
                parts.append((trimmed, note))
            } else if !note.isEmpty, !parts.isEmpty {
                parts[parts.count - 1].note += note
            }
            name = ""
            note = ""
        }
        for c in body {
            if depth > 0 || c == "(" {
                if c == "(" { depth += 1 }
                if c == ")" { depth -= 1 }
                note.append(c)
                continue
            }
            if c == "," || c == ";" { flush(); continue }
            if !note.isEmpty && c != " " { flush() }
            name.append(c)
        }
        flush()
        parts = parts.map(splittingRole)
        // "County Councillor M Storey" among a parish's members: a councillor of another tier,
        // attending. Only where such names are few; a county's own minutes print them all so.
        let visitors = parts.filter { isVisitingCouncillor($0.name) }.count
        let leaveVisitorsOut = visitors > 0 && visitors * 2 < parts.count
        for part in parts {
            if leaveVisitorsOut && isVisitingCouncillor(part.name) { continue }
            let pieces = TextScanning.splitOnAnd(part.name)
            for (n, piece) in pieces.enumerated() {
                guard let surname = surname(of: piece) else { continue }
                // The note belongs to the last name before it.
                let annotation = n == pieces.count - 1 ? TextScanning.asciiLowercased(part.note) : ""
                // "Mrs C Hardy (Clerk)": the council's officer, not a member.
                if isOfficerNote(annotation) { continue }
                if annotation.contains("chair") && !annotation.contains("vice") { chair = surname }
                if annotation.contains("substitut") { substitutes.append(surname) }
                names.append(surname)
            }
        }
        return names
    }

    /// "Cllr. R. Crisp - Chair", "Cllr David Llewellyn – Chairman": an office after a dash is
    /// the name's note, as a bracket would be.
    private static func splittingRole(_ part: (name: String, note: String)) -> (name: String, note: String) {
        for dash in [" - ", " – "] {
            guard let r = part.name.range(of: dash, options: .backwards) else { continue }
            let role = part.name[r.upperBound...]
            guard TextScanning.wordCount(role) <= 3, role.split(separator: " ").contains(where: { isRoleWord($0) || TextScanning.asciiLowercased($0).hasPrefix("vice") }) else { continue }
            return (String(part.name[..<r.lowerBound]), part.note + " (" + role + ")")
        }
        return part
    }

    private static func isOfficerNote(_ note: String) -> Bool {
        ["clerk", "minute taker", "minute-taker", "responsible financial officer", "rfo"].contains { note.contains($0) } && !note.contains("chair")
    }

    private static func isVisitingCouncillor(_ name: String) -> Bool {
        let lower = TextScanning.asciiLowercased(name)
        return ["county councillor", "district councillor", "borough councillor", "ward councillor", "city councillor", "county cllr", "district cllr"]
            .contains { lower.hasPrefix($0) }
    }

    private static let titles: Set<String> = ["councillor", "councillors", "cllr", "cllrs", "cllr.", "mr", "mrs", "ms", "miss",
                                              "dr", "mr.", "mrs.", "ms.", "dr.", "the", "mayor", "deputy", "alderman", "aldermen", "co-opted", "member", "members",
                                              "county", "borough", "district", "town", "parish", "city", "sec", "rev", "revd", "prof", "sir", "lady", "lord",
                                              "cathaoirleach", "chair", "chairman", "chairperson", "chairwoman", "vice", "vice-chair", "vice-chairman",
                                              "secretary", "treasurer", "convener", "convenor", "provost", "leader", "clerk", "an", "leas-chathaoirleach",
                                              "cynghorydd", "cynghorwyr", "y", "governor", "headteacher", "president", "vice-president"]
    /// Letters after names: honours and offices ("O.B.E.", "J.P.", "T.D.", "MP").
    private static let postNominals: Set<String> = ["jp", "mp", "td", "obe", "mbe", "cbe", "mep", "mla", "msp", "qc", "kc", "bem", "dl", "ma", "bsc", "phd"]

    /// Offices that follow a name: "Chairperson", "Leader", "Mayor".
    private static func isRoleWord<S: StringProtocol>(_ word: S) -> Bool {
        ["chairperson", "chairman", "chair", "leader", "mayor", "clerk", "secretary", "treasurer", "convener", "director",
         "officer", "manager"].contains(TextScanning.asciiLowercased(word).trimmingAny(of: ".,:;()"))
    }

    private static func isRoleOrLetters<S: StringProtocol>(_ word: S) -> Bool {
        let bare = TextScanning.asciiLowercased(word).trimmingAny(of: ".,:;()")
        if titles.contains(bare) || postNominals.contains(bare.replacingOccurrences(of: ".", with: "")) { return true }
        // "F.R.I.B.A.", "Dip.Arch.": dotted abbreviations.
        return bare.contains(".") && bare.count >= 3 && !bare.hasSuffix("'")
            && bare.split(separator: ".").allSatisfy { $0.count <= 4 }
    }

    /// The last capitalised word of a name, or nil when the text names nobody.
    static func surname<S: StringProtocol>(of text: S) -> String? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            .filter { !titles.contains(TextScanning.asciiLowercased($0).trimmingAny(of: ".,:;")) }
        // Roles and letters after a name ("Jimmy Mensdorf, Vice chair", "Cowen, O.B.E., J.P.") are not it.
        while let last = words.last, isRoleOrLetters(last) { words.removeLast() }
        guard let last = words.last else { return nil }
        // "6 Members of the Public", "two residents": a count of people, not a name.
        if words.contains(where: { $0.first?.isNumber == true }) || words.contains(where: { TextScanning.asciiLowercased($0) == "public" }) { return nil }
        let trimmed = Substring(last).trimmingAny(of: ".:;,")
        guard trimmed.count >= 2, let first = trimmed.unicodeScalars.first, TextScanning.isUpper(first) else { return nil }
        // "Metro Mayor S Rotheram Chairperson of the Combined Authority": a name then its office.
        if words.count > 4, let cut = words.firstIndex(where: { w in
            guard let c = w.unicodeScalars.first else { return false }
            return TextScanning.isLower(c) || isRoleWord(w)
        }), cut >= 2 {
            return surname(of: words[..<cut].joined(separator: " "))
        }
        // Sentences are not names: at most a few words ("Julie Turner", "T. Collingham").
        guard words.count <= 4 else { return nil }
        // "Clackmannanshire Council", "Central Scotland Police": the body a person came from,
        // printed after their name, is not a person.
        if organisationWords.contains(TextScanning.asciiLowercased(trimmed)) { return nil }
        return trimmed
    }

    /// Last words of the names of bodies, never of people.
    private static let organisationWords: Set<String> = ["council", "police", "authority", "committee", "services", "service",
                                                         "trust", "partnership", "association", "department", "society", "nhs",
                                                         "constabulary", "university", "federation", "ltd", "limited", "plc"]
}

extension StringProtocol {
    /// The text without any of `set`'s characters at either end.
    func trimmingAny(of set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
