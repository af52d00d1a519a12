import Foundation

/// Why a file could not be read as a committee document.
public struct IngestError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, in words a person can act on.
    public var reason: String
    /// The file concerned.
    public var path: String

    public init(_ reason: String, path: String) {
        self.reason = reason
        self.path = path
    }

    public var description: String { "\(path): \(reason)" }
}

/// Reads a file of a supported format into text ready for the parser.
public enum DocumentReader {
    /// File extensions (lower case, no dot) that ingestion accepts.
    public static let supportedExtensions: Set<String> = ["txt", "md"]

    /// Reads the file at `url` as text, failing with a clear reason for unsupported or unreadable files.
    public static func readText(at url: URL) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw IngestError("cannot read file: \(error.localizedDescription)", path: url.path)
        }
        return try text(of: data, at: url)
    }

    /// Decodes the already-read contents of the file at `url` as text for the parser.
    public static func text(of data: Data, at url: URL) throws -> String {
        let ext = url.pathExtension.lowercased()
        guard supportedExtensions.contains(ext) else {
            throw IngestError("unsupported file type '.\(ext)' (supported: \(supportedExtensions.sorted().joined(separator: ", ")))", path: url.path)
        }
        if data.isEmpty {
            throw IngestError("the file is empty", path: url.path)
        }
        if data.contains(0) {
            throw IngestError("the file holds NUL bytes: binary, not text", path: url.path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw IngestError("not valid UTF-8 text", path: url.path)
        }
        return text
    }
}
