/// Limits and choices for reading documents that need a helper program (PDF through pdftotext,
/// scans through tesseract).
public struct ReadOptions: Sendable, Equatable {
    /// Longest one helper program may run, in seconds, before it is killed and the file failed.
    public var timeout: Double
    /// Most bytes of text a helper may produce; more means a broken or hostile file.
    public var maxTextBytes: Int
    /// Read PDFs without a text layer (scans) with OCR, when tesseract is installed.
    public var ocr: Bool
    /// Where to look for helper programs; nil means the directories of `PATH`.
    public var toolDirectories: [String]?

    public init(timeout: Double = 60, maxTextBytes: Int = 64 << 20, ocr: Bool = false, toolDirectories: [String]? = nil) {
        self.timeout = timeout
        self.maxTextBytes = maxTextBytes
        self.ocr = ocr
        self.toolDirectories = toolDirectories
    }

    /// The defaults: one minute, 64 MiB of text, no OCR, tools from `PATH`.
    public static let standard = ReadOptions()
}
