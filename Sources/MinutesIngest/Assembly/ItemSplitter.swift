/// Where an item lies in the lines of a section.
struct ItemSpan: Sendable {
    var number: String
    var title: String
    /// Index (into the document's lines) of the heading line.
    var heading: Int
    /// Index of the last line of the heading (headings wrap).
    var headingEnd: Int
    /// Index of the item's last content line.
    var end: Int
}

/// Finds a section's items among its numbered lines.
///
/// Every line that parses as a `NumberedHeading` is a candidate, weighted by how much it looks
/// like a heading (blank lines around it, capitals in minutes, a "N.1" paragraph after it in
/// reports; a sentence ending or a run of numbered lines counts against). The items are then the
/// heaviest chain of candidates whose numbers follow the section's rule: minute numbers rise
/// (with small gaps) through the municipal year; agenda and report numbers go 1, 2, 3. A numbered
/// list inside an item ("1. Welcome and Care") cannot join that chain without breaking it, so it
/// is left as text. The chain is found in one pass, keeping for each number the best chain that
/// ends there, so the cost is linear in the candidates.
struct ItemSplitter {
    let lines: [SourceLine]

    private struct Candidate {
        var heading: NumberedHeading
        var index: Int
        var headingEnd: Int
        var title: String
        var weight: Double
    }

    /// Items of the section spanning `range` (indices into `lines`, inclusive).
    func items(in range: ClosedRange<Int>, kind: SectionKind) -> [ItemSpan] {
        guard kind == .minutes || kind == .agenda || kind == .report else { return [] }
        // Every numbered line is weighed once; the chains below choose among them.
        let all = candidates(in: range, kind: kind)
        let numbered = kind == .report ? all : all.filter { !$0.heading.bare }
        var chain = bestChain(numbered, kind: kind)
        if kind != .report {
            // Numbers without a full stop ("1 Apologies", as CMIS prints them) head items where
            // nothing better does, or where the heading is in capitals ("2 SPECIAL ISSUES"
            // between "1. MINUTES" and "3.MINUTES"): in Rotherham's papers they are a report's
            // paragraphs.
            let capitals = chain.count >= 2
            let withBare = bestChain(all.filter { !$0.heading.bare || !capitals || isCapitalHeading($0.heading.title) }, kind: kind)
            if withBare.count > chain.count { chain = withBare }
        }
        if kind != .report {
            let pageItems = itemPageHeadings(in: range)
            if !pageItems.isEmpty, !pageItems.allSatisfy({ p in chain.contains { $0.heading.number == p.heading.number } }) { chain = pageItems }
        }
        // One numbered line is no numbering: in a ModernGov table that lost its number column
        // it is a point of a decision ("5. Note that Adult Social Care …") under titles that
        // run into their "Decision:" and "Minutes:" labels.
        if chain.count <= 1 && kind != .report {
            let unnumbered = unnumberedHeadings(in: range)
            if unnumbered.count > chain.count { chain = unnumbered }
        }
        if kind == .minutes {
            // "Vote of Sympathy", "Prayers" between who attended and item 1: minutes of their own.
            let before = chain.first.map { $0.index - 1 } ?? range.upperBound
            if before >= range.lowerBound { chain = openingHeadings(in: range.lowerBound...before) + chain }
        }
        if kind != .report, chain.count >= 3 { chain = restartedChains(around: chain, among: numbered, in: range, kind: kind) }
        var spans: [ItemSpan] = []
        for (n, c) in chain.enumerated() {
            let limit = n + 1 < chain.count ? chain[n + 1].index - 1 : range.upperBound
            var end = lastContent(from: c.headingEnd, through: limit)
            if n + 1 == chain.count { end = trimTrailer(from: c.headingEnd, end: end, kind: kind) }
            let item = ItemSpan(number: c.heading.number, title: c.title, heading: c.index, headingEnd: c.headingEnd, end: end)
            spans += kind == .report || item.number.isEmpty ? [item] : SubItems(lines: lines).split(item)
        }
        return spans
    }

    private func isCapitalHeading(_ title: String) -> Bool {
        TextScanning.isUppercaseText(title) && TextScanning.wordCount(title) >= 2
    }

