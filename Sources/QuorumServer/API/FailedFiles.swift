import Foundation
import MinutesIndex

/// The failed sources as `/status` lists them: paths relative to their watched folder, so the
/// list reads as the folder a person drops files into, with the reason and when it was seen.
enum FailedFiles {
    static func list(_ sources: [SourceRecord], watchFolders: [String]) -> [StatusReport.FailedFile] {
        let formatter = ISO8601DateFormatter()
        return sources.filter { $0.state == .failed }.map { source in
            StatusReport.FailedFile(
                path: relativePath(source.path, watchFolders: watchFolders),
                reason: source.reason ?? "unknown",
                since: formatter.string(from: Date(timeIntervalSince1970: source.indexedAt)))
        }
    }

    static func relativePath(_ path: String, watchFolders: [String]) -> String {
        for folder in watchFolders {
            let root = folder.hasSuffix("/") ? folder : folder + "/"
            if path.hasPrefix(root) { return String(path.dropFirst(root.count)) }
        }
        return path
    }
}
