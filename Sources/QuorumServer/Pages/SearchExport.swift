import Foundation
import MinutesIndex

/// A search's hits as CSV (RFC 4180) and as an Atom feed (RFC 4287).
enum SearchExport {
    /// One row per hit: what a journalist sorts and filters in a spreadsheet.
    static func csv(_ response: SearchResponse) -> String {
        var rows = [["meeting_date", "committee", "item_number", "item_title", "kind", "resolved", "id", "source", "first_line", "last_line"]]
        for hit in response.hits {
            rows.append([hit.meetingDate?.iso ?? "", hit.committee ?? "", hit.item.number, hit.item.title, hit.section.kind.rawValue,
                         hit.resolved ? "yes" : "no", hit.id, hit.source.path, String(hit.source.firstLine), String(hit.source.lastLine)])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds a comma, quote or line break; a leading `= + - @` is
    /// prefixed with `'` so a spreadsheet does not run it as a formula.
    private static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The hits as feed entries, each linking to its item page.
    static func atom(_ response: SearchResponse, request: SearchRequest) -> String {
        let escape = AtomFeed.escape
        let updated = ISO8601DateFormatter().string(from: Date())
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>urn:quorum:search:\(escape(request.urlQuery))</id>
              <title>Quorum: \(escape(request.query.isEmpty ? "every item" : request.query))</title>
              <link href="/?\(escape(request.urlQuery))"/>
              <updated>\(updated)</updated>
              <author><name>quorumd</name></author>

            """
        for hit in response.hits {
            let date = hit.meetingDate?.iso ?? "undated"
            let entryUpdated = hit.meetingDate.map { "\($0.iso)T00:00:00Z" } ?? updated
            xml += """
                  <entry>
                    <id>urn:quorum:item:\(escape(hit.id))</id>
                    <title>\(escape("\(date) · \(hit.committee ?? "") · \(hit.item.title)"))</title>
                    <link href="/item/\(escape(SearchRequest.percentEncoded(hit.id)))"/>
                    <updated>\(entryUpdated)</updated>
                    <summary type="html">\(escape(HTMLText.marked(snippet: hit.snippet)))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }
}
