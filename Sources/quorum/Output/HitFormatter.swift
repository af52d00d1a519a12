import Foundation
import MinutesIndex

/// Formats search results and items for a person reading a terminal.
struct HitFormatter {
    /// Whether to use terminal bold for matched words and headings.
    enum Style {
        case plain
        case terminal

        /// Bold when standard output is a terminal and NO_COLOR is unset.
        static var forStandardOutput: Style {
            isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil ? .terminal : .plain
        }
    }

    let style: Style

    /// The result list, then the facets; `grouped` shows hits under their meeting (date, committee).
    func format(_ response: SearchResponse, request: SearchRequest, grouped: Bool = false) -> String {
        var out = ""
        let shown = response.hits.isEmpty ? "no items" : "items \(request.offset + 1)–\(request.offset + response.hits.count)"
        let estimated = response.totalBounds.lowerBound != response.totalBounds.upperBound
        out += "\(estimated ? "about " : "")\(response.total) matching item\(response.total == 1 ? "" : "s"); \(shown)\n"
        if let rate = response.sampleRate {
            out += "(facet counts estimated from a 1-in-\(rate) sample of the index; --exact counts every match)\n"
        }
        if let shards = response.shards, shards.isDegraded {
            out += "Incomplete: \(shards.missing.count) of \(shards.total) shards did not answer: "
                + shards.missing.map { "\($0.name) (\($0.reason))" }.joined(separator: "; ") + "\n"
        }
        if let corrected = response.correctedQuery {
            out += "Did you mean: \(bold(corrected))\n"
        }
        if let explanation = response.explanation { out += Self.describe(explanation, parsed: response.parsedQuery) }
        if grouped {
            for meeting in MeetingGroup.groups(of: response.hits) {
                out += "\n\(bold("\(meeting.date)  \(meeting.committee)"))\n"
                for hit in meeting.hits { out += block(for: hit, indent: "    ") }
            }
        } else {
            for hit in response.hits {
                out += "\n\(hit.rank). \(bold("\(hit.meetingDate?.iso ?? "undated")  \(hit.committee ?? "")"))  · \(hit.section.kind.rawValue): \(hit.section.title)\n"
                out += block(for: hit, indent: "   ")
            }
        }
        for name in response.facets.keys.sorted() where name != Facet.year.rawValue {
            let counts = response.facets[name] ?? []
            guard !counts.isEmpty else { continue }
            let ordered = name == "month" ? counts.sorted { $0.value < $1.value } : counts
            out += "\n\(bold(name)): " + ordered.map { "\($0.value) (\($0.count))" }.joined(separator: ", ") + "\n"
        }
        if let years = response.facets[Facet.year.rawValue], !years.isEmpty {
            out += "\n\(bold("matches per year"))\n" + Histogram(counts: years).text
        }
        return out
    }

    /// The lines under a hit's heading: item, snippet, resolution, where it is.
    private func block(for hit: SearchHit, indent: String) -> String {
        let number = hit.item.number.isEmpty ? "" : "\(hit.item.number). "
        var out = "\(indent)\(bold(number + hit.item.title))\(hit.resolved ? "  [resolved]" : "")"
        if let more = hit.collapsedCount, more > 0 { out += "  (+\(more) more in this meeting)" }
        out += "\n"
        let snippet = highlight(hit.snippet)
        if !snippet.isEmpty { out += "\(indent)\(snippet)\n" }
        if let resolution = hit.resolutions.first {
            let short = resolution.count > 160 ? resolution.prefix(160) + "…" : Substring(resolution)
            // The text keeps its printed label ("Resolved:- That …").
            out += "\(indent)\(short.replacingOccurrences(of: "\n", with: " "))\n"
        }
        out += "\(indent)\(displayPath(hit.source.path)):\(hit.source.firstLine)-\(hit.source.lastLine)  id \(hit.id)\n"
        if let explanation = hit.explanation { out += indent + Self.describe(explanation, weight: hit.weight) + "\n" }
        return out
    }

    /// `--explain`'s lines on how the query was read and weighed.
    static func describe(_ e: QueryExplanation, parsed: String) -> String {
        var lines = ["searched for: \(e.understood)" + (e.question ? " (a question: its content words)" : "")]
        if !e.decisionWords.isEmpty {
            lines.append("decision words \(e.decisionWords.joined(separator: ", ")): items with a resolution +\(e.resolutionBonus)")
        }
        if e.matchedAnyWords { lines.append("few items hold every word: any of them, the items with more of them first") }
        if e.proximity { lines.append("the words within reach of each other: ×\(e.proximityFactor) of their weight again") }
        lines.append(String(format: "BM25 k1 %.2g b %.2g; procedural items keep ×%.2g of their weight", e.k1, e.b, e.proceduralFactor))
        lines.append("Xapian: \(parsed)")
        return lines.map { "  " + $0 + "\n" }.joined()
    }

    /// `--explain`'s line under a hit: its weight, which words it holds where, its factors.
    static func describe(_ e: HitExplanation, weight: Double) -> String {
        var parts = [String(format: "weight %.2f", weight)]
        let words = e.words.map { w in
            // The text's terms end with the committee's name: a word there is told as the committee's.
            let fields = [w.inTitle ? "title" : nil, w.inText && !w.inCommittee ? "text" : nil, w.inCommittee ? "committee" : nil].compactMap { $0 }
            return "\(w.word) in \(fields.isEmpty ? "neither" : fields.joined(separator: "+"))"
        }
        if !words.isEmpty { parts.append(words.joined(separator: ", ")) }
        if e.weightKept < 1 { parts.append(String(format: "procedural ×%.2g", e.weightKept)) }
        if e.resolutionBonus > 0 { parts.append(String(format: "resolution +%.2g", e.resolutionBonus)) }
        return "why: " + parts.joined(separator: "; ")
    }

    func format(_ record: ItemRecord) -> String {
        var lines: [String] = []
        let number = record.item.number.isEmpty ? "" : "\(record.item.number). "
        lines.append(bold(number + record.item.title))
        lines.append("\(record.meetingDate?.iso ?? "undated") · \(record.committee ?? "unknown committee") · \(record.section.kind.rawValue): \(record.section.title)")
        lines.append("\(displayPath(record.source.path)):\(record.source.firstLine)-\(record.source.lastLine) · id \(record.id)")
        if let attendance = record.attendance {
            lines.append("Chair: \(attendance.chair ?? "-"); present: \(attendance.present.joined(separator: ", "))")
        }
        for resolution in record.resolutions {
            lines.append(resolution)
        }
        if !record.references.isEmpty {
            lines.append("Refers to minutes: \(record.references.joined(separator: ", "))")
        }
        lines.append("")
        lines.append(record.text)
        return lines.joined(separator: "\n")
    }

    /// A path under the working folder is shown relative to it, as a person would type it.
    private func displayPath(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private func bold(_ text: String) -> String {
        style == .terminal ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    /// Turns the snippet's `<b>` markers into terminal bold (or nothing), and undoes its HTML escaping.
    private func highlight(_ snippet: String) -> String {
        let on = style == .terminal ? "\u{1B}[1m" : ""
        let off = style == .terminal ? "\u{1B}[0m" : ""
        return snippet
            .replacingOccurrences(of: "<b>", with: on)
            .replacingOccurrences(of: "</b>", with: off)
            .replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
