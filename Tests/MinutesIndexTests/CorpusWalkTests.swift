import Foundation
import MinutesIndex
import Testing

/// The one corpus walk of `quorum index` and quorumd, on real folders in a temporary directory.
@Suite struct CorpusWalkTests {
    /// Names of every length up to the file system's 255 bytes, thousands to a folder: each is
    /// listed whole, once, as the walk now reads each name in place up to its NUL. (The walk
    /// used to copy each record's whole 256-byte name field, past the end of readdir's buffer;
    /// that crashed `quorum index` on a generated 1M-item corpus, where the buffer happened to
    /// end at a page's end. Whether a read past the buffer faults depends on the heap's layout,
    /// so no test here can make the old code crash; the benchmark's 1M run did.)
    @Test func listsEveryNameOfABigFolderWhole() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-walk-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("minutes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var expected: Set<String> = []
        for n in 0..<3_000 {
            // Lengths cycle from 9 to 255 bytes; a two-byte "é" in some puts UTF-8 at the edges.
            let length = 9 + n % 247
            let stem = "\(n)-" + String(repeating: n % 3 == 0 ? "é" : "m", count: max(1, (length - 4 - "\(n)-".utf8.count) / (n % 3 == 0 ? 2 : 1)))
            let name = stem + ".txt"
            #expect(name.utf8.count <= 255)
            FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data("1. Apologies\n".utf8))
            expected.insert(name)
        }
        var listed: [String] = []
        try CorpusWalk().walk(root.path, visit: { (visit: CorpusWalk.Visit) throws(CorpusFolderError) -> Bool in
            if case let .document(path, kind) = visit {
                #expect(kind == .file)
                listed.append(URL(fileURLWithPath: path).lastPathComponent)
            }
            return true
        }, unreadable: { error, _ in throw error })
        #expect(listed.count == expected.count)
        #expect(Set(listed) == expected)
        #expect(listed.map { $0.utf8.count }.max() ?? 0 >= 250)
    }
}
