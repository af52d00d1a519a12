/// Small, allocation-light helpers for scanning lines of text without regular expressions:
/// the parser calls them on every line, so they stay simple loops over scalars.
enum TextScanning {
    /// Splits a list of names on " and " (or " & ") outside brackets: "Simpson and Julie Turner" is two
    /// names, while the "and" of "(Chair and Vice-Chair)" separates nothing.
    static func splitOnAnd(_ text: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        // "&" joins the last two names as "and" does ("Susan Marr & Chris Plant").
        while let r = [rest.range(of: " and "), rest.range(of: " & ")].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let before = rest[..<r.lowerBound]
            if before.filter({ $0 == "(" }).count > before.filter({ $0 == ")" }).count { break }
            pieces.append(String(before))
            rest = rest[r.upperBound...]
        }
        pieces.append(String(rest))
        return pieces
    }

    /// Whether `text` holds any of `needles` (UTF-8 bytes): a byte search for the passes that
    /// test every line for a few keywords, where Foundation's string search costs a call each.
    static func containsAny(of needles: [[UInt8]], in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            for start in 0..<bytes.count {
                let b = bytes[start]
                for needle in needles where needle[0] == b && start + needle.count <= bytes.count {
                    var k = 1
                    while k < needle.count, bytes[start + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
            }
            return false
        }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 32 || s.value == 9 }
        return s == "\u{00A0}" || s == "\u{202F}" || (s.value >= 0x2000 && s.value <= 0x200A)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    // ASCII fast paths: Unicode property lookups cost far more, and nearly all text is ASCII.
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 : s.properties.isAlphabetic
    }

    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s.value >= 65 && s.value <= 90 : s.properties.isUppercase
    }

    static func isLower(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s.value >= 97 && s.value <= 122 : s.properties.isLowercase
    }

    /// Collapses runs of white space into one space and trims both ends.
    static func collapseSpaces<S: StringProtocol>(_ text: S) -> String {
        // Fast path over bytes for ASCII text, which is nearly all of it.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var ascii = true
        var pending = false
        for b in text.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b == 32 || b == 9 || b == 10 || b == 13 {
                pending = !bytes.isEmpty
            } else {
                if pending { bytes.append(32) }
                pending = false
                bytes.append(b)
            }
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if isSpace(s) || s == "\n" || s == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(s)
            }
        }
        return String(out)
    }

    /// Whether the letters of `text` are (nearly) all capitals, as minute headings often are.
    /// Text without letters counts as upper case so that "2018/19" can continue a capitalised heading.
    static func isUppercaseText<S: StringProtocol>(_ text: S) -> Bool {
        var upper = 0, lower = 0
        for s in text.unicodeScalars where isLetter(s) {
            if isUpper(s) { upper += 1 } else if isLower(s) { lower += 1 }
        }
        return lower == 0 || (upper >= 4 && lower * 10 <= upper)
    }

    /// Whether the text has any letter at all.
    static func hasLetters<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.contains(where: isLetter)
    }

    /// The first scalar that is a letter, if any.
    static func firstLetter<S: StringProtocol>(_ text: S) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isLetter)
    }

    static func wordCount<S: StringProtocol>(_ text: S) -> Int {
        var count = 0, inWord = false
        for s in text.unicodeScalars {
            if isSpace(s) { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    static func isAllDigits<S: StringProtocol>(_ text: S) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy(isDigit)
    }

    /// Whether the text ends a sentence rather than a heading.
    static func endsLikeSentence<S: StringProtocol>(_ text: S) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return last == "." || last == ";" || last == ","
    }

    /// Removes printed page references such as "(Pages 1 - 8)" or "(Page 46)" from a heading.
    static func removePageReferences(_ text: String) -> String {
        guard text.contains("(Page") || text.contains("(page") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "(") {
            let afterOpen = rest[rest.index(after: open)...]
            if let close = afterOpen.firstIndex(of: ")"), isPageReference(afterOpen[..<close]) {
                result += rest[..<open]
                rest = afterOpen[afterOpen.index(after: close)...]
            } else {
                result += rest[...open]
                rest = afterOpen
            }
        }
        result += rest
        return collapseSpaces(result)
    }

    /// "Pages 1 - 8", "Page 46": the inside of a page reference.
    static func isPageReference<S: StringProtocol>(_ inner: S) -> Bool {
        let words = inner.split(whereSeparator: { $0 == " " })
        guard let first = words.first, first.lowercased() == "page" || first.lowercased() == "pages", words.count >= 2 else { return false }
        return words.dropFirst().allSatisfy { w in w.unicodeScalars.allSatisfy { isDigit($0) || $0 == "-" || $0 == "–" } }
    }

    /// Lower-cases ASCII letters only: enough for matching keywords, and cheaper than full case mapping.
    static func asciiLowercased<S: StringProtocol>(_ text: S) -> String {
        // Bytes of multi-byte UTF-8 sequences are all >= 0x80, so this never breaks one.
        var bytes = Array(text.utf8)
        for i in bytes.indices where bytes[i] >= 65 && bytes[i] <= 90 { bytes[i] += 32 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
