/// Splits the text of a committee document into sections and items, with their metadata.
public struct MinutesParser: Sendable {
    public init() {}

    /// Parses a document's text. `fileName` is the basename recorded in the result.
    /// Line numbers in the result are 1-based lines of `text` as given.
    public func parse(_ text: String, fileName: String) -> MinutesDocument {
        // Placeholder until the structure parser lands; returns no sections.
        MinutesDocument(file: fileName, committee: nil, sections: [])
    }
}
