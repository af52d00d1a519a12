/// Marks page furniture: what a PDF extraction leaves from page headers and footers, which must
/// never split an item or end up in its text. Running headers are recognised by the committee's
/// name with a page number, a dash or a short date ("IMPROVING LIVES SELECT COMMISSION - 3",
/// " 2 IMPROVING LIVES SELECT" / "COMMISSION -"), page labels by their words ("Page 16 Agenda
/// Item 8", "Page 8 of 17", "P" / "age 24"), stray URLs by being alone on their line.
struct PageFurniture {
    /// Words of the committee name with ASCII letters lower-cased, when known.
    let committeeWords: [String]

    /// Longest a running header can be: the name plus a page number, a dash and a date.
    private let maxHeaderLength: Int

    init(committee: String?) {
        committeeWords = TextScanning.asciiLowercased(committee ?? "").split(separator: " ").map(String.init)
        maxHeaderLength = (committee?.utf8.count ?? 0) + 24
    }

    func mark(_ lines: inout [SourceLine]) {
        for i in lines.indices where !lines[i].text.isEmpty {
            let text = lines[i].text
            if isURL(text) || isPageLabel(lines[i].lower) || isRunningHeader(lines[i].lower) || isBlockLabel(lines[i].lower) {
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

    /// "Minutes:" alone on its line: the label modern.gov pages print above each item's minutes
    /// (and "Decision:" above an executive decision). It is layout, not text of the item.
    func isBlockLabel(_ lower: String) -> Bool {
        lower == "minutes:" || lower == "decision:" || lower == "minute:" || Self.webFurniture.contains(lower)
            || lower.hasPrefix("view the background to item") || lower.hasPrefix("view the reasons why item")
            || lower.hasPrefix("view the decision for item") || lower.hasPrefix("view the reasons item")
    }

    /// Lines that ModernGov, CMIS and council sites print around every item: links and labels.
    private static let webFurniture: Set<String> = [
        "share this item", "additional documents:", "supporting documents:", "documents:", "[show full text]",
        "print this page", "back to top", "skip to content", "skip to main content", "expand all", "collapse all",
        "restricted enclosure", "webcast", "view the webcast", "watch the webcast", "media", "download",
    ]

    func isURL(_ text: String) -> Bool {
        guard !text.contains(" ") else { return false }
        let lower = TextScanning.asciiLowercased(text)
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
    }

    /// "Page 16", "Page 8 of 17", "Page 16 Agenda Item 8", "Agenda Item 8 Page 16".
    func isPageLabel(_ lower: String) -> Bool {
        guard lower.utf8.count <= 40, lower.hasPrefix("page") || lower.hasPrefix("agenda") else { return false }
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

    /// The committee's name (or the start or end of it) with a page number, a dash or a short
    /// date. `lower` is the line with ASCII letters lower-cased.
    func isRunningHeader(_ lower: String) -> Bool {
        guard !committeeWords.isEmpty, lower.utf8.count <= maxHeaderLength else { return false }
        let words = lower.split(separator: " ").map(String.init)
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
