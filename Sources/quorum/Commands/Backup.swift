import ArgumentParser
import Foundation
import MinutesIndex

extension Quorum {
    /// `quorum backup`: a consistent copy of an index, while quorumd goes on writing it.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy an index at one commit into a new folder, while it is being written.",
            discussion: """
                The copy holds exactly the items of the latest commit (Xapian's compactor, run from a
                reader), with its sources, acronyms and saved searches, and a quorum-backup.json manifest
                (revision, items, uuid). quorumd may keep serving and indexing meanwhile; `POST /backup`
                asks a running daemon for the same. `quorum restore` puts a backup back.
                """)

        @OptionGroup var options: IndexOptions

        @Argument(help: ArgumentHelp("The folder to write the backup to; it must not exist.", valueName: "DIR"))
        var destination: String

        func run() throws {
            guard FileManager.default.fileExists(atPath: options.index) else {
                throw CLIError("no index at \(options.index)")
            }
            do {
                let manifest = try IndexBackup.backup(index: options.index, to: destination)
                print("backed up \(options.index) at revision \(manifest.revision) (\(manifest.items) items) into \(manifest.path)")
            } catch {
                throw CLIError("cannot back up \(options.index): \(error)")
            }
        }
    }

    /// `quorum restore`: puts a backup back as the index (the daemon stopped).
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a backup made by `quorum backup` back as the index folder (stop quorumd first).",
            discussion: """
                The backup is checked first (it opens and holds the items its manifest says). The index
                it replaces is kept beside it, renamed with the date. Files added to the watched folders
                since the backup are indexed by quorumd's next start.
                """)

        @OptionGroup var options: IndexOptions

        @Argument(help: ArgumentHelp("A folder written by `quorum backup`.", valueName: "DIR"))
        var backup: String

        func run() throws {
            do {
                let (manifest, keptAt) = try IndexBackup.restore(backup: backup, toIndex: options.index)
                print("restored \(options.index) from \(backup): revision \(manifest.revision), \(manifest.items) items"
                      + (keptAt.map { "; the index it replaced is in \($0)" } ?? ""))
            } catch {
                throw CLIError("cannot restore \(options.index): \(error)")
            }
        }
    }
}