    private func candidates(in range: ClosedRange<Int>, kind: SectionKind) -> [Candidate] {
        var candidates: [Candidate] = []
        for i in range {
            guard lines[i].isContent, let heading = NumberedHeading.parse(lines[i]) else { continue }
            // A bare number before a sentence is a numbered list, not a heading; a long title
            // with a blank line under it is a heading still ("4 Committee Briefing on Changes to
            // the Planning System Use Classes and on the Planning White Paper").
            if heading.bare && kind != .report {
                let words = TextScanning.wordCount(heading.title)
                let standsAlone = i + 1 <= range.upperBound && lines[i + 1].isBlank && words <= 20
                if TextScanning.endsLikeSentence(heading.title) || (words > 12 && !standsAlone) { continue }
            }
            if heading.number.contains("/") && kind != .minutes { continue }
            guard let (title, headingEnd) = joinedTitle(heading, at: i, limit: range.upperBound) else { continue }
            let w = weight(heading, title: title, at: i, headingEnd: headingEnd, range: range, kind: kind)
            if w > 0 { candidates.append(Candidate(heading: heading, index: i, headingEnd: headingEnd, title: title, weight: w)) }
        }
        return candidates
    }

    /// Numbering that starts again within one section: a second meeting's minutes on the same
    /// page, a post that restarts at 1 after an embedded table. The best chain is taken first;
    /// a run of at least three headings before it or after its last heading is taken too.
    private func restartedChains(around chain: [Candidate], among numbered: [Candidate], in range: ClosedRange<Int>,
                                 kind: SectionKind) -> [Candidate] {
        guard let first = chain.first, let last = chain.last else { return chain }
        func run(in sub: ClosedRange<Int>) -> [Candidate] {
            guard sub.count > 2 else { return [] }
            let found = bestChain(numbered.filter { sub.contains($0.index) }, kind: kind)
            return found.count >= 3 ? found : []
        }
        let before = first.index > range.lowerBound ? run(in: range.lowerBound...(first.index - 1)) : []
        let after = last.headingEnd < range.upperBound ? run(in: (last.headingEnd + 1)...range.upperBound) : []
        return before + chain + after
    }

    /// Items without numbers, as ModernGov tables print them once their number column is lost:
    /// a title running into its "Minutes:" or "Decision:" on one line ("Apologies for Absence
    /// Minutes: Apologies were received …"), or a short title line with the "Minutes:" label
    /// within the next lines. Only where no numbered heading heads an item.
    private func unnumberedHeadings(in range: ClosedRange<Int>) -> [Candidate] {
        var found: [Candidate] = []
        for i in range where lines[i].isContent && !lines[i].isBullet {
            let text = lines[i].text
            var title: String?
            for label in [" Minutes: ", " Decision: ", " Minutes:- ", " Decisions: "] {
                if let r = text.range(of: label), TextScanning.wordCount(text[..<r.lowerBound]) >= 1 {
                    title = String(text[..<r.lowerBound])
                    break
                }
            }
            if NumberedHeading.parse(lines[i]) != nil || text.hasPrefix("No. ") { continue }
            // A label's line ("Decision: It was resolved to: …") is the item's text.
            let lower = lines[i].lower
            if ["decision:", "decisions:", "minutes:", "additional documents", "supporting documents"].contains(where: { lower.hasPrefix($0) }) { continue }
            // "Declarations of Interest To receive any declarations …": a listing's row, the
            // title run into the item's description, the minutes below.
            if let cut = Self.descriptionStart(in: text), TextScanning.wordCount(text[..<cut]) <= 15,
               title.map({ $0.count > text.distance(from: text.startIndex, to: cut) }) ?? labelFollows(i, limit: range.upperBound, orOpensALine: true) {
                title = String(text[..<cut])
            }
            if title == nil, i == range.lowerBound || !lines[i - 1].isContent, let capitals = Self.capitalRunIn(text) {
                title = capitals
            }
            if title == nil, TextScanning.wordCount(text) >= 2, TextScanning.wordCount(text) <= 15, !TextScanning.endsLikeSentence(text),
               let first = TextScanning.firstLetter(text), TextScanning.isUpper(first), labelFollows(i, limit: range.upperBound) {
                title = text
            }
            guard var heading = title else { continue }
            heading = TextScanning.removePageReferences(RunInHeading.title(of: heading.trimmingAny(of: " |")))
            // A title runs into its description: keep the heading-like start.
            let words = heading.split(separator: " ")
            if words.count > 12 { heading = words.prefix(12).joined(separator: " ") }
            guard !heading.isEmpty else { continue }
            found.append(Candidate(heading: NumberedHeading(number: "", key: found.count, title: heading, bare: false),
                                   index: i, headingEnd: i, title: heading, weight: 1))
        }
        return found.count >= 2 ? found : []
    }

