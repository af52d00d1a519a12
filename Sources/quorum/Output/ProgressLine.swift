import Foundation

/// The one line `quorum index` keeps up to date on a terminal — files and items done, items per
/// second, time left — rewritten in place (carriage return, erase line), at most ten times a
/// second. Made only when standard output is a terminal: piped or redirected output gets the
/// per-file lines instead, and nothing extra.
final class ProgressLine {
    private let totalFiles: Int
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var shown = false

    /// A progress line for `totalFiles` files, or nil when standard output is not a terminal.
    init?(totalFiles: Int) {
        guard isatty(STDOUT_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        self.totalFiles = totalFiles
    }

    /// Redraws the line, unless it was drawn less than 0.1 s ago (`force`: draw anyway).
    func update(filesDone: Int, items: Int, force: Bool = false) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let seconds = max(now.timeIntervalSince(started), 0.001)
        var line = "indexing: \(filesDone) of \(totalFiles) files, \(items) items, \(Int((Double(items) / seconds).rounded())) items/s"
        if filesDone > 0, filesDone < totalFiles {
            line += ", " + Self.duration(seconds / Double(filesDone) * Double(totalFiles - filesDone)) + " left"
        }
        write("\r\u{1B}[K" + line)
        shown = true
    }

    /// Clears the line, so that another can be printed where it stood.
    func clear() {
        guard shown else { return }
        write("\r\u{1B}[K")
        shown = false
    }

    /// "42 s", "3 min 5 s", "2 h 10 min".
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
