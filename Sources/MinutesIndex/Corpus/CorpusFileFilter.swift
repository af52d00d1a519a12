import MinutesIngest

/// Which files under a corpus folder are documents to index, shared by `quorum index`'s walk,
/// quorumd's start-up scan and its live watcher, so that none of them can disagree about what
/// belongs to the corpus (a file in a hidden folder indexed by one and deleted by another).
public struct CorpusFileFilter: Sendable, Hashable {
    /// The formats the ingest readers handle.
    public static let defaultExtensions: Set<String> = DocumentReader.supportedExtensions

    /// Suffixes of files that are still being written or are an editor's scratch copy:
    /// downloaders and `rsync`-like tools write `name.part`/`name.tmp` and rename at the end.
    public static let defaultPartialSuffixes: [String] = [".part", "~", ".tmp", ".swp", ".crdownload"]

    /// Lower-case extensions, without the dot, of files that count as documents.
    public var extensions: Set<String>
    /// Suffixes of file names that are never documents, whatever their extension.
    public var partialSuffixes: [String]

    /// A filter accepting `extensions` (compared case-insensitively) and rejecting dotfiles and partial files.
    public init(
        extensions: Set<String> = CorpusFileFilter.defaultExtensions,
        partialSuffixes: [String] = CorpusFileFilter.defaultPartialSuffixes
    ) {
        self.extensions = Set(extensions.map { $0.lowercased() })
        self.partialSuffixes = partialSuffixes
    }

    /// Whether a file with this name (last path component) is a document to index.
    public func accepts(fileName name: String) -> Bool {
        // Dotfiles are hidden on purpose (editors' `.x.swp`, `.~lock.x#`, the temp name of an
        // atomic write), so they are never documents even with a supported extension.
        guard !name.hasPrefix("."), !name.isEmpty else { return false }
        if partialSuffixes.contains(where: { name.hasSuffix($0) }) { return false }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// Whether the scanner and watcher descend into a sub-folder with this name:
    /// hidden folders (`.git`, `.Trash-1000`) are not part of the corpus.
    public func descends(intoFolderNamed name: String) -> Bool {
        !name.hasPrefix(".") && !name.isEmpty
    }
}
