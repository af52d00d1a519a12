import Foundation
@testable import MinutesIndex
import Testing

/// Definitions of the form "Elective Home Education (EHE)" found in text.
@Suite struct AcronymMinerTests {
    private func mined(_ text: String) -> [String] {
        AcronymMiner.definitions(in: text).map { "\($0.acronym)=\($0.expansion)" }
    }

    @Test func capitalisedWordsWhoseInitialsSpellTheAcronym() {
        #expect(mined("The Elective Home Education (EHE) team visited 40 families.") == ["EHE=Elective Home Education"])
        #expect(mined("Head of Service for Special Educational Needs and Disabilities (SEND) said") ==
                ["SEND=Special Educational Needs and Disabilities"])
        #expect(mined("the Local Government Association (LGA) and Preparation for Adulthood (PfA)") ==
                ["LGA=Local Government Association", "PfA=Preparation for Adulthood"])
    }

    @Test func lowerCaseHyphenatedAndPluralForms() {
        #expect(mined("the number of children missing education (CME) rose") == ["CME=children missing education"])
        #expect(mined("un-accompanied asylum-seeking children (UASC)") == ["UASC=un-accompanied asylum-seeking children"])
        #expect(mined("Education Health and Care Plans (EHCPs) were issued") == ["EHCP=Education Health and Care Plans"])
    }

    @Test func theReverseForm() {
        #expect(mined("Numbers in EHE (Elective Home Education) rose.") == ["EHE=Elective Home Education"])
    }

    @Test func whatDoesNotSpellTheAcronymIsNotADefinition() {
        #expect(mined("Education Otherwise Than at School (ETOS)") == [])
        #expect(mined("St Wilfrid’s Catholic Primary School (Sheffield)") == [])
        #expect(mined("reported (see Appendix A) that the team (EHE) grew") == [])
        #expect(mined("Home Education, Elective (EHE)") == [])  // a definition never crosses a comma
    }
}
