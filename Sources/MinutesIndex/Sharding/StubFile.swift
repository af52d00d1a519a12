import Foundation

/// Reads a Xapian stub database file: one shard per line, so a federation can be described in
/// the same file Xapian's own tools (`xapian-delve`, `quest`) open.
///
/// Xapian opens a stub all or nothing: one unreachable shard fails the whole database. Quorum
/// reads the lines itself so that it can open each shard on its own and answer from those that
/// respond (see ``ShardSet``). Understood lines, as in Xapian 1.4:
///
///     # a comment
///     auto /srv/quorum/rotherham        (also glass, chert: a local index folder)
///     remote 10.0.0.5:33333             (xapian-tcpsrv; "remote tcp HOST:PORT" is accepted too)
///
/// Relative paths are relative to the stub file's folder, as Xapian takes them. Program-run
/// remotes (`remote :ssh host xapian-progsrv …`) and in-memory databases are refused with a reason.
public enum StubFile {
    /// The shards listed in the stub file at `path`.
    public static func shards(atPath path: String) throws(ShardConfigurationError) -> [ShardAddress] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .init("cannot read the shards file \(path): \(error.localizedDescription)")
        }
        let folder = (URL(fileURLWithPath: path).deletingLastPathComponent().path)
        return try shards(in: text, relativeTo: folder, name: path)
    }

    /// The shards listed in `text`; relative local paths resolve against `folder`.
    public static func shards(in text: String, relativeTo folder: String, name: String = "shards file") throws(ShardConfigurationError) -> [ShardAddress] {
        var shards: [ShardAddress] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            let type = words[0]
            let rest = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
            let whereAt = "\(name) line \(number + 1)"
            switch type {
            case "auto", "glass", "chert":
                guard !rest.isEmpty else { throw .init("\(whereAt): '\(type)' needs a path") }
                let path = rest.hasPrefix("/") ? rest : CorpusPath.standard(CorpusWalk.join(folder, rest))
                shards.append(.local(path: path))
            case "remote":
                var target = rest
                if target.hasPrefix("tcp ") { target = String(target.dropFirst(4)).trimmingCharacters(in: .whitespaces) }
                if target.hasPrefix(":") {
                    throw .init("\(whereAt): program remotes ('remote :PROGRAM') are not supported; serve the shard with xapian-tcpsrv and write 'remote HOST:PORT'")
                }
                shards.append(try ShardAddress.remote(target, in: whereAt))
            default:
                throw .init("\(whereAt): unknown shard type '\(type)'; expected auto, glass, chert or remote")
            }
        }
        guard !shards.isEmpty else { throw .init("\(name) lists no shards") }
        return shards
    }
}