    /// The item of a ModernGov page about one item: an "Agenda item" page (mgAi) titles it on
    /// the line below that label; an "Issue - meetings" page heads each meeting's minute with
    /// "Meeting: 09/11/2009 - Constitution Committee (Item 25)" and the item's title below. What
    /// is numbered inside such an item ("1. Subject to the amendment …") is its text.
    private func itemPageHeadings(in range: ClosedRange<Int>) -> [Candidate] {
        var found: [Candidate] = []
        var content = 0
        // The title may open the section ("MINUTES OF THE PLANNING COMMITTEE MEETING HELD ON: …"),
        // its label just above it.
        var labelStart = range.lowerBound
        var above = 0
        while labelStart > 0, above < 2 {
            labelStart -= 1
            if lines[labelStart].isContent { above += 1 }
        }
        for i in labelStart...range.upperBound where lines[i].isContent {
            content += 1
            let lower = lines[i].lower
            let number: String
            if lower == "agenda item", content <= 3 {
                number = ""
            } else if lower.hasPrefix("meeting: "), lower.hasSuffix(")"), let open = lower.range(of: "(item ", options: .backwards) {
                number = String(lines[i].text[open.upperBound...].dropLast())
                guard !number.isEmpty, number.count <= 6, !number.contains(" ") else { continue }
            } else {
                continue
            }
            guard let next = (i + 1...range.upperBound).first(where: { lines[$0].isContent }), range.contains(next) else { continue }
            // "73 Minutes …" below the label: the numbered heading heads it already.
            if let heading = NumberedHeading.parse(lines[next]), heading.number == number { continue }
            let text = lines[next].text
            guard TextScanning.wordCount(text) <= 40, let first = TextScanning.firstLetter(text), TextScanning.isUpper(first) else { continue }
            let title = TextScanning.removePageReferences(text).trimmingAny(of: ". ")
            found.append(Candidate(heading: NumberedHeading(number: number, key: Int(number) ?? found.count, title: title, bare: false),
                                   index: next, headingEnd: next, title: title, weight: 1))
        }
        return found
    }

