import Foundation

/// Why a file could not be read as a committee document.
public struct IngestError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, in words a person can act on.
    public var reason: String
    /// The file concerned.
    public var path: String

    /// The failure of the file at `path`, for this reason.
    public init(_ reason: String, path: String) {
        self.reason = reason
        self.path = path
    }

    public var description: String { "\(path): \(reason)" }
}

/// Reads a file of a supported format into text ready for the parser.
public enum DocumentReader {
    /// Extensions of web pages: councils' sites serve minutes as `.aspx` (ModernGov, CMIS) and
    /// `.php` pages, and a page saved from a browser keeps that name.
    public static let htmlExtensions: Set<String> = ["html", "htm", "xhtml", "aspx", "asp", "php"]

    /// File extensions (lower case, no dot) that ingestion accepts.
    public static let supportedExtensions: Set<String> = htmlExtensions.union(["txt", "md", "pdf"])

    /// Reads the file at `url` as text, failing with a clear reason for unsupported or unreadable files.
    public static func readText(at url: URL, options: ReadOptions = .standard) throws -> String {
        try readDocument(at: url, options: options).text
    }

    /// Decodes the already-read contents of the file at `url` as text for the parser: plain text
    /// as it is, a PDF's text layer through pdftotext, an HTML page with its tags stripped.
    public static func text(of data: Data, at url: URL, options: ReadOptions = .standard) throws -> String {
        try document(of: data, at: url, options: options).text
    }

    /// Reads the file at `url` as text with its metadata hints.
    public static func readDocument(at url: URL, options: ReadOptions = .standard) throws -> ReadDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw IngestError("cannot read file: \(error.localizedDescription)", path: url.path)
        }
        return try document(of: data, at: url, options: options)
    }

    /// As `text(of:at:options:)`, with the metadata hints the format carries (a PDF's title and
    /// creation date).
    public static func document(of data: Data, at url: URL, options: ReadOptions = .standard) throws -> ReadDocument {
        let ext = url.pathExtension.lowercased()
        guard supportedExtensions.contains(ext) else {
            throw IngestError("unsupported file type '.\(ext)' (supported: \(supportedExtensions.sorted().joined(separator: ", ")))", path: url.path)
        }
        if data.isEmpty {
            throw IngestError("the file is empty", path: url.path)
        }
        switch ext {
        case "pdf": return try PDFReader.document(ofPDF: data, path: url.path, options: options)
        case _ where htmlExtensions.contains(ext): return ReadDocument(text: HTMLReader.text(of: try decodeHTML(data, path: url.path)))
        default: break
        }
        if data.contains(0) {
            throw IngestError("the file holds NUL bytes: binary, not text", path: url.path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw IngestError("not valid UTF-8 text", path: url.path)
        }
        return ReadDocument(text: text)
    }

    /// HTML pages are UTF-8 nearly always; older exports are Windows-1252, which any byte string
    /// decodes as, so the page is never refused for its encoding.
    private static func decodeHTML(_ data: Data, path: String) throws -> String {
        if data.contains(0) {
            throw IngestError("the file holds NUL bytes: binary, not HTML", path: path)
        }
        if let text = String(data: data, encoding: .utf8) { return text }
        if let text = String(data: data, encoding: .windowsCP1252) { return text }
        throw IngestError("not valid UTF-8 or Windows-1252 text", path: path)
    }
}
