import Foundation

/// Reads and parses files on a thread of its own, ahead of the one writer that indexes them.
///
/// Reading, parsing and preparing the items are about a fifth of indexing's work (perf, 10k
/// items) and need no index, while Xapian writes on one thread: on two cores the next files are
/// ready by the time the writer wants them. `quorum index` asks for its list a window ahead of
/// the file it indexes; quorumd's writer asks for the next job's file while it writes this one.
/// A take waits only for its own file (queued or being read), never behind another's.
///
/// Foundation's `Thread` and `NSCondition` rather than a queue or a task: the writer is
/// synchronous and must block for its file, and the reading thread needs the main thread's
/// stack size (the parser is deeply generic code). The thread runs while there is something to
/// read and ends when there is not. `@unchecked Sendable`: every field is guarded by `condition`.
public final class ReadAhead: @unchecked Sendable {
    /// How one file is read and parsed; what it needs of the index is looked up when asked for.
    public typealias Preparation = @Sendable () -> PreparedFile

    private let condition = NSCondition()
    /// Files read and not yet taken, oldest first; at most `kept`.
    private var ready: [PreparedFile] = []
    /// Files asked for and not yet read, in order.
    private var queued: [(path: String, prepare: Preparation)] = []
    /// The file being read now.
    private var reading: String?
    private var threadRunning = false
    private let kept: Int

    /// A read-ahead that keeps at most `kept` files read and not taken: past that, the oldest
    /// is dropped (the writer took another file first, and reads it again if it comes to it).
    public init(kept: Int) {
        self.kept = max(1, kept)
    }

    /// Whether a file is being read or waits to be.
    public var isBusy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return reading != nil || !queued.isEmpty
    }

    /// Asks for the file at `path` (in standard form) to be read with `prepare`, after those
    /// asked for before.
    public func want(_ path: String, prepare: @escaping Preparation) {
        condition.lock()
        queued.append((path, prepare))
        let start = !threadRunning
        threadRunning = true
        condition.unlock()
        guard start else { return }
        let thread = Thread { [self] in readQueued() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The file at `path` as read ahead, waiting while it is queued or being read; nil when it
    /// was not asked for, was taken already, or was dropped.
    public func take(_ path: String) -> PreparedFile? {
        condition.lock()
        defer { condition.unlock() }
        while reading == path || queued.contains(where: { $0.path == path }) { condition.wait() }
        guard let place = ready.firstIndex(where: { $0.path == path }) else { return nil }
        return ready.remove(at: place)
    }

    /// The reading thread: reads what is queued, in order, then ends.
    private func readQueued() {
        condition.lock()
        while !queued.isEmpty {
            let next = queued.removeFirst()
            reading = next.path
            condition.unlock()
            let file = next.prepare()
            condition.lock()
            ready.append(file)
            if ready.count > kept { ready.removeFirst() }
            reading = nil
            condition.broadcast()
        }
        threadRunning = false
        condition.unlock()
    }
}
