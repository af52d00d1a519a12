/// Splits a long text into passages of bounded size at paragraph breaks (else at sentence ends,
/// else at spaces), so that a document whose items were not found is still found, snippeted and
/// shown a passage at a time rather than as one huge record.
enum Passages {
    /// Longest passage, in characters: about a page of minutes.
    static let maxLength = 2_000

    static func split(_ text: String, maxLength: Int) -> [String] {
        guard text.count > maxLength else { return [text] }
        var passages: [String] = []
        var current = ""
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: true) {
            for piece in pieces(of: String(paragraph), maxLength: maxLength) {
                if !current.isEmpty, current.count + 1 + piece.count > maxLength {
                    passages.append(current)
                    current = ""
                }
                current += current.isEmpty ? piece : "\n" + piece
            }
        }
        if !current.isEmpty { passages.append(current) }
        return passages
    }

    /// A paragraph longer than `maxLength` cut at sentence ends, or at spaces when it has none.
    private static func pieces(of paragraph: String, maxLength: Int) -> [String] {
        guard paragraph.count > maxLength else { return [paragraph] }
        var result: [String] = []
        var rest = Substring(paragraph)
        while rest.count > maxLength {
            let window = rest.prefix(maxLength)
            let cut = window.range(of: ". ", options: .backwards)?.upperBound
                ?? window.lastIndex(of: " ").map { rest.index(after: $0) }
                ?? window.endIndex
            result.append(String(rest[..<cut]).trimmingSpaces())
            rest = rest[cut...]
        }
        if !rest.isEmpty { result.append(String(rest).trimmingSpaces()) }
        return result.filter { !$0.isEmpty }
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