    /// Unnumbered headings after the roll call and before the first numbered minute, as Irish
    /// and Northern Irish councils print "Vote of Sympathy", "Commencement of the Meeting",
    /// "Prayers", "Urgent Business" or "SUSPEND STANDING ORDERS": a short title line (no
    /// sentence, no list of names, no label) with a paragraph of prose under it. Only after an
    /// attendance label, so that a heading above the roll call is never taken.
    private func openingHeadings(in region: ClosedRange<Int>) -> [Candidate] {
        guard let roll = region.first(where: { lines[$0].isContent && AttendanceExtractor.startsWithLabel(lines[$0].lower) }) else { return [] }
        // Up to the first numbered line, whether or not it heads an item.
        let end = region.first(where: { $0 > roll && lines[$0].isContent && NumberedHeading.parse(lines[$0]).map { !$0.bare } == true })
            .map { $0 - 1 } ?? region.upperBound
        guard end > roll else { return [] }
        var found: [Candidate] = []
        for i in (roll + 1)...end where lines[i].isContent && !lines[i].isBullet {
            let line = lines[i]
            // "Public Forum … A resident asked …", "Public Participation – None.": the heading set
            // off by an ellipsis or a dash, its minute after.
            if let r = line.text.range(of: " … ") ?? line.text.range(of: " – ") ?? line.text.range(of: " - "),
               TextScanning.wordCount(line.text[r.upperBound...]) >= (line.text[r].contains("…") ? 3 : 1),
               TextScanning.firstLetter(String(line.text[r.upperBound...])).map(TextScanning.isUpper) ?? false,
               // "Vicky Bright – Clerk and 3 members of the public": who attended, and in what role.
               line.text[r].contains("…") || !Self.attendanceRoles.contains(where: TextScanning.asciiLowercased(String(line.text[r.upperBound...])).contains),
               case let heading = String(line.text[..<r.lowerBound]), TextScanning.wordCount(heading) <= 6,
               let initial = TextScanning.firstLetter(heading), TextScanning.isUpper(initial), lowerCaseShare(heading) <= 0.34,
               !AttendanceExtractor.startsWithLabel(line.lower), NumberedHeading.parse(line) == nil {
                found.append(Candidate(heading: NumberedHeading(number: "", key: 0, title: heading, bare: false),
                                       index: i, headingEnd: i, title: heading, weight: 1))
                continue
            }
            // "SUSPEND STANDING ORDERS:" as a heading, not a label.
            let text = line.text.hasSuffix(":") ? String(line.text.dropLast()) : line.text
            let words = TextScanning.wordCount(text)
            guard words >= 1, words <= 8, let first = TextScanning.firstLetter(text), TextScanning.isUpper(first),
                  !TextScanning.endsLikeSentence(text), !text.contains(","), !text.contains(":"), !text.contains(where: \.isNumber),
                  !AttendanceExtractor.startsWithLabel(line.lower), NumberedHeading.parse(line) == nil, !text.hasPrefix(">"),
                  !["agreed", "resolved", "proposed", "seconded", "carried"].contains(where: { line.lower.contains($0) }),
                  lowerCaseShare(text) <= 0.34,
                  let next = ((i + 1)...max(i + 1, region.upperBound)).first(where: { $0 <= region.upperBound && lines[$0].isContent }),
                  next <= region.upperBound, isProse(lines[next].text) else { continue }
            // A line under a heading's own line is its text, not another heading.
            if i > region.lowerBound, lines[i - 1].isContent, isProse(lines[i - 1].text), !TextScanning.endsLikeSentence(lines[i - 1].text) { continue }
            found.append(Candidate(heading: NumberedHeading(number: "", key: 0, title: text, bare: false),
                                   index: i, headingEnd: i, title: text, weight: 1))
        }
        return found
    }

    /// Words that say in what role someone attended.
    private static let attendanceRoles = ["clerk", "councillor", "chair", "mayor", "officer", "secretary", "treasurer", "members of the public",
                                          "member of the public", "minute", "representative"]

    /// The share of a text's words that start in lower case, connectives included.
    private func lowerCaseShare(_ text: String) -> Double {
        let words = text.split(separator: " ")
        guard !words.isEmpty else { return 0 }
        let lower = words.filter { $0.unicodeScalars.first.map(TextScanning.isLower) ?? false }.count
        return Double(lower) / Double(words.count)
    }

    /// A line of running prose: six words or more, many of them in lower case (a sentence
    /// naming "The Right Worshipful the Mayor, Councillor R T Beckett" has fewer).
    private func isProse(_ text: String) -> Bool {
        TextScanning.wordCount(text) >= 6 && lowerCaseShare(text) >= 0.3
    }

    /// A paragraph that opens with its heading in capitals and a full stop, the minute after it
    /// ("PRAYERS. The Chairman's Chaplain opened …", "CHARTER OF INCORPORATION. The Clerk …"),
    /// as typed minutes print unnumbered items. Not a resolution ("RESOLVED. That …").
    static func capitalRunIn(_ text: String) -> String? {
        let words = text.split(separator: " ")
        var run = 0
        while run < words.count, run < 12, TextScanning.isUppercaseText(words[run]) { run += 1 }
        guard run >= 1, run < words.count, words[run - 1].hasSuffix("."),
              let next = words[run].unicodeScalars.first, TextScanning.isUpper(next) else { return nil }
        let heading = words[..<run].joined(separator: " ").trimmingAny(of: ".")
        let letters = heading.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        guard letters >= 4, !["RESOLVED", "AGREED", "NOTED", "CARRIED", "DECIDED", "RECOMMENDED"].contains(heading) else { return nil }
        return heading
    }

