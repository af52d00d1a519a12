/// A file's text, with what its format says about it besides: a PDF's metadata title and
/// creation date, which stand in for the committee and meeting date when the text and the file
/// name name neither.
public struct ReadDocument: Sendable, Equatable {
    /// The text for the parser: plain text as it is, a PDF's text layer, an HTML page without its tags.
    public var text: String
    /// What the file's metadata says; the readers fill it for PDFs only.
    public var hints: SourceHints

    /// This text, with these hints.
    public init(text: String, hints: SourceHints = SourceHints()) {
        self.text = text
        self.hints = hints
    }
}

/// What a file's metadata says of the document.
public struct SourceHints: Sendable, Equatable {
    /// The document's title in its metadata (a PDF's Title).
    public var title: String?
    /// When the file was made, as its metadata records it (a PDF's CreationDate).
    public var created: MeetingDate?

    /// Hints with these values (none by default).
    public init(title: String? = nil, created: MeetingDate? = nil) {
        self.title = title
        self.created = created
    }
}
