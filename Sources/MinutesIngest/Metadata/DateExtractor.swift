/// Finds calendar dates in the forms committee papers print them: "Tuesday 22 July 2025",
/// "18th September, 2018", "Tuesday, 27 October 2020 at 5.30 p.m.", "Monday, 13th January 2025",
/// "January 13, 2025", "30/07/2024", "18.09.18", "18-Jun-24".
public enum DateExtractor {
    private struct Token {
        var text: Substring
        var isNumber: Bool
        /// The character that follows the token ("/" in "30/07/2024"), or " ".
        var separator: Character
    }

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    ]

    /// Welsh month names, for bilingual and Welsh-language minutes ("10fed Mehefin 2020").
    static let welshMonths: [String: Int] = [
        "ionawr": 1, "chwefror": 2, "mawrth": 3, "ebrill": 4, "mai": 5, "mehefin": 6, "gorffennaf": 7,
        "awst": 8, "medi": 9, "hydref": 10, "tachwedd": 11, "rhagfyr": 12,
    ]

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    /// The first date in `text`, or nil.
    public static func firstDate<S: StringProtocol>(in text: S) -> MeetingDate? {
        let tokens = tokenize(text)
        for i in tokens.indices {
            if let date = date(at: i, in: tokens) { return date }
        }
        return nil
    }

    /// Every date in `text`, each with the text that stands before it on the line (which says
    /// whose date it is: "the previous meeting held on …", "published on …").
    public static func dates(in text: String) -> [(date: MeetingDate, before: Substring)] {
        let tokens = tokenize(text)
        var found: [(MeetingDate, Substring)] = []
        var i = 0
        while i < tokens.count {
            if let date = date(at: i, in: tokens) {
                found.append((date, text[text.startIndex..<tokens[i].text.startIndex]))
                i += 3
            } else {
                i += 1
            }
        }
        return found
    }

    /// Whether a word is part of how dates are written (weekday, month, ordinal day, year).
    static func isDateWord<S: StringProtocol>(_ word: S) -> Bool {
        let w = TextScanning.asciiLowercased(String(word.filter { $0.isLetter || $0.isNumber }))
        if w.isEmpty { return true }
        if months[w] != nil || weekdays.contains(w) { return true }
        return dayNumber(Substring(w)) != nil || (w.count == 4 && TextScanning.isAllDigits(w))
    }

    private static func tokenize<S: StringProtocol>(_ text: S) -> [Token] {
        var tokens: [Token] = []
        var start: S.Index? = nil
        var isNumber = false
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c.isLetter || c.isNumber {
                if start == nil { start = i; isNumber = c.isNumber }
            } else if let s = start {
                tokens.append(Token(text: Substring(text[s..<i]), isNumber: isNumber, separator: c))
                start = nil
            }
            i = text.index(after: i)
        }
        if let s = start { tokens.append(Token(text: Substring(text[s...]), isNumber: isNumber, separator: " ")) }
        return tokens
    }

    /// 1...31, also with an ordinal suffix ("18th", "22nd").
    /// Ordinal endings: English, and Welsh ("10fed", "1af", "2ail", "3ydd").
    private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "fed", "ed", "af", "ail", "ydd", "eg"]

    private static func dayNumber(_ t: Substring) -> Int? {
        // Called on every word of every date candidate line: bytes, not Characters.
        let bytes = t.utf8
        guard let first = bytes.first, first >= 48, first <= 57, bytes.count <= 5 else { return nil }
        var day = 0, digits = 0
        var index = bytes.startIndex
        while index < bytes.endIndex, bytes[index] >= 48, bytes[index] <= 57 {
            day = day * 10 + Int(bytes[index] - 48)
            digits += 1
            index = bytes.index(after: index)
        }
        guard digits <= 2, (1...31).contains(day) else { return nil }
        if index < bytes.endIndex {
            guard ordinalSuffixes.contains(TextScanning.asciiLowercased(t[index...])) else { return nil }
        }
        return day
    }

    private static func month(_ t: Substring) -> Int? {
        let lower = TextScanning.asciiLowercased(t)
        return months[lower] ?? welshMonths[lower]
    }

    private static func year(_ t: Substring, allowShort: Bool) -> Int? {
        // "2O24": a capital O typed or read for a zero.
        let t = t.count == 4 && t.contains(where: { $0 == "O" || $0 == "o" }) && (t.first == "2" || t.first == "1")
            ? Substring(String(t.map { $0 == "O" || $0 == "o" ? "0" : $0 })) : t
        guard TextScanning.isAllDigits(t), let y = Int(t) else { return nil }
        if t.count == 4, (1900...2100).contains(y) { return y }
        if allowShort, t.count == 2 { return y > 60 ? 1900 + y : 2000 + y }
        return nil
    }

    private static func date(at i: Int, in t: [Token]) -> MeetingDate? {
        func tok(_ k: Int) -> Token? { k < t.count ? t[k] : nil }
        guard let a = tok(i) else { return nil }
        // 22 July 2025, 18th September, 2018, 13th of January 2025, 18-Jun-24
        if let d = dayNumber(a.text), var m = tok(i + 1) {
            var k = i + 1
            if TextScanning.asciiLowercased(m.text) == "of", let next = tok(i + 2) { m = next; k = i + 2 }
            if let month = month(m.text), let y = tok(k + 1),
               let year = year(y.text, allowShort: a.separator == "-" || a.separator == "/") {
                return MeetingDate(year: year, month: month, day: d)
            }
            // 30/07/2024, 18.09.18
            if a.isNumber, a.separator == "/" || a.separator == ".", m.isNumber, m.separator == a.separator,
               let mm = Int(m.text), m.text.count <= 2, let y = tok(i + 2), let year = year(y.text, allowShort: true) {
                return MeetingDate(year: year, month: mm, day: d)
            }
        }
        // 2025-01-13, as file names and web pages' metadata write dates.
        if a.isNumber, a.text.count == 4, a.separator == "-", let y = year(a.text, allowShort: false),
           let m = tok(i + 1), m.isNumber, m.separator == "-", m.text.count <= 2, let mm = Int(m.text),
           let dt = tok(i + 2), dt.isNumber, dt.text.count <= 2, let d = Int(dt.text) {
            return MeetingDate(year: y, month: mm, day: d)
        }
        // the 22nd day of May, 1952
        if let d = dayNumber(a.text), let w = tok(i + 1), TextScanning.asciiLowercased(w.text) == "day",
           let of = tok(i + 2), TextScanning.asciiLowercased(of.text) == "of", let m = tok(i + 3), let month = month(m.text),
           let y = tok(i + 4), let year = year(y.text, allowShort: false) {
            return MeetingDate(year: year, month: month, day: d)
        }
        // January 13, 2025
        if let month = month(a.text), let dt = tok(i + 1), let d = dayNumber(dt.text), let y = tok(i + 2),
           let year = year(y.text, allowShort: false) {
            return MeetingDate(year: year, month: month, day: d)
        }
        return nil
    }
}
