/// Turns an HTML page (a council's "modern.gov" minutes page, an HTML export) into text whose
/// lines and blank lines carry the page's block structure, which is what the parser reads:
/// headings and paragraphs become paragraphs, `<br>` a line break, `<li>` a bulleted line,
/// a table row a line with its cells separated by " | ". Scripts, styles, the `<head>`, `<nav>`
/// menus and comments are dropped; entities are decoded.
///
/// A strict tag stripper rather than a full HTML parser: minutes pages are simple documents,
/// and nothing here needs the tree, only where blocks start and end.
public enum HTMLReader {
    /// Elements whose content is never text of the document.
    private static let skipped: Set<String> = ["script", "style", "head", "noscript", "template", "svg", "object", "iframe", "nav"]
    /// Elements that start and end a paragraph.
    private static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot",
        "section", "article", "header", "footer", "main", "aside", "blockquote", "pre", "address",
        "figure", "figcaption", "form", "fieldset", "caption", "hr", "body", "html",
    ]
    /// Elements that start a line of their own without a blank line around them.
    private static let lines: Set<String> = ["li", "tr", "dt", "dd", "br"]
    private static let cells: Set<String> = ["td", "th"]

    /// The text of `html`.
    public static func text(of html: String) -> String {
        var out = TextBuilder()
        let s = Array(html.unicodeScalars)
        var i = 0
        var text = String.UnicodeScalarView()
        var preformatted = 0
        /// For each open list, the items an <ol> has numbered so far (nil for a <ul>).
        var listCounters: [Int?] = []

        func flushText() {
            guard !text.isEmpty else { return }
            out.append(HTMLEntities.decode(String(text)), preformatted: preformatted > 0)
            text = String.UnicodeScalarView()
        }

        while i < s.count {
            guard s[i] == "<" else { text.append(s[i]); i += 1; continue }
            if starts(s, at: i, with: "<!--") {
                i = find(s, "-->", from: i + 4).map { $0 + 3 } ?? s.count
                continue
            }
            guard let tag = Tag.parse(s, at: i) else { text.append(s[i]); i += 1; continue }
            flushText()
            i = tag.end
            let name = tag.name
            if skipped.contains(name), !tag.closing, !tag.selfClosing {
                // Skip to the matching close tag; the content is not markup to scan.
                i = findCloseTag(s, name: name, from: i) ?? s.count
                continue
            }
            if name == "pre" { preformatted += tag.closing ? (preformatted > 0 ? -1 : 0) : 1 }
            if name == "ol" || name == "ul", !tag.selfClosing {
                // `<ol start="4">` numbers its first item 4 (Word and WordPress split one list so).
                if tag.closing { if !listCounters.isEmpty { listCounters.removeLast() } } else { listCounters.append(name == "ol" ? tag.start - 1 : nil) }
            }
            if name == "tr" || name == "table" { out.newRow() }
            if blocks.contains(name) {
                out.paragraphBreak()
            } else if lines.contains(name) {
                if name == "br" || !tag.closing { out.lineBreak() }
                if name == "li", !tag.closing {
                    // Minutes pages number their items with <ol><li><h4>Title</h4>…: the number
                    // the browser shows is the item's, so write it.
                    if let count = listCounters.last, let n = count, headingFollows(s, from: i) {
                        listCounters[listCounters.count - 1] = n + 1
                        out.startNumbered("\(n + 1). ")
                    } else {
                        if let count = listCounters.last, let n = count { listCounters[listCounters.count - 1] = n + 1 }
                        out.startBullet()
                    }
                }
            } else if cells.contains(name), !tag.closing {
                out.cellBreak()
            }
        }
        flushText()
        return out.finish()
    }

    /// Whether the next thing after `i` (white space aside) opens a heading element, <h1>–<h6>,
    /// or a bold title (`<strong>`, `<b>`), as word processors mark a list item's heading.
    private static func headingFollows(_ s: [Unicode.Scalar], from start: Int) -> Bool {
        var i = start
        while i < s.count, s[i] == " " || s[i] == "\n" || s[i] == "\t" || s[i] == "\r" { i += 1 }
        if starts(s, at: i, with: "<strong>") || starts(s, at: i, with: "<b>") || starts(s, at: i, with: "<STRONG>") || starts(s, at: i, with: "<B>") { return true }
        guard i + 2 < s.count, s[i] == "<", s[i + 1] == "h" || s[i + 1] == "H" else { return false }
        return ("1"..."6").contains(s[i + 2])
    }

    private static func starts(_ s: [Unicode.Scalar], at i: Int, with prefix: String) -> Bool {
        var j = i
        for p in prefix.unicodeScalars {
            guard j < s.count, s[j] == p else { return false }
            j += 1
        }
        return true
    }

    private static func find(_ s: [Unicode.Scalar], _ needle: String, from start: Int) -> Int? {
        var i = start
        while i < s.count {
            if starts(s, at: i, with: needle) { return i }
            i += 1
        }
        return nil
    }

    /// The index after `</name…>`, matched case-insensitively.
    private static func findCloseTag(_ s: [Unicode.Scalar], name: String, from start: Int) -> Int? {
        var i = start
        while let open = find(s, "</", from: i) {
            if let tag = Tag.parse(s, at: open), tag.closing, tag.name == name { return tag.end }
            i = open + 2
        }
        return nil
    }
}

/// One tag as written: `<p class="x">`, `</TD>`, `<br/>`, `<!DOCTYPE html>`.
private struct Tag {
    var name: String
    var closing: Bool
    var selfClosing: Bool
    /// Index just after the closing ">".
    var end: Int
    /// The `start` attribute of an `<ol>` (1 when absent or not a number).
    var start = 1

