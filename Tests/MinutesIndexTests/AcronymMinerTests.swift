@testable import MinutesIndex
import XCTest

/// Definitions of the form "Elective Home Education (EHE)" found in text.
final class AcronymMinerTests: XCTestCase {
    private func mined(_ text: String) -> [String] {
        AcronymMiner.definitions(in: text).map { "\($0.acronym)=\($0.expansion)" }
    }

    func testCapitalisedWordsWhoseInitialsSpellTheAcronym() {
        XCTAssertEqual(mined("The Elective Home Education (EHE) team visited 40 families."), ["EHE=Elective Home Education"])
        XCTAssertEqual(mined("Head of Service for Special Educational Needs and Disabilities (SEND) said"),
                       ["SEND=Special Educational Needs and Disabilities"])
        XCTAssertEqual(mined("the Local Government Association (LGA) and Preparation for Adulthood (PfA)"),
                       ["LGA=Local Government Association", "PfA=Preparation for Adulthood"])
    }

    func testLowerCaseHyphenatedAndPluralForms() {
        XCTAssertEqual(mined("the number of children missing education (CME) rose"), ["CME=children missing education"])
        XCTAssertEqual(mined("un-accompanied asylum-seeking children (UASC)"), ["UASC=un-accompanied asylum-seeking children"])
        XCTAssertEqual(mined("Education Health and Care Plans (EHCPs) were issued"), ["EHCP=Education Health and Care Plans"])
    }

    func testTheReverseForm() {
        XCTAssertEqual(mined("Numbers in EHE (Elective Home Education) rose."), ["EHE=Elective Home Education"])
    }

    func testWhatDoesNotSpellTheAcronymIsNotADefinition() {
        XCTAssertEqual(mined("Education Otherwise Than at School (ETOS)"), [])
        XCTAssertEqual(mined("St Wilfrid’s Catholic Primary School (Sheffield)"), [])
        XCTAssertEqual(mined("reported (see Appendix A) that the team (EHE) grew"), [])
        XCTAssertEqual(mined("Home Education, Elective (EHE)"), [])  // a definition never crosses a comma
    }
}
