/// One line of the source after cleanup. Keeps its original 1-based line number, so that
/// everything the parser reports points back into the file as given.
struct SourceLine: Sendable {
    /// 1-based line number in the original text.
    let number: Int
    /// Cleaned text: markup, bullet glyphs and markers removed, spaces collapsed, trimmed.
    var text: String
    /// `text` with ASCII letters lower-cased, for keyword tests.
    var lower: String
    /// Page furniture (running header, page number, stray URL): invisible to the structure.
    var isFurniture = false
    /// The line began with a bullet (glyph, "-", "•"): a list entry, never a heading.
    var isBullet = false
    /// The raw line was indented: a page start in PDF extractions, or a bullet.
    var isIndented = false
    /// The line opens markdown bold that it does not close, so a heading goes on.
    var opensBold = false

    /// Whether the line carries text that belongs to the document.
    var isContent: Bool { !isFurniture && !text.isEmpty }
    var isBlank: Bool { !isFurniture && text.isEmpty }
}

/// Turns raw text into `SourceLine`s: strips markdown and HTML markup, private-use bullet glyphs
/// and bullet markers, and collapses spaces. Page furniture is marked afterwards by `PageFurniture`,
/// which needs the committee name.
enum LineCleaner {
    /// Splits on "\n" only (a "\r" before it is dropped), so numbering matches editors and `cat -n`.
    static func lines(of text: String) -> [SourceLine] {
        var result: [SourceLine] = []
        result.reserveCapacity(text.utf8.count / 40 + 1)
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if holdsHTMLBlocks(raw) {
                // A Markdown post that pastes a table or list as HTML on one line ("<table><tr><td>
                // … <ol start="4"><li>To receive …"): read as HTML, one line a block, each
                // keeping the source line's number.
                for piece in HTMLReader.text(of: String(raw)).split(separator: "\n", omittingEmptySubsequences: false) {
                    result.append(clean(piece, number: number))
                }
                continue
            }
            result.append(clean(raw, number: number))
        }
        // A final newline does not start another line.
        if text.hasSuffix("\n"), let last = result.last, last.text.isEmpty { result.removeLast() }
        return result
    }

    private static let blockTags = ["<li", "<td", "<tr", "<div", "<br", "<p>", "<p ", "<ol", "<ul"]

    /// Whether a line holds HTML block elements: a byte test for "<" first, as few lines do.
    private static func holdsHTMLBlocks(_ raw: Substring) -> Bool {
        guard raw.utf8.contains(UInt8(ascii: "<")) else { return false }
        let lower = raw.lowercased()
        return blockTags.contains { lower.contains($0) }
    }

    static func clean(_ raw: Substring, number: Int) -> SourceLine {
        // Plain ASCII lines without markup (most lines) need only their spaces collapsed.
        var plain = true
        for b in raw.utf8 where b >= 0x80 || b == UInt8(ascii: "*") || b == UInt8(ascii: "<") || b == UInt8(ascii: "[") || b == UInt8(ascii: "\\") {
            plain = false
            break
        }
        if plain {
            return finish(TextScanning.collapseSpaces(raw), raw: raw, number: number, glyphBullet: false, asterisks: 0)
        }
        let scalars = Array(raw.unicodeScalars)
        var out = String.UnicodeScalarView()
        var asterisks = 0
        var sawGlyphBullet = false
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            switch s {
            case "\r", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}":
                break
            case "*":
                asterisks += 1
            case "\\" where i + 1 < scalars.count && "\\.-*#_()[]!+`>".unicodeScalars.contains(scalars[i + 1]):
                // A Markdown escape ("1\\." in a post converted from Word) stands for the character itself.
                out.append(scalars[i + 1])
                i += 1
            case "<":
                i = appendTag(scalars, at: i, to: &out)
            case "[":
                i = appendLinkText(scalars, at: i, to: &out)
            default:
                if s.value >= 0xE000 && s.value <= 0xF8FF {
                    // PDF bullet glyphs are private-use characters.
                    if out.allSatisfy(TextScanning.isSpace) { sawGlyphBullet = true }
                    out.append(" ")
                } else if TextScanning.isSpace(s) {
                    out.append(" ")
                } else {
                    out.append(s)
                }
            }
            i += 1
        }
        return finish(TextScanning.collapseSpaces(String(out)), raw: raw, number: number,
                      glyphBullet: sawGlyphBullet, asterisks: asterisks)
    }

    /// What an HTML tag at `i` leaves in the text: nothing but a space (`<sup>` not even that,
    /// so "18<sup>th</sup>" stays "18th"), an `<https://…>` autolink its URL, and a `<` that
    /// opens no tag itself. Returns the index of the last scalar read.
    private static func appendTag(_ scalars: [Unicode.Scalar], at i: Int, to out: inout String.UnicodeScalarView) -> Int {
        guard let close = tagEnd(scalars, from: i) else {
            out.append(scalars[i])
            return i
        }
        let inner = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
        if inner.hasPrefix("http") || inner.hasPrefix("www.") {
            out.append(contentsOf: inner.unicodeScalars)
        } else if !["sup", "/sup", "sub", "/sub"].contains(inner) {
            out.append(" ")
        }
        return close
    }

    /// A Markdown link `[text](target)` at `i` leaves its text only; a `[` that opens none
    /// stays. Returns the index of the last scalar read.
    private static func appendLinkText(_ scalars: [Unicode.Scalar], at i: Int, to out: inout String.UnicodeScalarView) -> Int {
        guard let (textEnd, linkEnd) = markdownLink(scalars, from: i) else {
            out.append(scalars[i])
            return i
        }
        out.append(contentsOf: scalars[(i + 1)..<textEnd])
        return linkEnd
    }

    /// Drops markdown heading markers and bullet markers, and records what they said.
    private static func finish(_ cleaned: String, raw: Substring, number: Int, glyphBullet: Bool, asterisks: Int) -> SourceLine {
        var text = cleaned
        // Markdown heading markers.
        if text.hasPrefix("#") {
            let stripped = text.drop(while: { $0 == "#" })
            if stripped.isEmpty || stripped.hasPrefix(" ") { text = TextScanning.collapseSpaces(stripped) }
        }
        var isBullet = glyphBullet
        for marker in ["- ", "• ", "· ", "▪ ", "● ", "◦ ", "– "] where text.hasPrefix(marker) {
            text = String(text.dropFirst(marker.count))
            isBullet = true
            break
        }
        var line = SourceLine(number: number, text: text, lower: TextScanning.asciiLowercased(text))
        line.isBullet = isBullet
        line.isIndented = raw.unicodeScalars.first.map { TextScanning.isSpace($0) } ?? false
        line.opensBold = asterisks % 4 == 2 && raw.trimmingPrefixSpaces().hasPrefix("**")
        return line
    }

    /// Index of the ">" closing an HTML tag that starts at `start`, if the "<" opens a tag.
    private static func tagEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < s.count else { return nil }
        let next = s[start + 1]
        guard next == "/" || TextScanning.isLetter(next) else { return nil }
        var j = start + 1
        while j < s.count && j - start < 400 {
            if s[j] == ">" { return j }
            if s[j] == "<" { return nil }
            j += 1
        }
        return nil
    }

    /// For "[text](target)" starting at `start`: the index of "]" and of ")".
    private static func markdownLink(_ s: [Unicode.Scalar], from start: Int) -> (Int, Int)? {
        var j = start + 1
        while j < s.count, s[j] != "]", s[j] != "[" { j += 1 }
        guard j + 1 < s.count, s[j] == "]", s[j + 1] == "(" else { return nil }
        var k = j + 2
        while k < s.count, s[k] != ")", !TextScanning.isSpace(s[k]) { k += 1 }
        guard k < s.count, s[k] == ")" else { return nil }
        return (j, k)
    }
}

extension Substring {
    func trimmingPrefixSpaces() -> Substring {
        self.drop(while: { $0 == " " || $0 == "\t" })
    }
}
