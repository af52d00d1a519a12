/// Recognises procedural items by their titles: the standing business every meeting transacts
/// whatever its subject, which searches should rank below the items that discuss something.
///
/// The list: apologies (and substitutions), declarations or disclosures of interest, exclusion
/// of the press and public, public questions, minutes of the previous meeting, urgent business,
/// the date of the next meeting, and communications or announcements. Communications is
/// included because it is the chair's standing slot for notices (training sessions, papers to
/// be circulated), not a debate on a topic. The work programme is not: choosing what to
/// scrutinise is the committee's business, and residents search for it.
enum ProceduralItems {
    /// Title openings (lower case, after any "To " and "Item N:") that mark standing business.
    private static let openings: [String] = [
        "apologies", "apology for absence", "substitute", "substitution",
        "declarations of interest", "declaration of interest", "declarations of interests", "declarations of any interest",
        "declarations of pecuniary", "declaration of pecuniary", "disclosures of interest", "disclosure of interest", "disclosures of pecuniary", "disclosure of pecuniary",
        "disclosable pecuniary", "members' interests", "members’ interests", "interests",
        "exclusion of the press", "exclusion of press", "exclusion of the public", "exclusion of public",
        "public questions", "questions from members of the public", "questions from the public", "public question time",
        "public participation", "questions from the press and public", "questions from members of the press",
        "minutes of the previous meeting", "minutes of previous meeting", "minutes of the last meeting",
        "minutes of last meeting", "minutes of the meeting held", "approval of the minutes", "approval of minutes",
        "confirmation of the minutes", "confirmation of minutes", "confirm the minutes", "approve the minutes", "minutes",
        "urgent business", "urgent items", "urgent item", "items of urgent business", "any other urgent business",
        "any other business", "any urgent business",
        "date of next meeting", "date of the next meeting", "date and time of next meeting", "date and time of the next meeting",
        "dates of future meetings", "date of future meetings", "next meeting", "future meeting dates",
        "communications", "announcements", "chair's announcements", "chair’s announcements", "chairman's announcements",
        "chairman’s announcements", "chair's communications", "welcome and introductions",
    ]

    /// Whether an item with this title is standing business.
    static func isProcedural(title: String) -> Bool {
        var lower = TextScanning.collapseSpaces(TextScanning.asciiLowercased(title))
        if lower.hasPrefix("to ") { lower.removeFirst(3) }
        while let last = lower.last, last == "." || last == ":" || last == " " { lower.removeLast() }
        for opening in openings where lower.hasPrefix(opening) {
            // The opening must end at a word boundary: "Interests" yes, "Interesting findings" no.
            let rest = lower.dropFirst(opening.count)
            guard let next = rest.first else { return true }
            guard !next.isLetter else { continue }
            if opening == "minutes" {
                // "Minutes" alone or with a date is the committee's own record; "Minutes of the
                // Health and Wellbeing Board" reports another body's business, which can be substantive.
                let tail = rest.drop(while: { $0 == " " || $0 == "-" || $0 == "–" || $0 == ":" })
                return tail.first.map { !$0.isLetter } ?? true
            }
            return true
        }
        return false
    }
}
