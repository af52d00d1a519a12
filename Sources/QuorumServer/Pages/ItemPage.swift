import Foundation
import MinutesIndex
import MinutesIngest

/// The item page's values: the item in full, the words of the search that led there marked,
/// its meeting's attendance, its neighbours in the meeting, and items like it.
struct ItemPage {
    let record: ItemRecord
    /// The query that led here (`?q=`), whose words are marked in the text.
    let query: String
    /// The item's paragraphs and resolutions with the query's matches in `<mark>`, escaped
    /// (``Searcher/markedText(ofItem:query:paragraphs:resolutions:)``); nil without a query.
    let marked: (paragraphs: [String], resolutions: [String])?
    /// The meeting's items in order, for the previous and next links.
    let meetingItems: [SearchHit]
    let similar: [SearchHit]

    var values: [String: Any] {
        let paragraphs = marked?.paragraphs ?? Self.paragraphs(record.text).map(HTMLText.escape)
        let resolutions = marked?.resolutions ?? record.resolutions.map(HTMLText.escape)
        var values: [String: Any] = [
            "title": record.item.title.isEmpty ? record.section.title : record.item.title,
            "date": record.meetingDate?.iso ?? "undated",
            "committee": record.committee ?? "unknown committee",
            "committeeURL": "/?" + SearchRequest(committees: [record.committee ?? ""], sort: .dateDescending).urlQuery,
            "kind": record.section.kind.rawValue.replacingOccurrences(of: "_", with: " "),
            "sectionTitle": record.section.title,
            "resolved": record.resolved,
            "paragraphs": paragraphs.map { ["html": $0] },
            "hasResolutions": !resolutions.isEmpty,
            "resolutions": resolutions.map { ["html": $0] },
            "meetingURL": SearchPage.meetingURL(record.meeting),
            "sourcePath": record.source.path,
            "firstLine": record.source.firstLine,
            "lastLine": record.source.lastLine,
            "jsonURL": "/items/" + SearchRequest.percentEncoded(record.id),
            "query": query,
            "hiddenFields": [[String: String]](),
            "hasSimilar": !similar.isEmpty,
            "similar": similar.map { ["url": "/item/" + SearchRequest.percentEncoded($0.id), "title": $0.item.title,
                                      "date": $0.meetingDate?.iso ?? "undated", "committee": $0.committee ?? ""] },
        ]
        if !query.isEmpty { values["backURL"] = "/?" + SearchRequest(query: query).urlQuery }
        if !record.item.number.isEmpty { values["number"] = record.item.number }
        if let attendance = record.attendance { values["attendance"] = Self.attendance(attendance) }
        if let place = meetingItems.firstIndex(where: { $0.id == record.id }) {
            if place > 0 { values["previous"] = neighbour(meetingItems[place - 1]) }
            if place + 1 < meetingItems.count { values["next"] = neighbour(meetingItems[place + 1]) }
        }
        return values
    }

    private func neighbour(_ hit: SearchHit) -> [String: String] {
        let suffix = query.isEmpty ? "" : "?q=" + SearchRequest.percentEncoded(query)
        let label = hit.item.number.isEmpty ? hit.item.title : "\(hit.item.number). \(hit.item.title)"
        return ["url": "/item/" + SearchRequest.percentEncoded(hit.id) + suffix, "label": label]
    }

    /// Paragraphs at blank lines; single line breaks stay (numbered lists keep their lines).
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Attendance as the templates show it.
    static func attendance(_ attendance: Attendance) -> [String: Any] {
        var values: [String: Any] = [
            "hasPresent": !attendance.present.isEmpty, "present": attendance.present.joined(separator: ", "),
            "hasApologies": !attendance.apologies.isEmpty, "apologies": attendance.apologies.joined(separator: ", "),
            "hasInAttendance": !attendance.inAttendance.isEmpty, "inAttendance": attendance.inAttendance.joined(separator: ", "),
        ]
        if let chair = attendance.chair { values["chair"] = chair }
        return values
    }
}

/// The meeting page's values: every item of one meeting in order, from whichever documents
/// carried it, with its attendance and the committee's previous and next meetings.
struct MeetingPage {
    let committee: String
    let date: String
    let items: [SearchHit]
    let attendance: Attendance?
    /// The committee's meetings in date order (`committee-slug/YYYY-MM-DD` ids).
    let meetings: [String]
    let meeting: String

    var values: [String: Any] {
        var values: [String: Any] = [
            "title": "\(committee), \(date)",
            "committee": committee,
            "date": date,
            "committeeURL": "/?" + SearchRequest(committees: [committee], sort: .dateDescending).urlQuery,
            "items": items.map { hit -> [String: Any] in
                var values: [String: Any] = [
                    "url": "/item/" + SearchRequest.percentEncoded(hit.id),
                    "title": hit.item.title.isEmpty ? hit.section.title : hit.item.title,
                    "kind": hit.section.kind.rawValue.replacingOccurrences(of: "_", with: " "), "resolved": hit.resolved,
                    "hasResolutions": !hit.resolutions.isEmpty, "resolutions": hit.resolutions.map { ["text": $0] }]
                if !hit.item.number.isEmpty { values["number"] = hit.item.number }
                return values
            },
            "sources": Array(Set(items.map(\.source.path))).sorted(),
            "query": "",
            "hiddenFields": [[String: String]](),
        ]
        if let attendance { values["attendance"] = ItemPage.attendance(attendance) }
        if let place = meetings.firstIndex(of: meeting) {
            func link(_ id: String) -> [String: String] {
                ["url": SearchPage.meetingURL(id), "label": String(id.split(separator: "/").last ?? "")]
            }
            if place > 0 { values["previous"] = link(meetings[place - 1]) }
            if place + 1 < meetings.count { values["next"] = link(meetings[place + 1]) }
        }
        return values
    }

    /// Items in the order of their meeting: by source, then by their place in it (ids are
    /// `source:section.item`).
    static func inOrder(_ hits: [SearchHit]) -> [SearchHit] {
        func place(_ id: String) -> (String, [Int]) {
            let parts = id.split(separator: ":", maxSplits: 1)
            let numbers = parts.count > 1 ? parts[1].split(separator: ".").compactMap { Int($0) } : []
            return (String(parts.first ?? ""), numbers)
        }
        return hits.sorted { a, b in
            let (sa, na) = place(a.id), (sb, nb) = place(b.id)
            if sa != sb { return sa < sb }
            return na.lexicographicallyPrecedes(nb)
        }
    }
}
