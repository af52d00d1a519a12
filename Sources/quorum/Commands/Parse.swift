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

        @Option(help: ArgumentHelp("Score the parse against a gold annotation (the schema of shared/gold/seeds.json): items, meeting dates, committee, present.", valueName: "GOLD"))
        var score: String?

        @Flag(help: "Say how each line was read: its role and the rule behind it, and which meeting date and committee won and why.")
        var explain = false

        @Flag(help: "With --score: list each file's missed and extra items, wrong dates and committee.")
        var verbose = false

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one file to parse.") }
        }

        func run() throws {
            let parser = MinutesParser()
            var documents: [MinutesDocument] = []
            var failed = false
            for file in files {
                do {
                    let read = try DocumentReader.readDocument(at: URL(fileURLWithPath: file))
                    let name = (file as NSString).lastPathComponent
                    if explain {
                        print(parser.explain(read.text, fileName: name, hints: read.hints))
                        continue
                    }
                    documents.append(parser.parse(read.text, fileName: name, hints: read.hints))
                } catch {
                    printError("failed \(file): \(error)")
                    failed = true
                }
            }
            if explain {
                // Already printed, file by file.
            } else if let score {
                try printScore(goldPath: score, documents: documents)
            } else if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(documents), as: UTF8.self))
            } else {
                for document in documents { print(DocumentOutline(document).text) }
            }
            if failed { throw ExitCode(1) }
        }

        private func printScore(goldPath: String, documents: [MinutesDocument]) throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: goldPath))
            let parsedFiles = Set(documents.map(\.file))
            let gold = try JSONDecoder().decode([StructureGold].self, from: data).filter { parsedFiles.contains($0.file) }
            let result = StructureScore(gold: gold, predicted: documents)
            for file in result.files {
                let committee = file.committeeRight.map { $0 ? "right" : "WRONG (\(file.predictedCommittee ?? "none"))" } ?? "-"
                let present = file.presentScores.isEmpty ? "-" : file.presentScores.map { String(format: "%.2f", $0) }.joined(separator: " ")
                print("\(file.file): items gold=\(file.goldItems) parsed=\(file.predictedItems) matched=\(file.matchedItems) "
                      + "dates \(file.datesFound)/\(file.datesWanted) committee \(committee) present \(present)")
                guard verbose else { continue }
                for m in file.missed { print("   missed: \(m)") }
                for e in file.extra { print("   extra:  \(e)") }
                for d in file.wrongDates { print("   date:   \(d)") }
            }
            print("structure: \(result)")
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
