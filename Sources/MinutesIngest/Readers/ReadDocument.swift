/// A file's text, with what its format says about it besides: a PDF's metadata title and
/// creation date, which stand in for the committee and meeting date when the text and the file
/// name name neither.
public struct ReadDocument: Sendable, Equatable {
    public var text: String
    public var hints: SourceHints

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

    public init(title: String? = nil, created: MeetingDate? = nil) {
        self.title = title
        self.created = created
    }
}
