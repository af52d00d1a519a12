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
        for line in paragraph {
            if line.isBullet || runs.isEmpty { runs.append([line.text]) } else { runs[runs.count - 1].append(line.text) }
        }
        var out = ""
        for run in runs {
            let text = joiner.join(run)
            if out.isEmpty || out.hasSuffix(":") || out.hasSuffix(":-") { out += out.isEmpty ? text : " " + text } else { out += "; " + text }
        }
        return out
    }
}
