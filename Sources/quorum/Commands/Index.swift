import ArgumentParser
import Foundation
import MinutesIndex
import MinutesIngest
import Synchronization

extension Quorum {
    /// `quorum index`: adds files and folders to an index, offline (no daemon needed).
    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Index minutes files (or folders of them, recursively) into an index folder.",
            discussion: "On a terminal, one line shows the files and items done, items per second and the time left, with failures printed above it; piped or redirected, each file gets a line.")

        @OptionGroup var options: IndexOptions

        @Argument(help: ArgumentHelp("Files or folders to index.", valueName: "PATH"))
        var paths: [String]

        @Flag(help: "Read PDFs without a text layer (scans) with OCR; needs tesseract-ocr and poppler-utils.")
        var ocr = false

        // Each file is its own transaction, and Xapian merges some buffered changes (the
        // spelling table's) only when a commit applies them: one commit at the very end let
        // them grow with the whole load (100k items, interleaved runs: 92.8 → 87.1 s, peak
        // memory 270 → 204 MB; the index is 14 % larger until compacted). 10,000 is Xapian's
        // own flush threshold outside transactions.
        @Option(name: .customLong("commit-every"),
                help: ArgumentHelp("Commit after this many items, so a long load stays fast and an interrupted one resumes where it stopped.",
                                   valueName: "ITEMS"))
        var itemsPerCommit = 10_000

        @Option(help: ArgumentHelp("Writers side by side into an empty index, merged by Xapian's compactor at the end. Default: the number of cores for a load of 1,000 files or more into an empty index, else 1.", valueName: "N"))
        var jobs: Int?

        /// Loads smaller than this go serially unless --jobs says otherwise: the merge costs more than a second writer saves.
        static let parallelThreshold = 1_000

        func validate() throws {
            if let jobs, !(1...64).contains(jobs) { throw ValidationError("--jobs takes 1 to 64; got \(jobs).") }
            if paths.isEmpty { throw ValidationError("Name at least one file or folder to index.") }
            if itemsPerCommit < 1 { throw ValidationError("--commit-every takes a number of items, 1 or more.") }
            for path in paths where !FileManager.default.fileExists(atPath: path) {
                throw ValidationError("No such file or folder: \(path)")
            }
        }

        /// How many files are read ahead of the one being indexed.
        static let readAheadWindow = 32

        func run() throws {
            let indexer = try Indexer(path: options.index)
            indexer.readOptions = ReadOptions(ocr: ocr)
            var uncommittedItems = 0
            let files = SupportedFiles.list(under: paths)
            let writers = jobs ?? (files.count >= Self.parallelThreshold ? ProcessInfo.processInfo.activeProcessorCount : 1)
            if writers > 1, files.count >= writers, indexer.database.documentCount == 0, indexer.sources.isEmpty {
                indexer.database.close()
                return try loadInParallel(files, writers: writers)
            }
            // What the index holds of a file is looked up here, as it is asked for: the reading
            // thread must not touch the indexer. A new file whose name a file indexed meanwhile
            // takes gets another source id, and the indexer remakes its items.
            let standardPaths = files.map(CorpusPath.standard)
            let readOptions = indexer.readOptions
            let readAhead = ReadAhead(kept: Self.readAheadWindow)
            func want(_ place: Int) {
                guard place < standardPaths.count else { return }
                let path = standardPaths[place]
                let (fingerprint, sourceID) = (indexer.knownFingerprint(atPath: path), indexer.sourceID(forPath: path))
                readAhead.want(path) {
                    PreparedFile.read(path: path, options: readOptions, knownFingerprint: fingerprint, sourceID: sourceID)
                }
            }
            (0..<Self.readAheadWindow).forEach(want)
            var report = LoadReport(totalFiles: files.count)
            for (place, file) in files.enumerated() {
                report.progress?.update(filesDone: place, items: report.items)
                if uncommittedItems >= itemsPerCommit {
                    try indexer.commit()
                    uncommittedItems = 0
                }
                let started = Date()
                let path = standardPaths[place]
                let prepared = readAhead.take(path)
                    ?? PreparedFile.read(path: path, options: readOptions, knownFingerprint: indexer.knownFingerprint(atPath: path))
                want(place + Self.readAheadWindow)
                let outcome = try indexer.index(prepared)
                if case let .indexed(_, itemIDs) = outcome { uncommittedItems += itemIDs.count }
                report.record(outcome, file: file, started: started)
            }
            report.progress?.update(filesDone: files.count, items: report.items, force: true)
            try indexer.commit()
            report.progress?.clear()
            print(report.summary(index: options.index, holds: indexer.database.documentCount))
            if report.failed > 0 { throw ExitCode(1) }
        }

        /// The load on `writers` writers (``ParallelLoad``), with the same lines, progress and
        /// summary as a serial one.
        private func loadInParallel(_ files: [String], writers: Int) throws {
            let report = Mutex(LoadReport(totalFiles: files.count))
            let held = try ParallelLoad.load(files, into: options.index, parts: writers, readOptions: ReadOptions(ocr: ocr),
                                  itemsPerCommit: itemsPerCommit) { file, outcome, started in
                guard case let .success(outcome) = outcome else { return }  // thrown by the load
                // One file's lines and counts at a time, whichever writer's thread calls.
                report.withLock { report in
                    report.record(outcome, file: file, started: started)
                    report.progress?.update(filesDone: report.done, items: report.items)
                }
            }
            let failed = report.withLock { report in
                report.progress?.update(filesDone: files.count, items: report.items, force: true)
                report.progress?.clear()
                print(report.summary(index: options.index, holds: held) + " (\(writers) writers, merged)")
                return report.failed
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }
}

