import Foundation
import MinutesIngest

/// Spans such as `2y`, `6m`, `3w` or `10d`, counted back from today, for `--since`.
enum RelativeDate {
    /// The day `text` before `today`, or nil when `text` is not a number followed by y, m, w or d.
    static func start(of text: String, before today: Date = Date()) -> MeetingDate? {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount >= 0 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let component: Calendar.Component
        var value = amount
        switch unit {
        case "y": component = .year
        case "m": component = .month
        case "w": component = .day; value = amount * 7
        case "d": component = .day
        default: return nil
        }
        guard let start = calendar.date(byAdding: component, value: -value, to: today) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: start)
        return MeetingDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
