import Foundation

/// Small minutes documents whose structure the tests know line by line.
enum SampleMinutes {
    /// Writes `count` copies of ``cabinet`` into `folder` (made if missing), `cabinet-N.txt`,
    /// each with its own ward in its first item ("ward N"), so each file's items can be found.
    static func writeWards(_ count: Int, into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for n in 0..<count {
            try cabinet.replacingOccurrences(of: "allotment waiting lists", with: "allotment waiting lists in ward \(n)")
                .write(toFile: folder + "/cabinet-\(n).txt", atomically: true, encoding: .utf8)
        }
    }

    /// Cabinet, 13 January 2025: two items, the first resolved.
    static let cabinet = """
        CABINET
        Monday, 13th January 2025

        Present:- Councillor Jane Smith (Chair); Councillors Brown, Green and White.

        Apologies for absence were received from Councillor Black.

        1. ALLOTMENT WAITING LISTS

        The Cabinet considered a report on allotment waiting lists across the borough.

        Resolved:- That the allotment strategy be approved.

        2. LIBRARY OPENING HOURS

        Members discussed Sunday opening of libraries in the borough.

        """

    /// Planning Committee, 4 March 2021: one item on allotments, one on a bypass.
    static let planning = """
        PLANNING COMMITTEE
        Thursday, 4th March 2021

        Present:- Councillor Ahmed (in the Chair); Councillors Fox and Grey.

        7. ALLOTMENTS AT MILL LANE

        The committee heard objections to building on the Mill Lane allotments.

        8. NORTHERN BYPASS

        An update on the route of the northern bypass was noted.

        """
}
