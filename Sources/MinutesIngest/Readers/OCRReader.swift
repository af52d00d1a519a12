import Foundation

/// Reads a scanned PDF (no text layer) with OCR: poppler's `pdftoppm` renders each page, and
/// `tesseract` (Debian: tesseract-ocr) reads it. Used only when ``ReadOptions/ocr`` asks for it,
/// since OCR is slow and its text is noisy.
enum OCRReader {
    static func text(ofPDFAt input: URL, scratch: URL, path: String, options: ReadOptions) throws -> String {
        guard let tesseract = ExternalTool.locate("tesseract", in: options.toolDirectories) else {
            throw IngestError("no text layer: the PDF holds only images (a scan), and tesseract is not installed for OCR (install tesseract-ocr)", path: path)
        }
        guard let pdftoppm = ExternalTool.locate("pdftoppm", in: options.toolDirectories) else {
            throw IngestError("pdftoppm not found: install poppler-utils", path: path)
        }
        let prefix = scratch.appendingPathComponent("page")
        let rendered = try PDFReader.run(pdftoppm, ["-r", "300", "-gray", "-png", input.path, prefix.path], path: path, options: options)
        guard rendered.status == 0 else {
            throw IngestError("pdftoppm could not render the PDF for OCR: \(PDFReader.firstLine(of: rendered.errorText))", path: path)
        }
        // pdftoppm names pages page-1.png or page-01.png (padded to the page count): sort numerically.
        let pages = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
            .filter { $0.hasPrefix("page-") && $0.hasSuffix(".png") }
            .sorted { pageNumber($0) < pageNumber($1) }
        var text = ""
        for page in pages {
            let image = scratch.appendingPathComponent(page).path
            let result = try PDFReader.run(tesseract, [image, "stdout"], path: path, options: options)
            guard result.status == 0 else {
                throw IngestError("tesseract failed on \(page): \(PDFReader.firstLine(of: result.errorText))", path: path)
            }
            text += String(decoding: result.output, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "")
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw IngestError("no text layer, and OCR found no text in the PDF's images", path: path)
        }
        return text
    }

    private static func pageNumber(_ name: String) -> Int {
        Int(name.dropFirst("page-".count).dropLast(".png".count)) ?? 0
    }
}
