import Foundation
import MinutesIndex

/// Reads and parses files on a thread of its own, a few ahead of the writer, in order.
///
/// Reading, parsing and building the stored record are a sixth of `quorum index`'s work and
/// need no index, while the writer (Xapian) can only run on one thread: on two cores the next
/// files are ready by the time the writer wants them. Foundation's `Thread` and `NSCondition`
/// rather than a task group: the command is synchronous and the window must block the reader.
final class ReadAhead: @unchecked Sendable {
    private let condition = NSCondition()
    /// Prepared files by their place in the list, not yet taken.
    private var ready: [Int: PreparedFile] = [:]
    /// The place of the next file the writer takes.
    private var taken = 0

    /// Starts preparing `files` with `prepare`, at most `window` ahead of the writer.
    init(files: [String], window: Int, prepare: @escaping @Sendable (String) -> PreparedFile) {
        let thread = Thread { [self] in
            for (place, file) in files.enumerated() {
                condition.lock()
                while place - taken >= window { condition.wait() }
                condition.unlock()
                let prepared = prepare(file)
                condition.lock()
                ready[place] = prepared
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.stackSize = 8 << 20  // as the main thread's: the parser is deeply generic code
        thread.start()
    }

    /// The file at `place` in the list, prepared; waits for it. Take them in order.
    func take(_ place: Int) -> PreparedFile {
        condition.lock()
        defer { condition.unlock() }
        while ready[place] == nil { condition.wait() }
        taken = place + 1
        condition.broadcast()
        return ready.removeValue(forKey: place)!
    }
}