    /// Parses the tag starting at `i` (a "<"), or nil when the "<" is plain text ("a < b").
    static func parse(_ s: [Unicode.Scalar], at i: Int) -> Tag? {
        var j = i + 1
        guard j < s.count else { return nil }
        var closing = false
        if s[j] == "/" { closing = true; j += 1 }
        let declaration = s[j] == "!" || s[j] == "?"
        guard j < s.count, declaration || TextScanning.isLetter(s[j]) else { return nil }
        var name = ""
        while j < s.count, TextScanning.isLetter(s[j]) || TextScanning.isDigit(s[j]) || s[j] == "!" || s[j] == "?" {
            name.unicodeScalars.append(s[j])
            j += 1
        }
        // Scan to ">" outside quoted attribute values ("a > b" may sit in a title attribute).
        var quote: Unicode.Scalar?
        while j < s.count {
            let c = s[j]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                let selfClosing = j > i + 1 && s[j - 1] == "/"
                var tag = Tag(name: name.lowercased(), closing: closing, selfClosing: selfClosing, end: j + 1)
                if tag.name == "ol", !closing { tag.start = listStart(String(String.UnicodeScalarView(s[i..<j]))) }
                return tag
            }
            j += 1
        }
        return nil
    }

    /// The number in `start="4"` (or `start=4`) of an `<ol …` tag's text.
    private static func listStart(_ text: String) -> Int {
        guard let r = text.range(of: "start=", options: .caseInsensitive) else { return 1 }
        let digits = text[r.upperBound...].drop(while: { $0 == "\"" || $0 == "'" }).prefix(while: \.isNumber)
        return Int(digits).map { max(1, $0) } ?? 1
    }
}

/// Accumulates text with HTML's white-space rules: runs of spaces and source line breaks are one
/// space, and only the structure asks for line breaks and blank lines. Breaks are owed, not
/// written, until text follows: so a paragraph inside a table cell ("<td><p>1.</p></td><td><p>Title")
/// does not split a row whose next cell continues it.
private struct TextBuilder {
    private enum Break: Int, Comparable {
        case none, space, line, paragraph
        static func < (a: Break, b: Break) -> Bool { a.rawValue < b.rawValue }
    }

    private var lines: [String] = []
    private var line = ""
    private var pending = Break.none
    /// A new cell of the current row opened since the last text.
    private var pendingCell = false
    /// The current table row has text: a cell opened now continues its line.
    private var rowHasText = false
    private var bullet = false
    private var numberPrefix: String?

    mutating func append(_ text: String, preformatted: Bool) {
        if preformatted {
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (n, part) in parts.enumerated() {
                if n > 0 { owe(.line) }
                appendWords(String(part), keepSpaces: true)
            }
        } else {
            appendWords(text, keepSpaces: false)
        }
    }

    private mutating func appendWords(_ text: String, keepSpaces: Bool) {
        for c in text.unicodeScalars {
            if keepSpaces, c == " " || c == "\t", !line.isEmpty, pending < .line {
                line.unicodeScalars.append(c)
                continue
            }
            // Non-breaking spaces stay: line cleanup knows them, and they never break a line here.
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                owe(.space)
                continue
            }
            if pendingCell, !line.isEmpty {
                // A cell holding only an item number ("1.", "CAB 45/25") labels the next one,
                // as modern.gov lays out its item table: keep them one heading.
                line += isNumberLabel(line) ? " " : " | "
            } else if pending >= .line || line.isEmpty {
                if !line.isEmpty { lines.append(line) }
                if pending == .paragraph, let last = lines.last, !last.isEmpty { lines.append("") }
                line = numberPrefix ?? (bullet ? "- " : "")
                bullet = false
                numberPrefix = nil
            } else if pending == .space {
                line += " "
            }
            pending = .none
            pendingCell = false
            rowHasText = true
            line.unicodeScalars.append(c)
        }
    }

    private mutating func owe(_ b: Break) {
        if b > pending { pending = b }
    }

    mutating func lineBreak() {
        owe(.line)
        pendingCell = false
    }

    mutating func paragraphBreak() {
        owe(.paragraph)
    }

    mutating func startBullet() { bullet = true }

    /// The next line starts with an ordered list's number ("3. ").
    mutating func startNumbered(_ number: String) { numberPrefix = number }

    mutating func cellBreak() {
        if rowHasText, !line.isEmpty { pendingCell = true }
    }

    /// A table row (or a table) starts or ends: its cells start a line of their own.
    mutating func newRow() {
        rowHasText = false
        pendingCell = false
    }

    mutating func finish() -> String {
        if !line.isEmpty { lines.append(line) }
        line = ""
        while lines.last == "" { lines.removeLast() }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// "1.", "12", "4.2", "CAB 45/25", "45/25": what an item-number cell holds.
    private func isNumberLabel(_ text: String) -> Bool {
        guard text.count <= 12, text.first?.isNumber == true || text.first?.isUppercase == true else { return false }
        if text.contains("/") {
            // A minute reference: optional capitals, digits, "/", digits.
            let letters = text.prefix(while: { $0.isUppercase && $0.isASCII })
            let rest = text.dropFirst(letters.count).drop(while: { $0 == " " })
            let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
            return letters.count <= 6 && parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        }
        guard text.allSatisfy({ $0.isNumber || $0 == "." }), text.first?.isNumber == true else { return false }
        return text.hasSuffix(".") || text.count <= 3
    }
}