    /// Words that open an item's description in a ModernGov listing, after its title.
    private static let descriptionOpeners = [" To receive", " To note", " To consider", " To confirm", " To approve", " To agree",
                                             " To elect", " To appoint", " To review", " Additional documents:", " Decision:", " Minutes:",
                                             " Members of the ", " Members are asked", " This report ", " The report "]

    /// Where a listing row's description (or its minutes) begins after the title, if it does.
    static func descriptionStart(in text: String) -> String.Index? {
        descriptionOpeners.compactMap { text.range(of: $0)?.lowerBound }.filter { $0 > text.startIndex }.min()
    }

    /// Whether a "Minutes:" or "Decision:" label line follows line `i` closely (or, with
    /// `orOpensALine`, a line that opens with one: "Minutes: The Passenger Transport Manager …").
    private func labelFollows(_ i: Int, limit: Int, orOpensALine: Bool = false) -> Bool {
        var j = i + 1
        var seen = 0
        while j <= limit, seen < 4 {
            let lower = lines[j].lower
            if lower == "minutes:" || lower == "decision:" || lower == "decisions:" { return true }
            if orOpensALine, lower.hasPrefix("minutes: ") || lower.hasPrefix("decision: ") { return true }
            if lines[j].isContent && !lines[j].isFurniture { seen += 1 }
            if NumberedHeading.parse(lines[j]) != nil { return false }
            j += 1
        }
        return false
    }

    /// Whether going from candidate `m` to `n` passes over two headings or more numbered above
    /// `n`: "1." then "2." with "3." … "8." between them is two meetings' numbering (the first's
    /// 1–8, the second's 2–8 on the same page), not one item 1 running over a page of headings.
    ///
    /// Nor may it pass over three headings in capitals numbered one after another ("2. MATTERS
    /// ARISING", "3. CHAIR'S REPORT", "4. SECRETARY'S REPORT"): the numbering started again
    /// there (a list renumbered by a word processor, a second meeting), and those headings are
    /// items of their own, taken as a restarted chain.
    private func skipsARun(_ candidates: [Candidate], from m: Int, to n: Int) -> Bool {
        guard n - m > 2 else { return false }
        let key = candidates[n].heading.key
        var higher = 0
        for q in (m + 1)..<n where candidates[q].heading.key > key {
            higher += 1
            if higher >= 2 { return true }
        }
        var rising = 0
        for q in (m + 1)..<n {
            guard TextScanning.isUppercaseText(candidates[q].title) else { rising = 0; continue }
            let follows = rising > 0 && candidates[q].heading.key == candidates[q - 1].heading.key + 1
            rising = follows ? rising + 1 : 1
            if rising >= 3 { return true }
        }
        return false
    }

    private func bestChain(_ candidates: [Candidate], kind: SectionKind) -> [Candidate] {
        guard !candidates.isEmpty else { return [] }
        var score = [Double](repeating: 0, count: candidates.count)
        var previous = [Int](repeating: -1, count: candidates.count)
        // For each number, the candidate ending the best chain seen so far at that number.
        var bestAt: [Int: Int] = [:]
        // Agenda numbering may skip one number (an item withdrawn, or its heading lost from a
        // page's text), at a cost, so that a chain without the gap wins where there is one.
        let maxGap = kind == .minutes ? 10 : kind == .agenda ? 2 : 1
        for (n, c) in candidates.enumerated() {
            let key = c.heading.key
            var best = -1
            var bestScore = 0.0
            let lowest = max(0, key - maxGap)
            // "88A" follows "88": a letter suffix numbers an item added after another.
            let highest = c.heading.number.last.map { $0.isLetter } == true ? key : key - 1
            if lowest <= highest {
                for k in stride(from: highest, through: lowest, by: -1) {
                    let skipCost = kind == .agenda && k < key - 1 ? 1.0 : 0
                    if let m = bestAt[k], score[m] - skipCost > bestScore, kind == .report || !skipsARun(candidates, from: m, to: n) {
                        best = m; bestScore = score[m] - skipCost
                    }
                }
            }
            // Agenda and report numbering starts at 1; a chain may not begin anywhere else.
            if best < 0 && kind == .report && key != 1 { continue }
            score[n] = c.weight + bestScore
            previous[n] = best
            if let m = bestAt[key], score[m] >= score[n] { continue }
            bestAt[key] = n
        }
        guard let last = score.indices.max(by: { score[$0] < score[$1] }), score[last] > 0 else { return [] }
        var chain: [Candidate] = []
        var n = last
        while n >= 0 { chain.append(candidates[n]); n = previous[n] }
        return chain.reversed()
    }

