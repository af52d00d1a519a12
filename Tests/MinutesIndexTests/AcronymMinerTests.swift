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

    @Test func anAcronymUsedBareAndSpelledOutElsewhereInTheFile() {
        let texts = [
            "The Joint Policing Committee met in the Council Chamber.",
            "Members asked that the JPC write to the Minister. The JPC agreed.",
            "Training for Looked After Children with attachment issues was noted.",
            "LAC reviews were up to date. The Cabinet Office Briefing Room was mentioned once.",
            "CC and County Council, Chairman and Clerk: two letters are too few to pair.",
        ]
        let found = AcronymMiner.definitionsByUse(in: texts, besides: [])
        #expect(found == [.init(acronym: "JPC", expansion: "Joint Policing Committee"),
                          .init(acronym: "LAC", expansion: "Looked After Children")])
        // Already defined in brackets: left to that definition.
        #expect(AcronymMiner.definitionsByUse(in: texts, besides: ["JPC", "LAC"]).isEmpty)
        // The tail of a longer capitalised phrase is not the phrase ("Greater Joint Policing Committee" for JPC).
        #expect(AcronymMiner.definitionsByUse(in: ["The Greater Joint Policing Committee met.", "The JPC agreed."], besides: []).isEmpty)
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

    @Test func theListedFormOfAnAcronymPrintedTwoWaysIsAlwaysTheSame() {
        // Two files print CPP's expansion once each, in different case: the listing takes the
        // capitalised one, whichever order the sources come in.
        let lower = AcronymMiner.Definition(acronym: "CPP", expansion: "child protection plans")
        let title = AcronymMiner.Definition(acronym: "CPP", expansion: "Child Protection Plans")
        for bySource in [["a": [lower], "b": [title]], ["a": [title], "b": [lower]]] {
            let listed = AcronymRegistry.list(of: bySource)
            #expect(listed.map(\.expansion) == ["Child Protection Plans"])
            #expect(listed.first?.sourceCount == 2)
        }
    }

    @Test func spelledOutFormsAreTheTailsOfCapitalisedRuns() {
        let terms = SpelledOutForms.terms(in: [
            "Pupils were placed at the Rotherham Aspire Pupil Referral Unit, which reported.",
            "A letter from the Department for Education, and a branch of the Bank of Scotland closed.",
            "the chair of the committee agreed",  // no capitals: no forms
        ])
        #expect(terms == [
            "XIrapru:rotherham aspire pupil referral unit", "XIapru:aspire pupil referral unit",
            "XIpru:pupil referral unit",
            // Small words between give their initial or not: DfE, BoS; two initials alone are too few.
            "XIdfe:department for education", "XIbos:bank of scotland",
        ])
        #expect(SpelledOutForms.initials(ofNormalised: "the pupil referral unit") == [], "a form never starts with a small word")
        #expect(SpelledOutForms.initials(ofNormalised: "local government association") == ["lga"])
    }
}
