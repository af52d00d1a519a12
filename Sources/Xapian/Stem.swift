import CXapian

/// A Snowball stemmer, e.g. `Stem(language: "english")` maps "educated" and "education" to "educ".
public final class Stem {
    let handle: OpaquePointer
    /// The language it was created for.
    public let language: String

    /// A stemmer for `language` ("english", "en", "none"…); `.invalidArgument` if unknown.
    public init(language: String) throws {
        handle = try create { cx_stem_new(language, $0, $1) }
        self.language = language
    }

    deinit {
        cx_stem_free(handle)
    }

    /// The stem of one word (as the indexer stores it, before any `Z` prefix).
    public func stem(_ word: String) -> String {
        (try? withBytes(word) { p, n in try fetchString { cx_stem_apply(handle, p, n, $0, $1, $2) } }) ?? word
    }
}
