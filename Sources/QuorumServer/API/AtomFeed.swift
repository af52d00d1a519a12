import Foundation
public import Hummingbird
import MinutesIndex

/// A saved search's matches as an Atom feed (RFC 4287), newest first, for feed readers
/// that want to hear when a topic comes up again.
public struct AtomFeed: ResponseGenerator {
    /// The feed document.
    public let xml: String

    /// The feed of these matches: one entry each, titled with its meeting date, committee and item title.
    public init(_ saved: SavedSearchMatches) {
        let formatter = ISO8601DateFormatter()
        let updated = saved.matches.map(\.matchedAt).max() ?? saved.search.created
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>urn:quorum:saved:\(Self.escape(saved.search.name))</id>
              <title>Quorum: \(Self.escape(saved.search.query.isEmpty ? saved.search.name : saved.search.query))</title>
              <updated>\(formatter.string(from: updated))</updated>
              <author><name>quorumd</name></author>

            """
        for match in saved.matches {
            let date = match.meetingDate?.iso ?? "undated"
            xml += """
                  <entry>
                    <id>urn:quorum:saved:\(Self.escape(match.id))</id>
                    <title>\(Self.escape("\(date) · \(match.committee ?? "") · \(match.title)"))</title>
                    <updated>\(formatter.string(from: match.matchedAt))</updated>
                    <category term="\(Self.escape(date))" label="meeting date"/>
                    <summary>\(Self.escape(match.excerpt))</summary>
                  </entry>

                """
        }
        xml += "</feed>\n"
        self.xml = xml
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: xml)))
    }

    /// XML text and attribute escaping; control characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
