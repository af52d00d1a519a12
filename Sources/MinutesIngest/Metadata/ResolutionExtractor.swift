/// Finds the resolutions of an item: each block that opens with "Resolved:-", "RESOLVED:",
/// "Resolved: -", "1.1 RESOLVED: that …" or "It was resolved that …", together with the numbered or
/// lettered parts that follow it ("(1) …", "2) …", "(a) …") and lines that wrap mid-sentence.
enum ResolutionExtractor {
    /// `paragraphs`: the item's body paragraphs, each a list of cleaned lines.
    static func resolutions(in body: [[SourceLine]], joiner: TextJoiner) -> [String] {
        // A resolution can follow text with only page furniture between (no blank line), so a
        // line that opens one also opens a paragraph.
        var paragraphs: [[SourceLine]] = []
        for paragraph in body {
            var current: [SourceLine] = []
            for line in paragraph {
                if !current.isEmpty, resolutionStart(line.text) != nil { paragraphs.append(current); current = [] }
                current.append(line)
            }
            if !current.isEmpty { paragraphs.append(current) }
        }
        var result: [String] = []
        var n = 0
        while n < paragraphs.count {
            let first = paragraphs[n]
            guard let label = resolutionStart(first[0].text) else { n += 1; continue }
            var parts: [String] = [String(first[0].text[label...])]
            parts.append(contentsOf: first.dropFirst().map(\.text))
            var labelOnly = TextScanning.wordCount(parts[0]) <= 2 && first.count == 1
            var previous = first.last!.text
            n += 1
            while n < paragraphs.count {
                let next = paragraphs[n]
                let text = next[0].text
                if resolutionStart(text) != nil { break }
                let continues = labelOnly || next[0].isBullet || startsWithListMarker(text)
                    || (TextScanning.firstLetter(text).map(TextScanning.isLower) ?? false)
                    || !endsClause(previous)
                guard continues else { break }
                parts.append(contentsOf: next.map(\.text))
                previous = next.last!.text
                labelOnly = false
                n += 1
            }
            result.append(joiner.join(parts))
        }
        return result
    }

    /// Where the resolution's own text starts ("Resolved…"), when the line opens a resolution.
    static func resolutionStart(_ text: String) -> String.Index? {
        var start = text.startIndex
        // A paragraph number or list marker may come first: "1.1 RESOLVED", "(a) Resolved".
        if let first = text.unicodeScalars.first, TextScanning.isDigit(first) || first == "(" {
            guard let space = text.firstIndex(of: " ") else { return nil }
            start = text.index(after: space)
        }
        let rest = text[start...]
        var keywordLength = 0
        if rest.hasPrefix("Resolved") || rest.hasPrefix("RESOLVED") {
            keywordLength = 8
        } else if rest.hasPrefix("It was resolved") || rest.hasPrefix("It was RESOLVED") || rest.hasPrefix("IT WAS RESOLVED") {
            keywordLength = 15
        } else {
            return nil
        }
        let after = rest.dropFirst(keywordLength)
        guard let c = after.first else { return start }
        // "Resolved:-", "Resolved: -", "Resolved -", "RESOLVED that", "Resolved (1)".
        if c == ":" || c == "-" || c == "–" || c == "—" { return start }
        if c == " " {
            let next = after.dropFirst().drop(while: { $0 == " " })
            if next.isEmpty || next.hasPrefix("-") || next.hasPrefix("–") || next.hasPrefix(":") || next.hasPrefix("(")
                || next.lowercased().hasPrefix("that") { return start }
        }
        return nil
    }

    /// "(1)", "1)", "(a)", "a)", "(iv)" at the start of a paragraph.
    static func startsWithListMarker(_ text: String) -> Bool {
        var s = Substring(text)
        if s.hasPrefix("(") { s = s.dropFirst() }
        let label = s.prefix(while: { $0.isNumber || ($0.isLetter && $0.isLowercase) })
        guard !label.isEmpty, label.count <= 4 else { return false }
        let after = s.dropFirst(label.count)
        return after.hasPrefix(")") || (label.allSatisfy(\.isNumber) && after.hasPrefix(". "))
    }

    /// Whether a line ends a clause, so that the next paragraph need not belong to it.
    private static func endsClause(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return last == "." || last == ":" || last == ";" || last == "!" || last == "?" || last == "”" || last == "\""
    }
}

/// Finds references to other minutes in an item's text: "Further to Minute No. 53 …",
/// "Arising from Minute No. 13(3)", "see Minute CAB 45/25".
enum ReferenceExtractor {
    static func references(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let r = rest.range(of: "Minute") {
            var tail = rest[r.upperBound...]
            rest = tail
            if tail.hasPrefix("s") { tail = tail.dropFirst() }
            tail = tail.drop(while: { $0 == " " })
            for label in ["No.", "No", "Number", "number", "no."] where tail.hasPrefix(label + " ") || tail.hasPrefix(label) && label.hasSuffix(".") {
                tail = tail.dropFirst(label.count).drop(while: { $0 == " " })
                break
            }
            // "53", "13(3)", "CAB 45/25", "45/25".
            var token = tail.prefix(while: { $0.isNumber || $0 == "/" || $0 == "(" || $0 == ")" })
            if token.isEmpty {
                let prefix = tail.prefix(while: { $0.isUppercase && $0.isASCII })
                if (1...6).contains(prefix.count) {
                    let after = tail.dropFirst(prefix.count).drop(while: { $0 == " " })
                    let digits = after.prefix(while: { $0.isNumber || $0 == "/" })
                    if digits.contains("/"), let f = digits.first, f.isNumber {
                        token = tail[tail.startIndex..<digits.endIndex]
                    }
                }
            }
            var reference = String(token)
            while reference.hasSuffix(")") && reference.filter({ $0 == "(" }).count < reference.filter({ $0 == ")" }).count {
                reference.removeLast()
            }
            guard let first = reference.first, first.isNumber || first.isUppercase else { continue }
            if !result.contains(reference) { result.append(reference) }
        }
        return result
    }
}
