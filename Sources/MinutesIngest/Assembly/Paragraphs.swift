/// The paragraphs of a run of lines, as the parser's passes read them: content lines grouped at
/// blank lines, page furniture skipped without breaking a paragraph (it only interrupts the text
/// where a page ended).
struct Paragraphs {
    let lines: [SourceLine]
    let joiner: TextJoiner

    /// The paragraphs of lines `start` through `end` (indices into `lines`).
    func of(from start: Int, through end: Int) -> [[SourceLine]] {
        guard start <= end else { return [] }
        var result: [[SourceLine]] = []
        var current: [SourceLine] = []
        for i in start...end {
            let line = lines[i]
            if line.isFurniture { continue }
            if line.text.isEmpty {
                if !current.isEmpty { result.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The running text of lines `start` through `end`, a paragraph a line.
    func text(from start: Int, through end: Int) -> String {
        joiner.text(of: of(from: start, through: end))
    }

    /// A paragraph's lines as one line, each bulleted entry ended by "; " so that a list of
    /// people printed one per line ("- Caroline Webb, Senior Adviser") keeps its entries apart.
    func listText(_ paragraph: [SourceLine]) -> String {
        var runs: [[String]] = []
        // Names one a line ("Callum Ford" / "Beth Cook" / "Linda Matheson", as a page's
        // attendance prints them under its label) are a list, not a sentence wrapped.
        let oneNameALine = paragraph.count >= 2 && paragraph.allSatisfy(Self.isShortName)
        for line in paragraph {
            if line.isBullet || oneNameALine || runs.isEmpty { runs.append([line.text]) } else { runs[runs.count - 1].append(line.text) }
        }
        var out = ""
        for run in runs {
            let text = joiner.join(run)
            if out.isEmpty || out.hasSuffix(":") || out.hasSuffix(":-") { out += out.isEmpty ? text : " " + text } else { out += "; " + text }
        }
        return out
    }

    /// A line that is a name alone: two to four capitalised words, no full stop, colon or comma.
    private static func isShortName(_ line: SourceLine) -> Bool {
        let words = line.text.split(separator: " ")
        guard (2...4).contains(words.count), !line.text.contains(":"), !line.text.contains(","),
              !TextScanning.endsLikeSentence(line.text) else { return false }
        return words.allSatisfy { word in word.unicodeScalars.first.map(TextScanning.isUpper) ?? false }
    }
}
