/// A line that could head an item: "15. DRAFT ELECTIVE HOME EDUCATION POLICY", "90.   TITLE",
/// "11 Implications for …" (no full stop), "CAB 45/25 Budget Monitoring", "33A. Title",
/// "Item 5: Title", "Minute 12 Title", "167.0 Title", "1.MINUTES" and "1APOLOGIES" (no space), or
/// a number or reference alone on its line ("66.", "39/20", "18-19/FRA/1", "Item 4") whose title
/// is the next line, as ModernGov's "No. Item" listings print it.
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
    /// The line holds the number alone: the title is on the next line.
    var titleOnNextLine = false

    /// Parses a cleaned line. Sub-paragraph numbers ("1.1", "13.1.1"), list markers ("1)", "(a)")
    /// and bullets never parse.
    static func parse(_ line: SourceLine) -> NumberedHeading? {
        guard !line.isBullet, !line.isFurniture else { return nil }
        if let labelled = parseLabelled(line.text) { return labelled }
        return parse(scalars: Array(line.text.unicodeScalars))
    }

    /// "18-19/FRA/1", "Cou/285/07-08" alone on a line: a minute reference whose title is the
    /// next line (or, on a line of its own, the rest of the line). It orders by its last group of digits alone.
    private static func compoundReference(_ s: [Unicode.Scalar]) -> NumberedHeading? {
        guard s.count >= 5, s.count <= 20, s.contains("/"),
              s.allSatisfy({ TextScanning.isDigit($0) || ($0.isASCII && TextScanning.isLetter($0)) || $0 == "/" || $0 == "-" }),
              s.contains(where: { TextScanning.isDigit($0) }) else { return nil }
        let groups = String(String.UnicodeScalarView(s)).split(separator: "/")
        // "39/20" is the simple minute reference, read below; here the counter is the last group
        // of digits alone ("1" of "18-19/FRA/1", "285" of "Cou/285/07-08").
        guard groups.count >= 2, !(groups.count == 2 && groups.allSatisfy({ $0.allSatisfy(\.isNumber) })),
              let counter = groups.last(where: { $0.allSatisfy(\.isNumber) }), let key = Int(counter),
              DateExtractor.firstDate(in: String(String.UnicodeScalarView(s))) == nil else { return nil }
        return NumberedHeading(number: String(String.UnicodeScalarView(s)), key: key, title: "", bare: false, titleOnNextLine: true)
    }

    /// Words that stand before an item's number: "Item 5", "Agenda Item 5:", "Minute 12", "Min. 12".
    private static let numberLabels = ["agenda item ", "items ", "item ", "minute no. ", "minute no ", "minute ", "min. ", "min "]

    /// "Item 5: Title", "Minute 12 – Title", "Item 4" alone.
    private static func parseLabelled(_ text: String) -> NumberedHeading? {
        let lower = TextScanning.asciiLowercased(text)
        guard let label = numberLabels.first(where: { lower.hasPrefix($0) }) else { return nil }
        let rest = Array(text.unicodeScalars.dropFirst(label.unicodeScalars.count))
        var i = 0
        var key = 0
        while i < rest.count, i < 4, TextScanning.isDigit(rest[i]) { key = key * 10 + Int(rest[i].value - 48); i += 1 }
        guard i > 0 else { return nil }
        var number = String(String.UnicodeScalarView(rest[0..<i]))
        // "Items 1/2. Welcome/Apologies", "Items 3 & 4": one heading over two items, numbered
        // as printed and ordered by its first.
        if label == "items ", let joined = joinedSecondNumber(rest, from: i) {
            number += String(String.UnicodeScalarView(rest[i..<joined]))
            i = joined
        }
        // "Item 5(a)" is not the heading of one item.
        while i < rest.count, rest[i] == "." || rest[i] == ":" || rest[i] == "-" || rest[i] == "–" || TextScanning.isSpace(rest[i]) { i += 1 }
        if i == rest.count { return NumberedHeading(number: number, key: key, title: "", bare: false, titleOnNextLine: true) }
        guard TextScanning.isUpper(rest[i]) else { return nil }
        return NumberedHeading(number: number, key: key, title: String(String.UnicodeScalarView(rest[i...])), bare: false)
    }

    /// Where "/2", " & 2", " and 2" or "-2" after an item's number ends, if one follows `i`.
    private static func joinedSecondNumber(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        for joiner in ["/", " & ", " and ", "-"] {
            let j = Array(joiner.unicodeScalars)
            guard i + j.count < s.count, Array(s[i..<(i + j.count)]) == j else { continue }
            var end = i + j.count
            while end < s.count, end - i - j.count < 3, TextScanning.isDigit(s[end]) { end += 1 }
            if end > i + j.count { return end }
        }
        return nil
    }

    private static func parse(scalars s: [Unicode.Scalar]) -> NumberedHeading? {
        guard let first = s.first else { return nil }
        if let reference = compoundReference(s) { return reference }
        // "Cou/286/07-08 Apologies for Absence": the reference with its title on the line.
        if let space = s.firstIndex(of: " "), space >= 5, space + 1 < s.count, TextScanning.isUpper(s[space + 1]),
           var reference = compoundReference(Array(s[..<space])) {
            reference.title = String(String.UnicodeScalarView(s[(space + 1)...]))
            reference.titleOnNextLine = false
            return reference
        }
        let lead: Lead
        if TextScanning.isDigit(first) {
            lead = leadingNumber(s)
        } else if TextScanning.isUpper(first) {
            lead = minuteReference(s)
        } else {
            return nil
        }
        switch lead {
        case let .decided(heading): return heading
        case let .number(number, key, end): return heading(number: number, key: key, titleFrom: end, in: s)
        }
    }

    /// What the start of a line makes of it: a heading (or none) decided already, or an item
    /// number whose title is read from `end` on.
    private enum Lead {
        case decided(NumberedHeading?)
        case number(String, key: Int, end: Int)
    }

    /// "12", "12.", "33A.", "167.0 Title", "45/25", "1APOLOGIES": a line that starts with digits.
    private static func leadingNumber(_ s: [Unicode.Scalar]) -> Lead {
        var i = 0
        var key = 0
        while i < s.count, TextScanning.isDigit(s[i]), i < 4 { key = key * 10 + Int(s[i].value - 48); i += 1 }
        guard i <= 4 else { return .decided(nil) }
        // "66." or "66" alone: the title follows on the next line.
        if i == s.count || (i + 1 == s.count && s[i] == ".") {
            return .decided(NumberedHeading(number: String(String.UnicodeScalarView(s[0..<i])), key: key, title: "",
                                            bare: i == s.count, titleOnNextLine: true))
        }
        // "167.0 Title": a scheme that numbers items N.0 and their paragraphs N.1, N.2.
        // "167.0. Title" too.
        let zeroEnd = i + 2 < s.count && s[i + 2] == "." ? i + 3 : i + 2
        if zeroEnd < s.count, s[i] == ".", s[i + 1] == "0", TextScanning.isSpace(s[zeroEnd]) {
            let title = String(String.UnicodeScalarView(s[zeroEnd...])).trimmingAny(of: " ")
            guard let first = title.unicodeScalars.first, TextScanning.isUpper(first) else { return .decided(nil) }
            return .decided(NumberedHeading(number: String(String.UnicodeScalarView(s[0..<(i + 2)])), key: key, title: title, bare: false))
        }
        // "33A. Title": a letter suffix numbers an item added between two others.
        if i + 1 < s.count, TextScanning.isUpper(s[i]), s[i].isASCII, s[i + 1] == "." { i += 1 }
        var number = String(String.UnicodeScalarView(s[0..<i]))
        if s[i] == "/" {
            // A minute reference without a prefix: "45/25".
            var j = i + 1
            while j < s.count, TextScanning.isDigit(s[j]) { j += 1 }
            guard j > i + 1 else { return .decided(nil) }
            number = String(String.UnicodeScalarView(s[0..<j]))
            i = j
            // "39/20" alone on its line, its title below (ModernGov's item listings).
            if i == s.count || (i + 1 == s.count && s[i] == ".") {
                return .decided(NumberedHeading(number: number, key: key, title: "", bare: false, titleOnNextLine: true))
            }
        } else if i <= 2, i + 2 < s.count, TextScanning.isUpper(s[i]), TextScanning.isUpper(s[i + 1]), TextScanning.isUpper(s[i + 2]),
                  !["ST", "ND", "RD", "TH"].contains(String(String.UnicodeScalarView(s[i..<(i + 2)]))) {
            // "1APOLOGIES": the space between number and heading lost.
            return .decided(NumberedHeading(number: String(String.UnicodeScalarView(s[0..<i])), key: key,
                                            title: String(String.UnicodeScalarView(s[i...])), bare: false))
        }
        return .number(number, key: key, end: i)
    }

    /// "CAB 45/25", "EX12/24": a committee's minute reference, numbered by its first figure.
    private static func minuteReference(_ s: [Unicode.Scalar]) -> Lead {
        var j = 0
        while j < s.count, j < 6, TextScanning.isUpper(s[j]), s[j].isASCII { j += 1 }
        guard j >= 1, j < s.count else { return .decided(nil) }
        var k = j
        if s[k] == " " { k += 1 }
        let digitsStart = k
        var value = 0
        while k < s.count, TextScanning.isDigit(s[k]) { value = value * 10 + Int(s[k].value - 48); k += 1 }
        guard k > digitsStart, k < s.count, s[k] == "/" else { return .decided(nil) }
        k += 1
        let yearStart = k
        while k < s.count, TextScanning.isDigit(s[k]) { k += 1 }
        guard k > yearStart else { return .decided(nil) }
        return .number(String(String.UnicodeScalarView(s[0..<k])), key: value, end: k)
    }

    /// The heading of item `number` whose title starts at `start` (after its full stop and
    /// spaces), or nil when what follows is no title.
    private static func heading(number: String, key: Int, titleFrom start: Int, in s: [Unicode.Scalar]) -> NumberedHeading? {
        var i = start
        var bare = !number.contains("/")
        if i < s.count, s[i] == "." { bare = false; i += 1 }
        if i < s.count, !TextScanning.isSpace(s[i]), !bare, !number.contains("/") {
            // "1.MINUTES": the space after the full stop lost, a capitalised word follows.
            guard i + 1 < s.count, TextScanning.isUpper(s[i]), TextScanning.isUpper(s[i + 1]) else { return nil }
            return NumberedHeading(number: number, key: key, title: String(String.UnicodeScalarView(s[i...])), bare: false)
        }
        guard i < s.count, TextScanning.isSpace(s[i]) else { return nil }
        while i < s.count, TextScanning.isSpace(s[i]) { i += 1 }
        guard i < s.count else { return nil }
        // The heading text starts with a capital (after any opening quote or bracket).
        var j = i
        while j < s.count, s[j] == "\"" || s[j] == "'" || s[j] == "(" || s[j] == "‘" || s[j] == "“" { j += 1 }
        guard j < s.count, TextScanning.isUpper(s[j]) else { return nil }
        let title = String(String.UnicodeScalarView(s[i...]))
        // "15 SEPTEMBER 2017 …" is a date, not item 15.
        if let word = title.split(separator: " ").first, DateExtractor.months[TextScanning.asciiLowercased(word.trimmingAny(of: ",."))] != nil { return nil }
        return NumberedHeading(number: number, key: key, title: title, bare: bare)
    }
}
