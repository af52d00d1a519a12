/// A line that could head an item: "15. DRAFT ELECTIVE HOME EDUCATION POLICY", "90.   TITLE",
/// "11 Implications for …" (no full stop), "CAB 45/25 Budget Monitoring".
struct NumberedHeading: Sendable, Equatable {
    /// The number as printed, without its full stop ("15", "CAB 45/25").
    var number: String
    /// The number that orders headings (45 for "CAB 45/25").
    var key: Int
    /// The heading text on this line.
    var title: String
    /// A plain number printed without a full stop ("11 Implications …"): weaker evidence of a
    /// heading. Minute references ("CAB 45/25") are never bare; they need no full stop.
    var bare: Bool

    /// Parses a cleaned line. Sub-paragraph numbers ("1.1", "13.1.1"), list markers ("1)", "(a)")
    /// and bullets never parse.
    static func parse(_ line: SourceLine) -> NumberedHeading? {
        guard !line.isBullet, !line.isFurniture else { return nil }
        let s = Array(line.text.unicodeScalars)
        guard let first = s.first else { return nil }
        var i = 0
        var number = ""
        var key = 0
        if TextScanning.isDigit(first) {
            while i < s.count, TextScanning.isDigit(s[i]), i < 4 { key = key * 10 + Int(s[i].value - 48); i += 1 }
            guard i < s.count, i <= 4 else { return nil }
            number = String(String.UnicodeScalarView(s[0..<i]))
            if s[i] == "/" {
                // A minute reference without a prefix: "45/25".
                var j = i + 1
                while j < s.count, TextScanning.isDigit(s[j]) { j += 1 }
                guard j > i + 1 else { return nil }
                number = String(String.UnicodeScalarView(s[0..<j]))
                i = j
            }
        } else if TextScanning.isUpper(first) {
            // "CAB 45/25", "EX12/24": a committee's minute reference.
            var j = 0
            while j < s.count, j < 6, TextScanning.isUpper(s[j]), s[j].isASCII { j += 1 }
            guard j >= 1, j < s.count else { return nil }
            var k = j
            if s[k] == " " { k += 1 }
            let digitsStart = k
            var value = 0
            while k < s.count, TextScanning.isDigit(s[k]) { value = value * 10 + Int(s[k].value - 48); k += 1 }
            guard k > digitsStart, k < s.count, s[k] == "/" else { return nil }
            k += 1
            let yearStart = k
            while k < s.count, TextScanning.isDigit(s[k]) { k += 1 }
            guard k > yearStart else { return nil }
            number = String(String.UnicodeScalarView(s[0..<k]))
            key = value
            i = k
        } else {
            return nil
        }
        var bare = !number.contains("/")
        if i < s.count, s[i] == "." { bare = false; i += 1 }
        guard i < s.count, TextScanning.isSpace(s[i]) else { return nil }
        while i < s.count, TextScanning.isSpace(s[i]) { i += 1 }
        guard i < s.count else { return nil }
        // The heading text starts with a capital (after any opening quote or bracket).
        var j = i
        while j < s.count, s[j] == "\"" || s[j] == "'" || s[j] == "(" || s[j] == "‘" || s[j] == "“" { j += 1 }
        guard j < s.count, TextScanning.isUpper(s[j]) else { return nil }
        let title = String(String.UnicodeScalarView(s[i...]))
        return NumberedHeading(number: number, key: key, title: title, bare: bare)
    }
}