/// What a load has done so far, and how it is shown: a line per file when output is piped or
/// redirected; on a terminal one progress line, with failures printed above it.
private struct LoadReport {
    var indexed = 0, unchanged = 0, failed = 0, items = 0, done = 0
    /// Nil unless standard output is a terminal.
    let progress: ProgressLine?

    init(totalFiles: Int) {
        progress = ProgressLine(totalFiles: totalFiles)
    }

    /// Counts one file's outcome and shows its line.
    mutating func record(_ outcome: IndexOutcome, file: String, started: Date) {
        done += 1
        switch outcome {
        case let .indexed(_, ids):
            indexed += 1
            items += ids.count
            show("indexed \(file) → \(ids.count) items in \(Int(Date().timeIntervalSince(started) * 1000)) ms")
        case .unchanged:
            unchanged += 1
            show("unchanged \(file)")
        case let .failed(_, reason):
            failed += 1
            show("failed \(file): \(reason)", failure: true)
        }
    }

    private func show(_ line: String, failure: Bool = false) {
        guard let progress else { return failure ? printError(line) : print(line) }
        guard failure else { return }
        progress.clear()
        printError(line)
    }

    /// The closing line.
    func summary(index: String, holds: Int) -> String {
        "\(indexed) indexed (\(items) items), \(unchanged) unchanged, \(failed) failed; index \(index) holds \(holds) items"
    }
}

/// Expands the paths a user gives into the documents under them, sorted, by the rules quorumd's
/// scanner and watcher follow (`CorpusFileFilter`): no hidden folders, dotfiles or partial files.
/// A file named on the command line is taken as named.
enum SupportedFiles {
    static func list(under paths: [String], filter: CorpusFileFilter = CorpusFileFilter()) -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false  // a link to a folder named on the command line is followed
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                files.append(path)
                continue
            }
            var root = path
            while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
            CorpusWalk(filter: filter).walk(root) { (visit) throws(Never) -> Bool in
                if case let .document(file, _) = visit { files.append(file) }
                return true
            } unreadable: { (error, _) throws(Never) in
                printError("skipping \(error)")
            }
        }
        return files.sorted()
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
