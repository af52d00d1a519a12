/// Sub-items printed as headings of their own inside an item: "(a)" or "(ii)" with a title on
/// the line or the next ("4(a) Chief Executive's Report", as Irish councils number them). Each
/// becomes an item numbered from its parent ("4(a)", "4(c)(i)"); the parent keeps the text before
/// the first. A lettered line that reads as a sentence ("(a) That the report be noted.", "(b)
/// Circulated, copy of the notice of …") stays part of the text. "4.1" paragraphs stay text too:
/// reports and minutes number their paragraphs so.
struct SubItems {
    let lines: [SourceLine]

    func split(_ item: ItemSpan) -> [ItemSpan] {
        guard item.headingEnd < item.end else { return [item] }
        var heads: [(number: String, title: String, heading: Int, headingEnd: Int)] = []
        var letter: String?
        var i = item.headingEnd + 1
        while i <= item.end {
            defer { i += 1 }
            guard lines[i].isContent, !lines[i].isBullet else { continue }
            if let number = listedDecimal(lines[i].text, of: item.number), let next = nextContent(after: i, limit: item.end),
               isListingEntry(title: next, limit: item.end) {
                heads.append((number, lines[next].text.trimmingAny(of: ";,. "), i, next))
                continue
            }
            guard let (label, rest) = subLabel(lines[i].text, previousLetter: letter) ?? suffixLabel(lines[i].text, of: item.number) else { continue }
            var title = rest
            var headingEnd = i
            if title.isEmpty {
                guard let next = nextContent(after: i, limit: item.end) else { continue }
                title = lines[next].text
                headingEnd = next
            }
            guard isHeadingLike(title), blankOrEnd(after: headingEnd, limit: item.end) else { continue }
            let number: String
            switch label {
            case .letter(let l): letter = l; number = "\(item.number)(\(l))"
            case .roman(let r): number = letter.map { "\(item.number)(\($0))(\(r))" } ?? "\(item.number)(\(r))"
            case .printed(let label): number = label
            }
            heads.append((number, title, i, headingEnd))
        }
        guard !heads.isEmpty else { return [item] }
        var result = [ItemSpan(number: item.number, title: item.title, heading: item.heading, headingEnd: item.headingEnd,
                               end: lastContent(before: heads[0].heading, floor: item.headingEnd))]
        for (n, head) in heads.enumerated() {
            let end = n + 1 < heads.count ? lastContent(before: heads[n + 1].heading, floor: head.headingEnd) : item.end
            result.append(ItemSpan(number: head.number, title: TextScanning.removePageReferences(head.title),
                                   heading: head.heading, headingEnd: head.headingEnd, end: end))
        }
        return result
    }

    private enum Label { case letter(String), roman(String), printed(String) }

    /// "4a" or "4a." (alone, the title on the next line, or before it): the parent's number with
    /// a letter, as ModernGov prints the committees' minutes under "4. MINUTES OF COMMITTEES".
    /// The number is kept as printed.
    private func suffixLabel(_ text: String, of parent: String) -> (Label, String)? {
        guard !parent.isEmpty, parent.allSatisfy(\.isNumber), text.hasPrefix(parent) else { return nil }
        let after = text.dropFirst(parent.count)
        guard let letter = after.first, letter.isASCII, letter.isLowercase, letter.isLetter else { return nil }
        var rest = after.dropFirst()
        if rest.first == "." || rest.first == ")" { rest = rest.dropFirst() }
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (.printed(parent + String(letter)), TextScanning.collapseSpaces(rest))
    }

    /// "(a)" or "(iv)" at the start of a line, and the text after it. Roman numerals count as
    /// such under a letter ("4(c)(i)"); alone, "(i)" is the ninth letter only after "(h)".
    private func subLabel(_ text: String, previousLetter: String?) -> (Label, String)? {
        guard text.hasPrefix("("), let close = text.firstIndex(of: ")") else { return nil }
        let inside = String(text[text.index(after: text.startIndex)..<close])
        let rest = TextScanning.collapseSpaces(text[text.index(after: close)...])
        guard !inside.isEmpty, inside.count <= 4, inside.allSatisfy({ $0.isLetter && $0.isLowercase && $0.isASCII }) else { return nil }
        let romanShaped = inside.allSatisfy { "ivx".contains($0) }
        if inside.count == 1, !(romanShaped && previousLetter != nil && previousLetter != "h") { return (.letter(inside), rest) }
        return romanShaped ? (.roman(inside), rest) : nil
    }

    /// "5.1" alone on its line under item 5: a sub-item of a ModernGov "No. Item" listing, which
    /// prints each number on a line of its own ("5. MINUTES" / "5.1" / "5TH FEBRUARY, 2018;").
    private func listedDecimal(_ text: String, of parent: String) -> String? {
        guard !parent.isEmpty, parent.allSatisfy(\.isNumber), text.hasPrefix(parent + ".") else { return nil }
        var sub = text.dropFirst(parent.count + 1)
        if sub.last == "." { sub = sub.dropLast() }
        guard !sub.isEmpty, sub.count <= 2, sub.allSatisfy(\.isNumber) else { return nil }
        return parent + "." + sub
    }

    /// A listing's entry: a short title, then the page's own labels under it ("Additional
    /// documents:", "Minutes:", "Decision:"), which a paragraph of a report never has. The title
    /// is taken as printed, a date or a sentence's end included ("14TH MAY, 2018.").
    private func isListingEntry(title: Int, limit: Int) -> Bool {
        guard TextScanning.wordCount(lines[title].text) <= 12 else { return false }
        var j = title + 1
        while j <= limit, lines[j].isBlank { j += 1 }
        guard j <= limit, lines[j].isFurniture else { return false }
        return ["additional documents:", "minutes:", "decision:"].contains(lines[j].lower)
    }

    private func isHeadingLike(_ title: String) -> Bool {
        guard let first = TextScanning.firstLetter(title), TextScanning.isUpper(first) else { return false }
        let words = title.split(separator: " ")
        let lower = TextScanning.asciiLowercased(title)
        let connectors: Set<String> = ["of", "and", "the", "to", "for", "in", "by", "with", "a", "from", "on", "at", "or"]
        if let last = words.last, connectors.contains(TextScanning.asciiLowercased(last)) { return false }
        // "Circulated, copy of …": a sentence's opening, not a title.
        if words.count > 1, words[0].hasSuffix(","), let next = words[1].unicodeScalars.first, TextScanning.isLower(next) { return false }
        return words.count <= 15 && !TextScanning.endsLikeSentence(title) && !title.hasSuffix(":") && !lower.hasPrefix("that ")
    }

    private func nextContent(after i: Int, limit: Int) -> Int? {
        var j = i + 1
        var blanks = 0
        while j <= limit, blanks <= 1 {
            if lines[j].isContent { return j }
            if lines[j].isBlank { blanks += 1 }
            j += 1
        }
        return nil
    }

    /// A heading stands alone: a blank line (or the item's end) follows it.
    private func blankOrEnd(after i: Int, limit: Int) -> Bool {
        var j = i + 1
        while j <= limit, lines[j].isFurniture { j += 1 }
        return j > limit || lines[j].isBlank
    }

    private func lastContent(before i: Int, floor: Int) -> Int {
        var j = i - 1
        while j > floor, !lines[j].isContent { j -= 1 }
        return j
    }
}
