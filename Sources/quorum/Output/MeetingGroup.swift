import MinutesIndex

/// Hits of one meeting, for showing results the way meetings are: date, committee, then items.
struct MeetingGroup {
    let date: String
    let committee: String
    var hits: [SearchHit]

    /// Groups hits by meeting, meetings in the order of their best hit, items in rank order.
    static func groups(of hits: [SearchHit]) -> [MeetingGroup] {
        var order: [String] = []
        var byMeeting: [String: MeetingGroup] = [:]
        for hit in hits {
            if byMeeting[hit.meeting] == nil {
                order.append(hit.meeting)
                byMeeting[hit.meeting] = MeetingGroup(date: hit.meetingDate?.iso ?? "undated", committee: hit.committee ?? "", hits: [])
            }
            byMeeting[hit.meeting]?.hits.append(hit)
        }
        return order.compactMap { byMeeting[$0] }
    }
}