    private func weight(_ h: NumberedHeading, title: String, at i: Int, headingEnd: Int,
                        range: ClosedRange<Int>, kind: SectionKind) -> Double {
        let before = previousLine(before: i, floor: range.lowerBound)
        let after = nextLine(after: headingEnd, limit: range.upperBound)
        // A listing's column headings ("Item no. Agenda Item Details Status", "No. Item") stand
        // above its first row as a blank line would.
        let blankBefore = before == nil || lines[before!].text.isEmpty || isListingHeader(lines[before!].lower)
        let blankAfter = after == nil || lines[after!].text.isEmpty
        let neighbourNumbered = [before, after].contains { idx in
            guard let idx, lines[idx].isContent else { return false }
            return NumberedHeading.parse(lines[idx]) != nil
        }
        let words = TextScanning.wordCount(title)
        let sentence = TextScanning.endsLikeSentence(title)
        var w = 1.0
        switch kind {
        case .minutes:
            w += (blankAfter ? 1 : 0) + (blankBefore ? 0.5 : 0) + (TextScanning.isUppercaseText(title) ? 1 : 0)
            w -= (sentence ? 1.5 : 0) + (words > 20 ? 1 : 0) + (neighbourNumbered ? 1 : 0)
            // A compound minute reference ("Cou/286/07-08") numbers nothing but minutes, even
            // when its heading runs on into the minute.
            if h.number.contains("/"), h.number.contains(where: \.isLetter) { w += 2 }
        case .agenda:
            // A heading in capitals outweighs its numbered neighbours: agendas printed from a
            // table put every entry's heading and text on one line ("2DECLARATIONS OF INTEREST To …").
            w += (blankAfter ? 1 : 0) + (blankBefore ? 0.5 : 0) + (TextScanning.isUppercaseText(title) && TextScanning.hasLetters(title) ? 0.5 : 0)
            w -= (sentence ? 1.5 : 0) + (words > 25 ? 1 : 0) + (neighbourNumbered ? 1 : 0)
        default:
            w += (blankAfter ? 0.5 : 0) + (blankBefore ? 0.5 : 0) + (hasSubParagraph(h, after: headingEnd, limit: range.upperBound) ? 2 : 0)
            w -= (sentence ? 1.5 : 0) + (words > 15 ? 1 : 0) + (neighbourNumbered ? 1.5 : 0) + (h.bare ? 0.5 : 0)
        }
        return w
    }

    private func isListingHeader(_ lower: String) -> Bool {
        lower == "no. item" || lower == "items" || lower.hasPrefix("item no.") || lower.hasPrefix("note no. item") || lower == "agenda items"
    }

    /// Reports number their paragraphs under a heading: "1.  Background" is followed by "1.1 …".
    private func hasSubParagraph(_ h: NumberedHeading, after i: Int, limit: Int) -> Bool {
        var j = i + 1
        while j <= limit, !lines[j].isContent { j += 1 }
        guard j <= limit else { return false }
        let prefix = h.number + ".1"
        let text = lines[j].text
        guard text.hasPrefix(prefix) else { return false }
        let rest = text.dropFirst(prefix.count)
        return rest.first == " " || rest.first == "."
    }

