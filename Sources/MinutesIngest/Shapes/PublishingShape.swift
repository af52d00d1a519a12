/// How a document was published, as far as its text shows: the shape decides which
/// normalisations its lines need (a pipe table's rows made lines, flattened text broken up), and
/// `quorum parse --explain` names it with the evidence, so that a new council's format can be
/// told from an old one's.
public enum PublishingShape: String, Sendable, CaseIterable {
    case moderngov = "ModernGov page"
    case cmis = "CMIS page"
    case pipeTable = "table rendered with pipes"
    case flattened = "text flattened onto long lines"
    case webPost = "web post with front matter"
    case pdfText = "PDF text"
    case plain = "plain minutes"
}

/// Recognises a document's `PublishingShape` from marks each system leaves in its text.
enum ShapeRecogniser {
    /// The shape, and what in the text showed it.
    struct Recognition: Sendable {
        var shape: PublishingShape
        var evidence: [String]
    }

    /// Lines this long, in a text with few lines, are a page or PDF flattened.
    static let flattenedLength = 500

    private static let moderngovMarks = ["share this item", "additional documents:", "pdf icon", "minutes:", "decision:", "agenda and minutes",
                                         "view the reasons why", "view the background to item", "no. item", "printed minutes", "attendance details"]
    private static let cmisMarks = ["meeting summary", "meeting details", "agenda items", "visitors", "declarations of interests", "meeting documents"]

    static func recognise(_ lines: [SourceLine]) -> Recognition {
        var pipeRows = 0, longLines = 0, pageLabels = 0, content = 0
        var moderngov: [String: Int] = [:], cmis: [String: Int] = [:]
        for line in lines where !line.text.isEmpty {
            content += 1
            let lower = line.lower
            if line.text.hasPrefix("|") || line.text.hasSuffix(" |") || line.text == "|" { pipeRows += 1 }
            if line.text.utf8.count > flattenedLength { longLines += 1 }
            if lower.hasPrefix("page "), lower.split(separator: " ").count <= 5, lower.contains(where: \.isNumber) { pageLabels += 1 }
            // The marks are short lines of their own (or open one): cheap prefix tests on short lines.
            guard line.text.utf8.count <= 80 else { continue }
            for mark in moderngovMarks where lower.hasPrefix(mark) || (mark == "pdf icon" && lower.contains(mark)) { moderngov[mark, default: 0] += 1 }
            for mark in cmisMarks where lower == mark { cmis[mark, default: 0] += 1 }
        }
        func described(_ counts: [String: Int]) -> [String] { counts.sorted { $0.key < $1.key }.map { "\"\($0.key)\" ×\($0.value)" } }
        if pipeRows >= 3 { return Recognition(shape: .pipeTable, evidence: ["\(pipeRows) lines start or end with |"]) }
        // A quarter of the lines long, or a passage of a few long lines: prose in paragraphs has
        // long lines too, among many short ones.
        if longLines > 0, longLines * 4 >= content || content <= 10 {
            return Recognition(shape: .flattened, evidence: ["\(longLines) of \(content) lines longer than \(flattenedLength) characters"])
        }
        if cmis.count >= 2 { return Recognition(shape: .cmis, evidence: described(cmis)) }
        if moderngov.count >= 2 { return Recognition(shape: .moderngov, evidence: described(moderngov)) }
        if let first = lines.first(where: { !$0.text.isEmpty }), first.text == "---", lines.dropFirst().prefix(40).contains(where: { $0.text == "---" }) {
            return Recognition(shape: .webPost, evidence: ["front matter between --- lines"])
        }
        if pageLabels >= 2 { return Recognition(shape: .pdfText, evidence: ["\(pageLabels) page labels"]) }
        return Recognition(shape: .plain, evidence: [])
    }
}
