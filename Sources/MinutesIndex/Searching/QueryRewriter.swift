import Foundation

/// Normalises the values of filter fields in a user's query before Xapian's parser sees it.
///
/// Boolean filter terms are matched exactly, and the index stores them as slugs
/// (`XCimproving-lives-select-commission`, `XPpitchley`), so `committee:"Improving Lives Select
/// Commission"` and `person:Pitchley` are rewritten to their slugs; free text is left alone.
enum QueryRewriter {
    /// Fields whose values are slugs in the index.
    static let sluggedFields: Set<String> = ["committee", "person", "kind", "meeting"]

    static func normaliseFilterValues(_ query: String) -> String {
        guard query.contains(":") else { return query }
        let pattern = #"\b([a-z_]+):(?:"([^"]*)"|([^\s()"]+))"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return query }
        let source = query as NSString
        var result = ""
        var cursor = 0
        for match in regex.matches(in: query, range: NSRange(location: 0, length: source.length)) {
            let field = source.substring(with: match.range(at: 1))
            guard sluggedFields.contains(field) else { continue }
            let valueRange = match.range(at: 2).location != NSNotFound ? match.range(at: 2) : match.range(at: 3)
            var value = source.substring(with: valueRange)
            if field == "kind" {
                value = value.lowercased()  // kinds are stored as written in SectionKind, with underscores
            } else if field == "meeting" {
                value = value.lowercased()
            } else {
                value = slug(value)
            }
            result += source.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            result += "\(field):\(value)"
            cursor = match.range.location + match.range.length
        }
        result += source.substring(from: cursor)
        return result
    }
}
