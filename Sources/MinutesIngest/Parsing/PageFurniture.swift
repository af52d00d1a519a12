/// Marks page furniture: what a PDF extraction leaves from page headers and footers, which must
/// never split an item or end up in its text. Running headers are recognised by the committee's
/// name with a page number, a dash or a short date ("IMPROVING LIVES SELECT COMMISSION - 3",
/// " 2 IMPROVING LIVES SELECT" / "COMMISSION -"), page labels by their words ("Page 16 Agenda
/// Item 8", "Page 8 of 17", "P" / "age 24"), stray URLs by being alone on their line.
struct PageFurniture {
    /// Upper-cased words of the committee name, when known.
    let committeeWords: [String]

    init(committee: String?) {
        committeeWords = (committee ?? "").uppercased().split(separator: " ").map(String.init)
    }

    func mark(_ lines: inout [SourceLine]) {
        for i in lines.indices where !lines[i].text.isEmpty {
            let text = lines[i].text
            if isURL(text) || isPageLabel(lines[i].lower) || isRunningHeader(text) {
                lines[i].isFurniture = true
            } else if text == "P", i + 1 < lines.count, lines[i + 1].lower.hasPrefix("age "),
                      isPageLabel("p" + lines[i + 1].lower) {
                // "Page 24" broken after its first letter by the extraction.
                lines[i].isFurniture = true
                lines[i + 1].isFurniture = true
            } else if text.count <= 3, TextScanning.isAllDigits(text),
                      i == 0 || lines[i - 1].text.isEmpty, i + 1 == lines.count || lines[i + 1].text.isEmpty {
                // A bare page number on a line of its own.
                lines[i].isFurniture = true
            }
        }
    }

    func isURL(_ text: String) -> Bool {
        guard !text.contains(" ") else { return false }
        let lower = TextScanning.asciiLowercased(text)
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
    }

    /// "Page 16", "Page 8 of 17", "Page 16 Agenda Item 8", "Agenda Item 8 Page 16".
    func isPageLabel(_ lower: String) -> Bool {
        let words = lower.split(separator: " ")
        guard words.count >= 2, words.count <= 8 else { return false }
        var sawPage = false, sawNumber = false
        for w in words {
            switch w {
            case "page": sawPage = true
            case "of", "agenda", "item": continue
            default:
                guard TextScanning.isAllDigits(w) else { return false }
                sawNumber = true
            }
        }
        return sawPage && sawNumber
    }

    /// The committee's name (or the start or end of it) with a page number, a dash or a short date.
    func isRunningHeader(_ text: String) -> Bool {
        guard !committeeWords.isEmpty else { return false }
        let words = text.split(separator: " ").map { $0.uppercased() }
        var i = 0
        var hasNumber = false, hasDash = false
        if i < words.count, TextScanning.isAllDigits(words[i]) { hasNumber = true; i += 1 }
        guard i < words.count, let first = committeeWords.firstIndex(of: words[i]) else { return false }
        var j = first
        var matched = 0
        while i < words.count, j < committeeWords.count, words[i] == committeeWords[j] {
            i += 1; j += 1; matched += 1
        }
        let isPrefix = first == 0
        let isSuffix = j == committeeWords.count
        guard isPrefix || isSuffix else { return false }
        while i < words.count {
            let w = words[i]
            if w == "-" || w == "–" || w == "—" {
                hasDash = true
            } else if TextScanning.isAllDigits(w) || isShortDate(w) {
                hasNumber = true
            } else {
                return false
            }
            i += 1
        }
        return matched >= 1 && (hasNumber || hasDash)
    }

    /// "18/09/18", "18.09.2018".
    private func isShortDate(_ w: String) -> Bool {
        let parts = w.split(whereSeparator: { $0 == "/" || $0 == "." })
        return parts.count == 3 && parts.allSatisfy { TextScanning.isAllDigits($0) && $0.count <= 4 }
    }
}
