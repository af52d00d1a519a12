import Mustache

/// Renders Quorum's pages from the templates built into the binary (``EmbeddedPages``, made from
/// `Pages/Templates/` by `scripts/embed-pages`). Values are HTML-escaped by mustache unless a
/// template asks for `{{{html}}}`, which only ever holds text the page code escaped itself.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    /// The stylesheet every page links to, served at `/style.css`.
    static let stylesheet = EmbeddedPages.files["style.css"] ?? ""

    /// The templates, parsed once.
    static let shared = PageRenderer()

    /// Parses every template. The templates are part of the binary, so one that does not parse
    /// is a programming error (and PageTests renders each).
    private init() {
        var library = MustacheLibrary()
        for (file, text) in EmbeddedPages.files where file.hasSuffix(".mustache") {
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                preconditionFailure("the template \(file) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// The page `template` shows for `values`.
    func render(_ template: String, _ values: [String: Any]) -> String {
        library.render(values, withTemplate: template) ?? ""
    }
}

/// HTML escaping for the few places the page code builds markup itself (highlighted text).
enum HTMLText {
    /// `text` with `& < > " '` escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A snippet as Xapian makes it (its text HTML-escaped, matches between `<b>` and `</b>`)
    /// with the matches as `<mark>`.
    static func marked(snippet: String) -> String {
        snippet.replacingOccurrences(of: "<b>", with: "<mark>").replacingOccurrences(of: "</b>", with: "</mark>")
    }
}
