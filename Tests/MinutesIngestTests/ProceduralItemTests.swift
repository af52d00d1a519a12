import Foundation
@testable import MinutesIngest
import Testing

/// Standing business is told from substantive items by its title.
@Suite struct ProceduralItemTests {
    @Test func standingBusinessIsProcedural() {
        for title in ["APOLOGIES FOR ABSENCE", "Declarations of Interest", "Disclosures of Pecuniary Interest",
                      "EXCLUSION OF THE PRESS AND PUBLIC", "QUESTIONS FROM MEMBERS OF THE PUBLIC AND THE PRESS", "Public Questions",
                      "MINUTES OF THE PREVIOUS MEETING HELD ON 17TH JULY, 2018", "To approve the minutes of the meeting held on 3 March",
                      "Minutes", "Minutes - 22 January 2025", "URGENT BUSINESS", "Any Other Business",
                      "DATE AND TIME OF THE NEXT MEETING", "Date of Next Meeting.", "COMMUNICATIONS", "Chair's Announcements"] {
            #expect(ProceduralItems.isProcedural(title: title), "\(title)")
        }
    }

    @Test func subjectsAreNot() {
        for title in ["DRAFT ELECTIVE HOME EDUCATION POLICY", "WORK PROGRAMME 2020/21", "Interesting Times for Libraries",
                      "Minutes of the Health and Wellbeing Board", "Communication Strategy 2025", "Apologetic Letters Review",
                      "Public Health Annual Report", "Urgency Procedure Decisions"] {
            #expect(!ProceduralItems.isProcedural(title: title), "\(title)")
        }
    }

    @Test func theFlagIsWrittenOnlyWhenTrue() throws {
        var item = Item(number: "1", title: "Apologies", firstLine: 1, lastLine: 2, text: "")
        #expect(!String(decoding: try JSONEncoder().encode(item), as: UTF8.self).contains("procedural"))
        item.isProcedural = true
        let json = String(decoding: try JSONEncoder().encode(item), as: UTF8.self)
        #expect(json.contains("\"procedural\":true"), "\(json)")
        #expect(try JSONDecoder().decode(Item.self, from: Data(json.utf8)).isProcedural)
    }

    @Test func corpusMinutesMarkTheirStandingItems() throws {
        let items = try CorpusFiles.parse("improving-lives-2025-07-22-minutes.txt").sections.flatMap(\.items)
        // 10 minutes, 11 declarations, 12 exclusion, 13 public questions, 18 urgent business;
        // 14 and 15 are reports, 16 the work programme, 17 sub-group updates.
        #expect(items.filter(\.isProcedural).map(\.number) == ["10", "11", "12", "13", "18"])
        #expect(items.filter { !$0.isProcedural }.map(\.number) == ["14", "15", "16", "17"])
    }
}
