import Foundation

/// Reads the text layer of a PDF with poppler's `pdftotext` (Debian: poppler-utils).
///
/// `-layout` is used because the parser reads structure from the page as printed: it keeps the
/// blank lines between paragraphs and around headings (which the default reading-order mode
/// drops, leaving "15. TITLE" glued to the body) and the indentation that marks a page start.
/// Table columns come out spread with spaces, which line cleanup collapses.
public enum PDFReader {
    /// Extracts the text of the PDF held in `data`; `path` names it in errors.
    public static func text(ofPDF data: Data, path: String, options: ReadOptions = .standard) throws -> String {
        try document(ofPDF: data, path: path, options: options).text
    }

    /// The text of the PDF held in `data`, with the title and creation date of its metadata
    /// (poppler's `pdfinfo`), the parser's last resort for committee and meeting date.
    public static func document(ofPDF data: Data, path: String, options: ReadOptions = .standard) throws -> ReadDocument {
        guard data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil else {
            throw IngestError("not a PDF: the file has no %PDF header", path: path)
        }
        guard let pdftotext = ExternalTool.locate("pdftotext", in: options.toolDirectories) else {
            throw IngestError("pdftotext not found: install poppler-utils", path: path)
        }
        // The helper reads a file of ours, never the caller's path: the bytes read are the bytes
        // fingerprinted, even if the file changes meanwhile.
        let scratch = try TemporaryFolder()
        let input = scratch.url.appendingPathComponent("input.pdf")
        try data.write(to: input)
        let result = try run(pdftotext, ["-layout", "-enc", "UTF-8", "-eol", "unix", input.path, "-"], path: path, options: options)
        switch result.status {
        case _ where PDFReader.ranOutOfMemory(result, options: options):
            throw IngestError("pdftotext needed more than its \((options.helperMemoryBytes ?? 0) >> 20) MiB memory limit and was stopped", path: path)
        case 0 where !result.signalled: break
        case 1 where result.errorText.contains("password"):
            throw IngestError("the PDF is encrypted: it needs a password to open", path: path)
        case 1:
            throw IngestError("the PDF is damaged or not a PDF (pdftotext: \(firstLine(of: result.errorText)))", path: path)
        case 3:
            throw IngestError("the PDF's permissions forbid copying its text", path: path)
        default:
            throw IngestError("pdftotext failed with status \(result.status): \(firstLine(of: result.errorText))", path: path)
        }
        // Form feeds end pages; dropping them keeps line numbers equal to pdftotext's lines.
        let text = String(decoding: result.output, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "")
        let hints = metadata(of: input, path: path, options: options)
        if text.contains(where: { !$0.isWhitespace }) { return ReadDocument(text: text, hints: hints) }
        if options.ocr {
            return ReadDocument(text: try OCRReader.text(ofPDFAt: input, scratch: scratch.url, path: path, options: options), hints: hints)
        }
        throw IngestError("no text layer: the PDF holds only images (a scan); install tesseract-ocr and enable OCR to read it", path: path)
    }

    /// The PDF's Title and CreationDate, from `pdfinfo -isodates`; none when pdfinfo is missing
    /// or fails, since they are only hints.
    static func metadata(of input: URL, path: String, options: ReadOptions) -> SourceHints {
        guard let pdfinfo = ExternalTool.locate("pdfinfo", in: options.toolDirectories),
              let result = try? run(pdfinfo, ["-isodates", "-enc", "UTF-8", input.path], path: path, options: options),
              result.status == 0, !result.signalled else { return SourceHints() }
        var hints = SourceHints()
        for line in String(decoding: result.output, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("Title:") {
                let title = TextScanning.collapseSpaces(line.dropFirst("Title:".count))
                if !title.isEmpty { hints.title = title }
            } else if line.hasPrefix("CreationDate:") {
                // -isodates prints "2025-01-13T10:00:00Z".
                hints.created = MeetingDate(iso: String(TextScanning.collapseSpaces(line.dropFirst("CreationDate:".count)).prefix(10)))
            }
        }
        return hints
    }

    /// Runs a helper, turning its failures into reasons a person can act on.
    static func run(_ tool: ExternalTool, _ arguments: [String], path: String, options: ReadOptions) throws -> ExternalTool.Result {
        let name = tool.url.lastPathComponent
        do {
            return try tool.run(arguments, timeout: options.timeout, outputLimit: options.maxTextBytes,
                                memoryLimit: options.helperMemoryBytes)
        } catch ExternalTool.Failure.timedOut(let seconds) {
            throw IngestError("\(name) took longer than \(formatted(seconds)) s and was stopped", path: path)
        } catch ExternalTool.Failure.outputTooLarge(let limit) {
            throw IngestError("\(name) produced more than \(limit) bytes of text and was stopped", path: path)
        } catch ExternalTool.Failure.launchFailed(let message) {
            throw IngestError(message, path: path)
        }
    }

    /// Whether a run under a memory limit failed for want of memory: poppler reports a failed
    /// allocation on standard error, C++ aborts with `std::bad_alloc`, or the loader cannot even
    /// map the libraries into the allowed address space.
    static func ranOutOfMemory(_ result: ExternalTool.Result, options: ReadOptions) -> Bool {
        guard options.helperMemoryBytes != nil, result.status != 0 || result.signalled else { return false }
        let text = result.errorText.lowercased()
        return text.contains("bad_alloc") || text.contains("out of memory") || text.contains("cannot allocate")
            || text.contains("failed to map segment")
            || (result.signalled && [SIGABRT, SIGSEGV, SIGKILL].contains(result.status))
    }

    static func firstLine(of text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.isEmpty ? "no message" : line
    }

    private static func formatted(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
