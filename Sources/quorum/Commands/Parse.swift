import ArgumentParser
import Foundation
import MinutesIngest

extension Quorum {
    /// `quorum parse`: shows how ingestion splits files into sections and items, without indexing.
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the meetings, sections and items found in files, without indexing them.")

        @Argument(help: ArgumentHelp("Files to parse.", valueName: "FILE"))
        var files: [String]

        @Flag(help: "Print JSON: one object per file (file, committee, sections with items, present).")
        var json = false

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one file to parse.") }
        }

        func run() throws {
            let parser = MinutesParser()
            var documents: [MinutesDocument] = []
            var failed = false
            for file in files {
                do {
                    let text = try DocumentReader.readText(at: URL(fileURLWithPath: file))
                    documents.append(parser.parse(text, fileName: (file as NSString).lastPathComponent))
                } catch {
                    printError("failed \(file): \(error)")
                    failed = true
                }
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(documents), as: UTF8.self))
            } else {
                for document in documents { print(DocumentOutline(document).text) }
            }
            if failed { throw ExitCode(1) }
        }
    }
}

/// A human-readable outline of a parsed document.
struct DocumentOutline {
    let text: String

    init(_ document: MinutesDocument) {
        var lines = ["\(document.file) — \(document.committee ?? "unknown committee")"]
        for section in document.sections {
            let date = section.meetingDate?.iso ?? "undated"
            lines.append("  [\(section.kind.rawValue)] \(section.title) · \(date) · lines \(section.firstLine)-\(section.lastLine)")
            if let attendance = section.attendance {
                lines.append("    chair: \(attendance.chair ?? "-"); present: \(attendance.present.joined(separator: ", "))")
                if !attendance.apologies.isEmpty { lines.append("    apologies: \(attendance.apologies.joined(separator: ", "))") }
            }
            for item in section.items {
                let mark = item.resolved ? " (resolved)" : ""
                lines.append("    \(item.number). \(item.title)\(mark) · lines \(item.firstLine)-\(item.lastLine)")
            }
        }
        text = lines.joined(separator: "\n")
    }
}
