/// Limits and choices for reading documents that need a helper program (PDF through pdftotext,
/// scans through tesseract).
public struct ReadOptions: Sendable, Equatable {
    /// Longest one helper program may run, in seconds, before it is killed and the file failed.
    public var timeout: Double
    /// Most bytes of text a helper may produce; more means a broken or hostile file.
    public var maxTextBytes: Int
    /// Largest text, Markdown or HTML file read; a bigger one is refused unread (minutes are
    /// kilobytes, so megabytes of text are a runaway export or a hostile file).
    public var maxTextFileBytes: Int
    /// Most memory (address space) a helper program may take, in bytes, enforced with
    /// `prlimit --as` (util-linux); nil for no limit.
    public var helperMemoryBytes: Int?
    /// Read PDFs without a text layer (scans) with OCR, when tesseract is installed.
    public var ocr: Bool
    /// Where to look for helper programs; nil means the directories of `PATH`.
    public var toolDirectories: [String]?

    /// Options with these limits; the defaults are those of ``standard``.
    public init(timeout: Double = 60, maxTextBytes: Int = 64 << 20, maxTextFileBytes: Int = 16 << 20,
                helperMemoryBytes: Int? = 1 << 30, ocr: Bool = false, toolDirectories: [String]? = nil) {
        self.timeout = timeout
        self.maxTextBytes = maxTextBytes
        self.maxTextFileBytes = maxTextFileBytes
        self.helperMemoryBytes = helperMemoryBytes
        self.ocr = ocr
        self.toolDirectories = toolDirectories
    }

    /// The defaults: one minute, 64 MiB of text, text files up to 16 MiB, 1 GiB of memory per
    /// helper, no OCR, tools from `PATH`.
    public static let standard = ReadOptions()
}
