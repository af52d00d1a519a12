/// Decodes HTML character references: the named entities council pages use, and numeric ones
/// (`&#8217;`, `&#x2019;`). Unknown names are left as written, as browsers do.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "shy": "",
        "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”",
        "bdquo": "„", "hellip": "…", "bull": "•", "middot": "·", "prime": "′", "Prime": "″",
        "pound": "£", "euro": "€", "cent": "¢", "yen": "¥", "dollar": "$", "percnt": "%",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷",
        "frac12": "½", "frac14": "¼", "frac34": "¾", "sup1": "¹", "sup2": "²", "sup3": "³",
        "sect": "§", "para": "¶", "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "aacute": "á", "Aacute": "Á", "agrave": "à", "Agrave": "À", "acirc": "â", "Acirc": "Â", "auml": "ä", "Auml": "Ä",
        "aring": "å", "Aring": "Å", "atilde": "ã", "aelig": "æ", "AElig": "Æ", "ccedil": "ç", "Ccedil": "Ç",
        "eacute": "é", "Eacute": "É", "egrave": "è", "Egrave": "È", "ecirc": "ê", "Ecirc": "Ê", "euml": "ë", "Euml": "Ë",
        "iacute": "í", "Iacute": "Í", "igrave": "ì", "icirc": "î", "iuml": "ï", "ntilde": "ñ", "Ntilde": "Ñ",
        "oacute": "ó", "Oacute": "Ó", "ograve": "ò", "ocirc": "ô", "ouml": "ö", "Ouml": "Ö", "oslash": "ø", "Oslash": "Ø",
        "otilde": "õ", "uacute": "ú", "Uacute": "Ú", "ugrave": "ù", "ucirc": "û", "uuml": "ü", "Uuml": "Ü",
        "yacute": "ý", "yuml": "ÿ", "szlig": "ß", "wcirc": "ŵ", "Wcirc": "Ŵ", "ycirc": "ŷ", "Ycirc": "Ŷ",
    ]

    /// Numeric references 128–159 name Windows-1252 characters in practice (Word exports);
    /// HTML maps them so, and so do we.
    private static let windows1252: [UInt32: UInt32] = [
        128: 0x20AC, 130: 0x201A, 131: 0x0192, 132: 0x201E, 133: 0x2026, 134: 0x2020, 135: 0x2021, 136: 0x02C6,
        137: 0x2030, 138: 0x0160, 139: 0x2039, 140: 0x0152, 142: 0x017D, 145: 0x2018, 146: 0x2019, 147: 0x201C,
        148: 0x201D, 149: 0x2022, 150: 0x2013, 151: 0x2014, 152: 0x02DC, 153: 0x2122, 154: 0x0161, 155: 0x203A,
        156: 0x0153, 158: 0x017E, 159: 0x0178,
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            // References are short; a ";" far away belongs to something else.
            if let semi = after.prefix(32).firstIndex(of: ";"), let decoded = reference(after[..<semi]) {
                out += decoded
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        out += rest
        return out
    }

    private static func reference(_ body: Substring) -> String? {
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value else { return nil }
            let mapped = windows1252[value] ?? value
            // NUL, surrogates and values past Unicode become U+FFFD, as in browsers.
            guard mapped != 0, let scalar = Unicode.Scalar(mapped) else { return "\u{FFFD}" }
            return String(Character(scalar))
        }
        return named[String(body)]
    }
}
