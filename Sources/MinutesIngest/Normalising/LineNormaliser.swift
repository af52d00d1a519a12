import Foundation

/// Gives the parser lines it can read when the publishing system did not: a table rendered
/// with pipes ("| 1. | Apologies for absence |") becomes one line a cell, the item number
/// joined to its title; a whole PDF or page flattened onto one line is broken before each
/// attendance label and numbered heading. The lines made keep their source line's number.
enum LineNormaliser {
    /// Lines longer than this are taken for flattened text and broken up.
    static let flattenedLength = ShapeRecogniser.flattenedLength

    /// The lines as the parser reads them; `shape` says which repairs the text needs.
    static func normalise(_ input: [SourceLine], shape: PublishingShape) -> [SourceLine] {
        var lines = input
        markFrontMatter(&lines)
        for i in lines.indices where mentionsFileSize(lines[i].lower) {
            let text = removingFileSizes(lines[i].text)
            if text != lines[i].text { lines[i].text = text; lines[i].lower = TextScanning.asciiLowercased(text) }
        }
        guard shape == .pipeTable || shape == .flattened else { return lines.flatMap(splittingNextItem) }
        var out: [SourceLine] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            if shape == .pipeTable, line.text.hasPrefix("|") {
                out += tableRow(line)
            } else if line.text.utf8.count > flattenedLength {
                out += unflatten(line)
            } else {
                out.append(line)
            }
        }
        return out
    }

    /// A web page's front matter ("---", "title: …", "date: 2013-08-15", "---" at the top of a
    /// Markdown post) describes the post, not the meeting: furniture.
    static func markFrontMatter(_ lines: inout [SourceLine]) {
        guard let first = lines.firstIndex(where: { !$0.text.isEmpty }), lines[first].text == "---" else { return }
        guard let close = lines[(first + 1)...].prefix(60).firstIndex(where: { $0.text == "---" }) else { return }
        for i in first...close { lines[i].isFurniture = true }
    }

    /// Whether a lower-cased line holds a file size ("143 kb", "233kb", "1.2 mb") or "pdf icon":
    /// a byte scan, since every line of every file passes here ("member" holds "mb" too).
    static func mentionsFileSize(_ lower: String) -> Bool {
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        var window: (UInt8, UInt8, UInt8) = (0, 0, 0)  // the three bytes before this one
        var sawPDF = false
        for b in lower.utf8 {
            let (third, second, first) = window
            if b == UInt8(ascii: "b"), first == UInt8(ascii: "k") || first == UInt8(ascii: "m"),
               isDigit(second) || (second == UInt8(ascii: " ") && isDigit(third)) { return true }
            if b == UInt8(ascii: "f"), first == UInt8(ascii: "d"), second == UInt8(ascii: "p") { sawPDF = true }
            window = (second, first, b)
        }
        return sawPDF && lower.contains("pdf icon")
    }

    private static let fileSize = try! NSRegularExpression(pattern: #"\s*(?:pdf icon\s*)?\b(?:PDF|pdf|DOC|doc|Word|XLS)\s*(?:\(|\b)\s*\d+(?:\.\d+)?\s*(?:KB|Kb|kb|MB|Mb|mb)\)?"#)

    /// CMIS's link: the file type before the document's name, its size after it ("pdf Minutes (233Kb)").
    private static let typedLink = try! NSRegularExpression(pattern: #"\b(?:pdf|doc|docx|xls|xlsx)\s+(\S.*?)\s*\(\s*\d+(?:\.\d+)?\s*(?:KB|Kb|kb|MB|Mb|mb)\)"#)

    /// "Minutes PDF 143 KB", "pdf icon PDF 402 KB", "pdf Minutes (233Kb)": the link's file size
    /// that ModernGov and CMIS print after a document's name, and CMIS's file type before it.
    static func removingFileSizes(_ text: String) -> String {
        let named = typedLink.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: "$1")
        let ns = named as NSString
        let cleaned = fileSize.stringByReplacingMatches(in: named, range: NSRange(location: 0, length: ns.length), withTemplate: "")
        return TextScanning.collapseSpaces(cleaned.replacingOccurrences(of: "pdf icon", with: ""))
    }

    /// "5. Election of Vice-Chairman … duly elected. 6. The Minutes of the meeting … were agreed":
    /// a numbered line that runs on into the next number's item, after a sentence's end, is two
    /// lines. Only the next number breaks it, so a list inside the item stays whole.
    static func splittingNextItem(_ line: SourceLine) -> [SourceLine] {
        let text = line.text
        guard let first = text.utf8.first, first >= 49, first <= 57, text.utf8.count > 40 else { return [line] }
        let digits = text.prefix(while: \.isNumber)
        guard digits.count <= 3, var number = Int(digits), text.dropFirst(digits.count).hasPrefix(". ") else { return [line] }
        var pieces: [Substring] = []
        var rest = Substring(text)
        while true {
            let marker = ". \(number + 1). "
            guard let r = rest.range(of: marker), let after = rest[r.upperBound...].unicodeScalars.first, TextScanning.isUpper(after) else { break }
            let end = rest.index(after: r.lowerBound)  // keeps the full stop
            pieces.append(rest[..<end])
            rest = rest[rest.index(after: end)...]
            number += 1
        }
        guard !pieces.isEmpty else { return [line] }
        pieces.append(rest)
        return separated(pieces, of: line)
    }

    /// The pieces of a line broken up, as lines of their own with a blank line between them,
    /// each keeping the line's number; empty pieces are dropped.
    private static func separated<S: StringProtocol>(_ pieces: [S], of line: SourceLine) -> [SourceLine] {
        var result: [SourceLine] = []
        for piece in pieces {
            let text = TextScanning.collapseSpaces(piece)
            guard !text.isEmpty else { continue }
            if !result.isEmpty { result.append(made(line, "")) }
            result.append(made(line, text))
        }
        return result
    }

    /// "| 1. | Apologies | Minutes: … |" → "1. Apologies", blank, "Minutes: …", blank.
    static func tableRow(_ line: SourceLine) -> [SourceLine] {
        let cells = line.text.split(separator: "|").map { TextScanning.collapseSpaces($0) }
            .filter { !$0.isEmpty && !$0.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " } }
        guard !cells.isEmpty else { return [made(line, "")] }
        var texts: [String] = []
        var rest = cells[...]
        if cells.count >= 2, isItemNumber(cells[0]) {
            let number = cells[0].hasSuffix(".") || cells[0].contains("/") ? cells[0] : cells[0] + "."
            texts.append(number + " " + cells[1])
            rest = cells.dropFirst(2)
        }
        texts += rest
        var result: [SourceLine] = []
        for text in texts {
            result.append(made(line, text))
            result.append(made(line, ""))
        }
        return result
    }

    /// "1", "1.", "12a", "39/20", "18-19/FRA/1": the number column of an agenda table.
    private static func isItemNumber(_ cell: String) -> Bool {
        guard cell.utf8.count <= 14, let first = cell.unicodeScalars.first, TextScanning.isDigit(first) else { return false }
        return cell.unicodeScalars.allSatisfy { TextScanning.isDigit($0) || TextScanning.isLetter($0) || $0 == "." || $0 == "/" || $0 == "-" }
    }

    /// Where a flattened line breaks: before an attendance label with its colon ("Present:",
    /// the letter-spaced "P r e s e n t:", "Chair:"), before a minute reference
    /// ("Cou/286/07-08 Apologies …"), and after a sentence's end before a label or a numbered
    /// heading, but not between an item's number and its heading ("1. APOLOGIES FOR ABSENCE")
    /// nor after "No." ("No. 1 Mann Island"); and before an "N.0 Title" heading after a word, since
    /// an attendance list ends with no full stop ("… Olive Falsey 1.0 Confirmation of Minutes").
    private static let breakBefore = try! NSRegularExpression(pattern:
        #"(?<=[^ ] )(?<![Aa]lso )(?<!ALSO )(?<![Tt]he )(?=(?:Also [Pp]resent|ALSO PRESENT|Present|PRESENT|P r e s e n t|In [Aa]ttendance|IN ATTENDANCE|Apologies|APOLOGIES|Chair|Chairman|In the Chair)\s?:)"#
        + #"|(?<=[A-Za-z] )(?=\d{1,3}\.0\s+[A-Z][a-z]{2,})"#
        + #"|(?<=[^ ] )(?=[A-Z][a-z]{1,4}/\d{1,4}/\d{2}(?:-\d{2})?\s+[A-Z])"#
        + #"|(?<=[.:;!?)\]] |^)(?<!\d\. )(?<!\bNo\. )(?<!\bno\. )(?=(?:P\s?r\s?e\s?s\s?e\s?n\s?t\s?:|PRESENT|Present[:\s-]|Apologies|APOLOGIES|In attendance|IN ATTENDANCE|Also present|ALSO PRESENT|Members present|MEMBERS PRESENT|\d{1,4}(?:\.\d{1,2})?\.?\s+[A-Z][A-Za-z]))"#)

    /// Breaks a flattened line before attendance labels and numbered headings that follow the
    /// end of a sentence.
    static func unflatten(_ line: SourceLine) -> [SourceLine] {
        let text = line.text
        let ns = text as NSString
        let matches = breakBefore.matches(in: text, range: NSRange(location: 0, length: ns.length))
        var starts = matches.map(\.range.location).filter { $0 > 0 }
        guard !starts.isEmpty else { return [line] }
        starts.insert(0, at: 0)
        let pieces = starts.indices.map { n in
            ns.substring(with: NSRange(location: starts[n], length: (n + 1 < starts.count ? starts[n + 1] : ns.length) - starts[n]))
        }
        return separated(pieces.flatMap(splittingFirstSubItem), of: line)
    }

    /// "1.0 Confirmation of Minutes 1.1 Confirmation of minutes of … held on 13th May": an
    /// N.0 heading runs straight into its first sub-item, N.1, with no full stop between.
    private static let firstSubItem = try! NSRegularExpression(pattern: #"^(\d{1,3})\.0\s+[A-Z][^.]{2,80}?\s(?=\1\.1\s+[A-Z])"#)

    private static func splittingFirstSubItem(_ piece: String) -> [String] {
        let ns = piece as NSString
        guard let match = firstSubItem.firstMatch(in: piece, range: NSRange(location: 0, length: ns.length)) else { return [piece] }
        let cut = match.range.location + match.range.length
        return [ns.substring(to: cut), ns.substring(from: cut)]
    }

    private static func made(_ line: SourceLine, _ text: String) -> SourceLine {
        var made = SourceLine(number: line.number, text: text, lower: TextScanning.asciiLowercased(text))
        made.isIndented = line.isIndented
        return made
    }
}
