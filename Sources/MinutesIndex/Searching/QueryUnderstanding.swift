import Foundation

/// What a person's words ask for, read before Xapian parses them: a question typed as a
/// sentence ("were the elective home education recommendations approved") is reduced to its
/// content words, and words that point at decisions ("approved", "decided", "recommendations")
/// become a preference for items that record a resolution instead of words every match must
/// hold. Text in the query syntax (quotes, `field:`, operators, brackets, `+`/`-`, wildcards) is
/// taken as written: whoever types it means it.
///
/// One place for every path: the CLI, the API, the web pages and saved searches all search
/// through ``SearchQueryParser``, which asks this first.
public struct UnderstoodQuery: Sendable, Equatable {
    /// The text the query parser reads: the content words, or the query as typed.
    public var text: String
    /// The content words, when the query is plain words (nil for query syntax): what the
    /// any-words fallback and the proximity preference are built from.
    public var words: [String]?
    /// Whether the query was a question typed as a sentence.
    public var isQuestion = false
    /// The decision words taken out of the required words; items with a resolution rank higher.
    public var decisionWords: [String] = []

    /// Whether items that record a resolution are preferred.
    public var prefersResolutions: Bool { !decisionWords.isEmpty }
}

/// Reads a query as ``UnderstoodQuery``.
public enum QueryUnderstanding {
    /// Words that open a question.
    static let questionOpeners: Set<String> = ["what", "when", "where", "who", "whom", "which", "why", "how", "were", "was",
                                               "did", "does", "do", "is", "are", "has", "have", "had", "can", "could",
                                               "should", "will", "would", "whether"]
    /// Words that point at a decision rather than at a topic.
    static let decisionWords: Set<String> = ["decided", "decide", "decides", "decision", "decisions", "approved", "approve",
                                             "approves", "approval", "agreed", "agree", "agrees", "resolved", "resolve",
                                             "resolution", "resolutions", "recommendation", "recommendations", "recommended",
                                             "endorsed", "endorse", "outcome", "outcomes", "concluded"]
    /// Words a question is built from that say nothing of its topic.
    static let questionFillers: Set<String> = ["the", "a", "an", "of", "on", "for", "to", "in", "about", "with", "by", "at",
                                               "from", "and", "or", "is", "are", "was", "were", "be", "been", "being", "did",
                                               "does", "do", "what", "when", "where", "who", "whom", "which", "why", "how",
                                               "many", "much", "there", "any", "that", "this", "these", "those", "has", "have",
                                               "had", "it", "its", "their", "they", "we", "our", "us", "i", "me", "my", "you",
                                               "can", "could", "should", "will", "would", "whether", "made", "make", "taken",
                                               "take", "say", "said", "tell", "list", "show", "find", "all", "ever", "yet",
                                               "get", "got", "happened", "happen", "latest", "last", "so", "far",
                                               "if", "not", "into", "over", "under", "up"]

    /// The understood form of `text` (trimmed already).
    public static func understand(_ text: String) -> UnderstoodQuery {
        guard !text.isEmpty, isPlain(text) else { return UnderstoodQuery(text: text, words: nil) }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "?" || $0 == "," || $0 == "!" })
            .map { String($0).trimmingCharacters(in: .punctuationCharacters) }
            .filter { !$0.isEmpty }
        guard !words.isEmpty else { return UnderstoodQuery(text: text, words: nil) }
        let lowered = words.map { $0.lowercased() }
        let isQuestion = text.hasSuffix("?") || (words.count >= 3 && questionOpeners.contains(lowered[0]))
        var decisions: [String] = []  // as typed, lower-cased
        var kept: [String] = []
        for (word, lower) in zip(words, lowered) {
            if decisionWords.contains(lower) { decisions.append(lower); continue }
            if isQuestion, questionFillers.contains(lower) { continue }
            kept.append(word)
        }
        // A query of nothing but decision words ("resolved") or fillers is about them.
        guard !kept.isEmpty else { return UnderstoodQuery(text: text, words: words, isQuestion: false) }
        // Beside a topic, decision words rank rather than restrict ("work programme approved").
        words = decisions.isEmpty && !isQuestion ? words : kept
        return UnderstoodQuery(text: words.joined(separator: " "), words: words, isQuestion: isQuestion, decisionWords: decisions)
    }

    /// Whether the text is plain words: no quotes, fields, brackets, operators, `+`/`-` or
    /// wildcards (the query syntax of ``SearchQueryParser``).
    static func isPlain(_ text: String) -> Bool {
        if text.contains(where: { "\"():*+".contains($0) }) { return false }
        for word in text.split(separator: " ") {
            if word.hasPrefix("-") { return false }
            if ["AND", "OR", "NOT", "NEAR", "ADJ", "XOR"].contains(String(word)) || word.hasPrefix("NEAR/") { return false }
        }
        return true
    }
}