    /// The heading's text with wrapped lines joined: capitalised headings take the capitalised
    /// lines that follow; others only a page reference or an obviously unfinished line.
    private func joinedTitle(_ h: NumberedHeading, at i: Int, limit: Int) -> (String, Int)? {
        var title = h.title
        var end = i
        var j = i + 1
        if h.titleOnNextLine {
            // "66." alone, the title on the next line (after at most one blank line).
            var blanks = 0
            while j <= limit, !lines[j].isContent, blanks < 2 {
                if lines[j].isBlank { blanks += 1 }
                j += 1
            }
            guard j <= limit, lines[j].isContent, !lines[j].isBullet, NumberedHeading.parse(lines[j]) == nil,
                  let first = TextScanning.firstLetter(lines[j].text), TextScanning.isUpper(first),
                  TextScanning.wordCount(lines[j].text) <= 30 else { return nil }
            title = lines[j].text
            end = j
            j += 1
        }
        title = RunInHeading.title(of: title)
        var joined = 0
        let upper = TextScanning.isUppercaseText(title)
        while j <= limit, joined < 3 {
            if lines[j].isFurniture { j += 1; continue }
            let next = lines[j]
            guard !next.text.isEmpty, !next.isBullet, NumberedHeading.parse(next) == nil else { break }
            let text = next.text
            let pageRefOnly = text.hasPrefix("(") && TextScanning.removePageReferences(text).isEmpty
            let continues: Bool
            if pageRefOnly {
                continues = true
            } else if upper {
                continues = TextScanning.isUppercaseText(text) && !TextScanning.endsLikeSentence(text)
            } else {
                let lastWord = title.split(separator: " ").last.map { $0.lowercased() } ?? ""
                let connector = ["and", "of", "the", "for", "to", "in", "on", "with", "-", "–", "&", "a"].contains(lastWord)
                let startsLower = TextScanning.firstLetter(text).map(TextScanning.isLower) ?? false
                continues = (connector || startsLower) && !TextScanning.endsLikeSentence(text) && TextScanning.wordCount(text) <= 12
            }
            guard continues else { break }
            title += " " + text
            end = j
            joined += 1
            j += 1
        }
        return (TextScanning.removePageReferences(TextScanning.collapseSpaces(title)), end)
    }

    private func previousLine(before i: Int, floor: Int) -> Int? {
        var j = i - 1
        while j >= floor {
            if !lines[j].isFurniture { return j }
            j -= 1
        }
        return nil
    }

    private func nextLine(after i: Int, limit: Int) -> Int? {
        var j = i + 1
        while j <= limit {
            if !lines[j].isFurniture { return j }
            j += 1
        }
        return nil
    }

    private func lastContent(from start: Int, through limit: Int) -> Int {
        var j = limit
        while j > start, !lines[j].isContent { j -= 1 }
        return j
    }

    /// A section's last item stops before what closes the paper: a glossary, the accountable
    /// officer block, a sign-off ("Sharon Kemp," / "Chief Executive."), a publication note, or
    /// (in an agenda) the notice of the next meeting that follows the last entry.
    private func trimTrailer(from headingEnd: Int, end: Int, kind: SectionKind) -> Int {
        var sawBody = false
        var j = headingEnd + 1
        while j <= end {
            defer { j += 1 }
            guard lines[j].isContent else { continue }
            let lower = lines[j].lower
            var trailer = lower.hasPrefix("glossary") || lower.hasPrefix("accountable officer")
                || lower.hasPrefix("this report is published") || lower.hasPrefix("chief executive")
            // Closing lines of minutes: "The meeting closed at 7.45 pm.", "Chair", "Signed …".
            if lower.hasPrefix("the meeting closed") || lower.hasPrefix("the meeting ended") || lower.hasPrefix("(the meeting closed")
                || lower == "chair" || lower == "chairman" || lower == "chair:" || lower == "chairman:" || lower == "chairperson:"
                || lower.hasPrefix("signed") {
                trailer = true
            }
            if kind == .agenda && sawBody && (lower.hasPrefix("the next meeting") || lower.hasPrefix("date of next meeting")) {
                trailer = true
            }
            if trailer {
                var start = j
                // A sign-off's name line ("Sharon Kemp,") belongs to the trailer.
                if lower.hasPrefix("chief executive"), j - 1 > headingEnd, lines[j - 1].text.hasSuffix(",") { start = j - 1 }
                return lastContent(from: headingEnd, through: start - 1)
            }
            sawBody = true
        }
        return end
    }
}
