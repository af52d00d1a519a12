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
        // Names one a line ("Callum Ford" / "Beth Cook" / "Councillor Jim Stalker, Clackmannanshire
        // Council", as a page's attendance prints them under its label) are a list, not a
        // sentence wrapped.
        let oneNameALine = paragraph.count >= 2 && paragraph.allSatisfy { Self.isShortName($0) || Self.opensWithATitle($0) }
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

    /// A line that starts with a person's title and is short enough to be one person
    /// ("Councillor Les Sharp, Clackmannanshire Council", "Constable Roy Mitchell").
    private static func opensWithATitle(_ line: SourceLine) -> Bool {
        let words = line.text.split(separator: " ")
        guard (2...10).contains(words.count), let first = words.first else { return false }
        let titles: Set<String> = ["councillor", "cllr", "cllr.", "mr", "mr.", "mrs", "mrs.", "ms", "miss", "dr", "dr.", "constable",
                                   "pc", "sgt", "inspector", "professor", "prof", "rev", "revd", "alderman"]
        return titles.contains(TextScanning.asciiLowercased(first)) && !TextScanning.endsLikeSentence(line.text)
    }

    /// A line that is a name alone: two to four capitalised words, no full stop, colon or comma.
    private static func isShortName(_ line: SourceLine) -> Bool {
        let words = line.text.split(separator: " ")
        guard (2...4).contains(words.count), !line.text.contains(":"), !line.text.contains(","),
              !TextScanning.endsLikeSentence(line.text) else { return false }
        return words.allSatisfy { word in word.unicodeScalars.first.map(TextScanning.isUpper) ?? false }
    }
}
