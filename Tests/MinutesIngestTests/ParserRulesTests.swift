import Foundation
import Testing
@testable import MinutesIngest

/// One rule at a time, on short texts written for the purpose in the shapes other councils
/// publish: each test names the rule it holds.
@Suite struct ParserRulesTests {
    private func parse(_ text: String, file: String = "minutes.txt") -> MinutesDocument {
        MinutesParser().parse(text, fileName: file)
    }

    @Test(arguments: [
        ("Cabinet - Monday 7 July 2025 3.00 pm", "2025-07-07"),
        ("Meeting held on Tuesday 3 November 2020 at 6.00 pm", "2020-11-03"),
        ("13 Jan 2025 - 10:00 to 11:40", "2025-01-13"),
        ("Monday, 13th January 2025", "2025-01-13"),
        ("Date: 13/01/2025", "2025-01-13"),
        ("at the Town Hall on the 22nd day of May, 1952", "1952-05-22"),
        ("Cyfarfod 10fed Mehefin 2020", "2020-06-10"),
    ])
    func meetingDateForms(line: String, iso: String) {
        let doc = parse("Planning Committee\n\n\(line)\n\n1. Apologies for absence\n\nNone were received.\n")
        #expect(doc.sections.first?.meetingDate?.iso == iso)
    }

    @Test func meetingDateIsNotThePreviousMeetingsOrThePostingDate() {
        let text = """
        ---
        title: "Minutes July"
        date: "2013-08-15"
        ---

        Minutes of Brookfield Parish Council Meeting held in the Village Hall

        At 7.30pm on Wednesday 10 July 2013

        1. To approve the minutes of the meeting held on 12 June 2013

        Approved.

        2. Planning

        The deadline for comments is 1 August 2013.
        """
        let doc = parse(text)
        #expect(doc.sections.first?.meetingDate?.iso == "2013-07-10")
        #expect(doc.committee == "Brookfield Parish Council")
    }

    @Test func dateAndCommitteeFromTheFileNameWhenTheTextHasNone() {
        let doc = parse("1. Apologies\n\nNone.\n\n2. Budget\n\nNoted.\n", file: "2025-01-13 Cabinet minutes.txt")
        #expect(doc.sections.first?.meetingDate?.iso == "2025-01-13")
        #expect(doc.committee == "Cabinet")
    }

    @Test(arguments: [
        ("MINUTES OF PROCEEDINGS AT MEETING OF WESTMARSH CITY AND COUNTY\n\nCOUNCIL HELD IN THE CHAMBER ON MONDAY, 27TH MARCH, 2023", "Westmarsh City and County Council"),
        ("Minutes of the meeting of the Licensing Sub-Committee held on 3 May 2024", "Licensing Sub-Committee"),
        ("Tenby Ward Council\n\nTo: All Members of the Audit Panel\n\nAudit Panel - Thursday, 2nd July, 2020 7.00 pm", "Audit Panel"),
        ("Agenda for Council on Wednesday, 27th January, 2021, 6.00 pm", "Council"),
        ("Kelso Vale Community Council held their meeting remotely at 7.30pm on the 10th June 2020.", "Kelso Vale Community Council"),
        ("Corporate Services, Merchants Quay\n\nYou are requested to attend a Meeting of Fenmoor City and County Council to be held in the Council Chamber on Monday, 22nd September, 2014",
         "Fenmoor City and County Council"),
        ("Venue: Committee Rooms 1 & 2 - Civic Suite\n\nMeeting of the Fenmoor Licensing Committee held on 3 May 2024", "Fenmoor Licensing Committee"),
    ])
    func committeeFromTheHeadingNotTheLetterheadOrDistribution(heading: String, committee: String) {
        let doc = parse("\(heading)\n\n1. Apologies for absence\n\nNone.\n\n2. Minutes\n\nAgreed.\n")
        #expect(doc.committee == committee)
    }

    @Test func attendanceRolesAreNotSurnames() {
        let text = """
        Minutes of the meeting of the Fenmoor Parish Council held on 4 March 2024

        PRESENT IN THE CHAIR: Councillor F. Ashby, Mayor.

        MEMBERS PRESENT:

        Councillors Brant, Corrie, Dunmore

        Eastwood, Fane (Vice-Chair), Gilroy

        OFFICIALS IN ATTENDANCE:

        Town Clerk (Ms. L. Hume).

        1. Apologies

        Apologies were received from Councillor Ives.
        """
        let attendance = parse(text).sections.first?.attendance
        #expect(attendance?.chair == "Ashby")
        #expect(attendance?.chairFirstPresent == ["Ashby", "Brant", "Corrie", "Dunmore", "Eastwood", "Fane", "Gilroy"])
        #expect(attendance?.apologies == ["Ives"])
    }

    @Test func rollCallItemOfAParishCouncil() {
        let text = """
        Minutes of Stoke Marsh Parish Council Meeting held on Wednesday 10 July 2013

        1. Those Attending: Cllr J Nolan (Chairman), Cllr Mrs D Clee, Cllr M Hand, Mrs C Hardy (Clerk), 6 Members of the Public.

        2. Apologies for Absence: Apologies were received from Cllr T Ryves

        3. Police Matters

        There had been one incident.
        """
        let doc = parse(text)
        let attendance = doc.sections.first?.attendance
        #expect(attendance?.chair == "Nolan")
        #expect(attendance?.chairFirstPresent.prefix(3) == ["Nolan", "Clee", "Hand"])
        #expect(!(attendance?.chairFirstPresent.contains("Public") ?? true))
        #expect(doc.sections.first?.items.map(\.title) == ["Those Attending", "Apologies for Absence", "Police Matters"])
    }

    @Test func itemHeadingSchemes() {
        let text = """
        Overview and Scrutiny Committee - Thursday 15th April 2021 7.00 pm

        87.

        Declarations of Interest

        None.

        88.

        Minutes PDF 143 KB

        Share this item

        Agreed.

        88A. Urgent Business

        None.

        Item 89: Budget Monitoring

        Noted.

        90.CLOSING REMARKS

        The chair closed the meeting.
        """
        let items = parse(text).sections.first?.items ?? []
        #expect(items.map(\.number) == ["87", "88", "88A", "89", "90"])
        #expect(items.map(\.title) == ["Declarations of Interest", "Minutes", "Urgent Business", "Budget Monitoring", "CLOSING REMARKS"])
        #expect(!(items[1].text.contains("Share this item")))
    }

    @Test func pipeTableRowsBecomeItems() {
        let text = """
        Joint Transport Panel - Wednesday, 12th March, 2025 2.00 pm

        | No. | Item |
        |---|---|
        | 1. | Apologies for Absence | Apologies were received from Councillor Reed. |
        | 2. | Minutes of the Last Meeting | Agreed as a correct record. |
        | 3. | Bus Service Review | Members noted the review. |
        """
        let items = parse(text).sections.first?.items ?? []
        #expect(items.map(\.number) == ["1", "2", "3"])
        #expect(items.map(\.title) == ["Apologies for Absence", "Minutes of the Last Meeting", "Bus Service Review"])
    }

    @Test func orderedListOfHeadingsInHTMLIsNumbered() {
        let html = "<p>Held on 10 June 2020.</p><h4>PRESENT</h4><p>Councillors Ann Ross and Ben Hale.</p><ol><li><h4>WELCOME</h4><p>Hello.</p></li><li><h4>FINANCE</h4><p>Noted.</p></li></ol>"
        let doc = parse(HTMLReader.text(of: html))
        #expect(doc.sections.first?.items.map(\.number) == ["1", "2"])
        #expect(doc.sections.first?.items.map(\.title) == ["WELCOME", "FINANCE"])
        #expect(doc.sections.first?.attendance?.chairFirstPresent == ["Ross", "Hale"])
    }

    @Test func moderngovListingsSubItemsAloneOnTheirLines() {
        let text = """
        Agenda for Executive Board on Monday, 11th June, 2018, 10.00 am

        Items
        No. Item

        5.

        MINUTES

        Additional documents:

        5.1

        7TH MARCH, 2018; pdf icon PDF 244 KB

        Additional documents:

        Minutes:

        RESOLVED that the minutes of the meeting held on the 7th March, 2018 be signed as a correct record.

        5.2

        2ND APRIL, 2018. pdf icon PDF 169 KB

        Minutes:

        RESOLVED that the minutes be signed.

        6.

        ROADS CAPITAL PROGRAMME

        Minutes:

        5.1 The Board noted the programme.
        """
        let items = parse(text).sections.first?.items ?? []
        #expect(items.map(\.number) == ["5", "5.1", "5.2", "6"])
        #expect(items.map(\.title) == ["MINUTES", "7TH MARCH, 2018", "2ND APRIL, 2018", "ROADS CAPITAL PROGRAMME"])
    }

    @Test(arguments: [("Items 1/2. Welcome/Apologies", "1/2", "Welcome/Apologies"), ("Items 3 & 4: Minutes and Matters Arising", "3 & 4", "Minutes and Matters Arising")])
    func oneHeadingOverTwoItems(heading: String, number: String, title: String) {
        let text = "Ardmore Community Council\n\nMinutes of the meeting held on 4 June 2019\n\n\(heading) The Chair welcomed everyone.\n\nItem 5. Planning. No applications were received.\n"
        let items = parse(text).sections.first?.items ?? []
        #expect(items.first?.number == number)
        #expect(items.first.map { $0.title.hasPrefix(title) } == true, "\(items.map(\.title))")
        #expect(items.map(\.number).last == "5")
    }

    @Test func explainSaysWhichRuleWon() {
        let text = "Cabinet - Monday 7 July 2025 3.00 pm\n\nThe minutes of the previous meeting held on 2 June 2025 were agreed.\n\n1. Apologies\n\nNone.\n"
        let explanation = MinutesParser().explain(text, fileName: "cabinet.txt")
        #expect(explanation.contains("meeting date: 2025-07-07"))
        #expect(explanation.contains("committee: Cabinet"))
        #expect(explanation.contains("another event's date") || explanation.contains("an earlier meeting's date"))
        #expect(explanation.contains("ITEM 1 \"Apologies\""))
    }
    @Test(arguments: [
        // An officer's title is not the body, however often the text names it.
        ("""
         1. Summons

         The Chief Executive submitted the summons. The Chief Executive reported that the Council had met twice.

         2. Apologies

         The Council noted the apologies. The Chief Executive read them out.
         """, "Council"),
        // "At the annual meeting of X, held …", as typed minutes of the 1950s open.
        ("""
         At the ANNUAL MEETING of the Parish Council of Little Whitby, held in the Village Hall, on Thursday, the 12th day of May, 1960.

         1. Election of Chairman

         Mr. Rowe was elected.
         """, "Parish Council of Little Whitby"),
        // A heading run into the line before it, as flattened page text prints it.
        ("""
         NORTHBROOK TOWN COUNCIL Minutes of the meeting of the Northbrook Town Council held at the Guildhall on Monday, 3rd April, 2023 at 7pm

         1. Apologies

         None.
         """, "Northbrook Town Council"),
        // "the Authority" most often, its full name once: the full name.
        ("""
         1. Apologies

         The Authority noted the apologies. The Chair of the Authority welcomed members.

         2. Membership

         The Clerk reported no change to the membership of the Combined Fire and Rescue Authority.
         """, "Combined Fire and Rescue Authority"),
        // A "Meeting Details" block: the body's name, then the date and time.
        ("""
         Meeting Details

         Housing Policy Board
         8 Nov 2017 - 14:00 to 14:30

         1. Apologies

         None.
         """, "Housing Policy Board"),
        // ModernGov's page title after the words a saved page puts before it.
        ("""
         Browse meetings - Agenda for Licensing Sub-Committee on Tuesday 4th March, 2025, 10.00 am

         1. Apologies

         None.
         """, "Licensing Sub-Committee"),
        // Named once, in a passage cut from its page; beside another body named once as a
        // partner, the committee or council that meets.
        ("""
         1. Declarations of Interest

         Mr Hale declared an interest as a member of the Fire and Rescue Authority.

         2. Public Participation

         To ask a question relating to the functions of the Council.
         """, "Council"),
        // A site's banner names the council; the text names the committee whose page it is.
        ("""
         Westmoor District Council
         Agenda and minutes

         Items
         No. Item

         12.

         Declarations of Interest

         These are to be made by members of the Licensing and Appeals Committee present.
         """, "Licensing and Appeals Committee"),
        // Flattened text headed "Ordinary Meeting", which names no body: the council whose
        // name its page footer prints.
        ("""
         Meeting Minutes Ordinary Meeting 4th March 2019, Council Chamber The Mayor, Councillor Ann Ross presided. \
         Members Present: Councillors Ben Hale, Cara Lowe, Dan Marsh. Officials in Attendance: Meetings Administrator: \
         Eve Nash 1.0 Confirmation of Minutes The minutes of the meeting held on 4th February 2019 were confirmed on the \
         proposal of Councillor Hale. 2.0 Roads Programme The programme was noted. March 2019 Westmoor County Council \
         Minutes page 1 of 4 Westmoor County Council, County Hall, Westmoor
         """, "Westmoor County Council"),
    ])
    func committeeFromTheText(text: String, committee: String) {
        #expect(parse(text).committee == committee)
    }


    @Test func unlabelledRollUnderTheHeading() {
        let text = """
        Minutes of Ashcombe Parish Council meeting 9th May 2016

        Cllrs M Penrose, Mrs L Tavener, J Ellery and R Tavener

        1. Election of Chairman

        Cllr Penrose was elected.
        """
        let attendance = parse(text).sections.first?.attendance
        #expect(attendance?.chairFirstPresent == ["Penrose", "Tavener", "Ellery", "Tavener"])
    }

    @Test func boardsRollWithInitialsAndApologiesByInitials() {
        let text = """
        A Meeting of the Hollins Academy Local Governing Board

        was held in the library at the Academy on Tuesday 3rd March 2020 at 5.00pm.

        Mrs A Penrose [AP] Chair (FG); Mr B Tavener [BT] Headteacher (SG); Dr C Ellery [CE] Vice Chair (FG)

        Mr D Rowe [DR] (PG); Ms E Hale [EH] (CG)

        (FG) Foundation Governor; (SG) Staff Governor; (PG) Parent Governor; (CG) Co-opted Governor

        Mr F Nash [FN] Clerk to Governors

        Mr G Lowe; Mrs H Marsh

        The Clerk was in receipt of apologies from DR and EH, which were accepted.

        The Chair opened the meeting.
        """
        let section = parse(text).sections.first
        #expect(section?.kind == .minutes)
        #expect(section?.meetingDate?.iso == "2020-03-03")
        #expect(section?.attendance?.chair == "Penrose")
        #expect(section?.attendance?.chairFirstPresent == ["Penrose", "Tavener", "Ellery"])
        #expect(section?.attendance?.apologies == ["Rowe", "Hale"])
    }

    @Test func bulletedAttendanceInFlattenedText() {
        let text = """
        Minutes of the meeting of the Ashcombe Community Council held at the school on Monday, 13th March, 2017 at 7pm

        1. Record of those Present/Apologies • Members: Cllrs Wyn Pryce (Chair), Huw Rowe, Nia Bevan • Others: Llew Tudor, Clerk • Apologies for absence: Cllrs Gavin Morgan and Terry Hale.

        2. Welcome

        The Chair welcomed everyone.
        """
        let attendance = parse(text).sections.first?.attendance
        #expect(attendance?.chair == "Pryce")
        #expect(attendance?.chairFirstPresent == ["Pryce", "Rowe", "Bevan"])
        #expect(attendance?.apologies == ["Morgan", "Hale"])
    }

    @Test(arguments: [
        ("Matters arising from previous meetings • It was requested that evidence be obtained about the verge", "Matters arising from previous meetings"),
        ("Reports from Councillors/items for the next agenda 1. Dog fouling to be an agenda item 2. The sign", "Reports from Councillors/items for the next agenda"),
        ("Election of Vice-Chairman. Cllr Hall was proposed and seconded and duly elected for the year", "Election of Vice-Chairman."),
        ("Apologies • none", "Apologies • none"),
    ])
    func runInHeadingEndsWhereTheItemsPointsBegin(line: String, title: String) {
        #expect(RunInHeading.title(of: line) == title)
    }

    @Test func unnumberedCapitalHeadingsOfTypedMinutes() {
        let text = """
        MINUTES of an Ordinary Meeting of the Eastholme Urban District Council held on Friday, 19th March, 1954.

        Present: Councillors W. R. Cowen (Chairman), S. R. Miller and F. Adkins.

        PRAYERS. The Chairman's Chaplain opened the meeting with Prayers.

        MINUTES. Resolved: That the minutes of the meeting held on 19th February, 1954, be confirmed.

        STREET LIGHTING—HIGH ROAD. The Surveyor reported on the new lamps. RESOLVED. That the report be received.
        """
        let items = parse(text).sections.flatMap(\.items)
        #expect(items.map(\.title) == ["PRAYERS", "MINUTES", "STREET LIGHTING—HIGH ROAD"])
        #expect(ItemSplitter.capitalRunIn("RESOLVED. That the report be received.") == nil)
        #expect(ItemSplitter.capitalRunIn("The Surveyor reported.") == nil)
    }

    @Test func numberingThatStartsAgainInCapitals() {
        let text = """
        Minutes of the General Meeting of the Eastfield Community Council held on Monday 4 March 2024

        1. MINUTES OF THE LAST MEETING

        Approved.

        2. SPECIAL ISSUES

        Bins were discussed.

        3. PUBLIC MEETING

        To be arranged.

        4. SPEAKERS

        Two speakers attended.

        2. MATTERS ARISING

        None were raised.

        3. CHAIR'S REPORT

        The chair reported on the bank closure.

        4. SECRETARY'S REPORT

        Letters were sent.

        5. NEXT MEETING

        Monday 1 April.
        """
        let items = parse(text).sections.flatMap(\.items)
        #expect(items.map(\.number) == ["1", "2", "3", "4", "2", "3", "4", "5"])
    }

    @Test func namesOneALineAndTheBodiesTheyCameFrom() {
        let text = """
        MINUTES OF COMMUNITY COUNCIL MEETING

        Tuesday 12th November 2013 at 7.00pm

        Present:

        Callum Reid
        Beth Okafor
        Linda Strachan

        Apologies:

        Judy Ross
        Councillor Jim Hay, Clackmannanshire Council

        In attendance:

        Councillor Les Marr, Clackmannanshire Council
        Constable Roy Dunn, Central Scotland Police

        1. Appointments

        None.

        2. Minutes

        Approved.
        """
        let attendance = parse(text).sections.first?.attendance
        #expect(attendance?.chairFirstPresent == ["Reid", "Okafor", "Strachan"])
        #expect(attendance?.apologies == ["Ross", "Hay"])
        #expect(attendance?.inAttendance == ["Marr", "Dunn"])
    }

    @Test(arguments: [
        ("APOLOGIES To receive apologies for absence under the Act", "APOLOGIES"),
        ("DECLARATIONS OF INTEREST (PECUNIARY AND NON-PECUNIARY) To receive declarations of interest", "DECLARATIONS OF INTEREST (PECUNIARY AND NON-PECUNIARY)"),
        ("REPORT FROM THE POLICE The report was deferred until later", "REPORT FROM THE POLICE"),
        ("MINUTES OF THE MEETING HELD ON 3 MAY 2019 RESOLVED – That the minutes be approved", "MINUTES OF THE MEETING HELD ON 3 MAY 2019"),
        ("SEND Strategy update for the members of the board", "SEND Strategy update for the members of the board"),
    ])
    func capitalHeadingEndsWhereTheCapitalsDo(line: String, title: String) {
        #expect(RunInHeading.title(of: line) == title)
    }

    @Test func agendaPrintedFromATableWithNumbersGluedToHeadings() {
        let text = """
        Kelworth Parish Council

        AGENDA

        1APOLOGIES To receive apologies for absence. Members who cannot attend should tell the Clerk beforehand, as the grounds are recorded.
        2DECLARATIONS OF INTEREST To receive declarations of interest in items on the agenda, as the Code of Conduct requires of members.
        3MINUTES To approve, as a correct record, the minutes of the meeting held on 2nd June 2022.
        4FINANCE
        To approve the payments listed.
        """
        let items = parse(text).sections.flatMap(\.items)
        #expect(items.map(\.number) == ["1", "2", "3", "4"])
        #expect(items.map(\.title) == ["APOLOGIES", "DECLARATIONS OF INTEREST", "MINUTES", "FINANCE"])
    }

    @Test func flattenedMinutesWithCompoundReferencesAndANumberBeforeItsLabel() {
        let long = String(repeating: "Members discussed the hedge cutting contract at length and asked for quotations. ", count: 6)
        let references = "Minutes of a Meeting of Ashby Parva Parish Council held at 7.30pm on Monday 3 March 2008 at the Pavilion "
            + "Ash/101/07-08 Present Members: Cllr R Hurst (Chairman), Cllr Moss and Cllr Tait. "
            + "Ash/102/07-08 Apologies for Absence Apologies were received from Cllr Dean. "
            + "Ash/103/07-08 Hedges \(long)"
        let numbered = "Minutes of the Meeting of the Full Wenham Town Council Monday 2 June 2003 at 7 pm at the Hall. "
            + "Present: Cllr A Hale (Chairman), Cllr B Orme, Cllr C Pike. 1. APOLOGIES FOR ABSENCE Cllr Mrs D Rowe. "
            + "2. DECLARATIONS OF INTEREST None were declared. 3. REPORT FROM THE POLICE The Inspector reported. \(long)"
        let refs = parse(references).sections.flatMap(\.items)
        #expect(refs.map(\.number) == ["Ash/101/07-08", "Ash/102/07-08", "Ash/103/07-08"])
        let items = parse(numbered).sections.flatMap(\.items)
        #expect(items.map(\.number) == ["1", "2", "3"])
        #expect(items.map(\.title) == ["APOLOGIES FOR ABSENCE", "DECLARATIONS OF INTEREST", "REPORT FROM THE POLICE"])
    }

    @Test("flattened N.0 headings: one after an attendance list with no full stop, one running into its first N.1")
    func flattenedPointZeroHeadingsAfterAnAttendanceList() {
        let long = String(repeating: "Members discussed the road resurfacing programme and the village signs at length. ", count: 6)
        let text = "Meeting Minutes Ordinary Meeting 9th September 2019, Council Chamber, Town Hall "
            + "Present: Councillors Ann Boyle, Brian Cotter and Cara Doyle. "
            + "Officials in Attendance: Meetings Administrator: Dan Egan Administrative Officers: Eve Flood "
            + "1.0 Adoption of Minutes 1.1 Adoption of minutes of Ordinary meeting held on 12th August, 2019. "
            + "The minutes were adopted on the proposal of Councillor Boyle. "
            + "2.0 Matters arising from the Minutes No matters arising. "
            + "3.0 Correspondence The correspondence was noted. \(long)"
        let items = parse(text).sections.flatMap(\.items)
        #expect(items.map(\.number) == ["1.0", "2.0", "3.0"])
        #expect(items.first?.title == "Adoption of Minutes")
    }

    @Test func eachMeetingsMinutesInOneDocumentAreASection() {
        let text = """
        Minutes of an Extraordinary Meeting of the Parish Council held on Monday 3rd June 2024

        Present … Councillors: Ann Blake (In the Chair), Tom Carr & Eve Dunn.

        1. Apologies for absence were received from Councillor Fay Ede.

        2. Audit return … RESOLVED to approve the return.

        Minutes of the Annual Meeting of the Parish Council held on Thursday 16th May 2024 at 7.30 pm

        Present: Councillors Fay Ede (Chairman), Ann Blake and Tom Carr.

        1. Election of Chairman

        Councillor Ede was re-elected.

        2. To approve the minutes of the previous meeting held on 11th April 2024

        Approved.
        """
        let sections = parse(text).sections.filter { $0.kind == .minutes }
        #expect(sections.map { $0.meetingDate?.iso } == ["2024-06-03", "2024-05-16"])
        #expect(sections.map { $0.attendance?.chair } == ["Blake", "Ede"])
        #expect(sections.map { $0.items.map(\.number) } == [["1", "2"], ["1", "2"]])
    }

    @Test func moderngovPagesAboutOneItem() {
        let agendaItem = """
        Agenda item

        MINUTES OF THE LICENSING COMMITTEE MEETINGS HELD ON: 4 May 2022; 1 June 2022

        To receive the minutes of the meetings.

        Minutes:

        AGREED that:

        1.    The minutes of 4 May 2022 be amended to record an apology from Councillor Reeve;

        2.    The minutes of both meetings be confirmed as a correct record.

        Supporting documents:
        """
        let page = parse(agendaItem).sections.flatMap(\.items)
        #expect(page.map(\.number) == [""])
        #expect(page.map(\.title) == ["MINUTES OF THE LICENSING COMMITTEE MEETINGS HELD ON: 4 May 2022; 1 June 2022"])
        let issue = """
        Issue - meetings

        Declarations of interest in respect of items on the agenda.

        Meeting: 14/03/2011 - Standards Committee (Item 31)

        Declarations of interest.

        The Chairman invited members to declare any interest in respect of items on the agenda.

        Mr Lowe declared a personal interest in minute 33 below.
        """
        let minute = parse(issue).sections.flatMap(\.items)
        #expect(minute.map(\.number) == ["31"])
        #expect(minute.map(\.title) == ["Declarations of interest"])
    }

    @Test func cmisListingWithTypedLinksAndALongTitle() {
        let text = """
        Meeting Details

            Licensing committee
            12 Oct 2021 - 10:00
            • Documents
            • Attendance

            Standard Items
            1 Apologies

            To receive apologies for absence
            2 pdf Minutes (181Kb)


            To approve the accuracy of the minutes of the meeting held on 14 September 2021

            3 Review of the Statement of Licensing Policy and of the Cumulative Impact Assessment for the City Centre


            Oral update for information.
        """
        let items = parse(text).sections.flatMap(\.items)
        #expect(items.map(\.number) == ["1", "2", "3"])
        #expect(items.map(\.title) == ["Apologies", "Minutes",
                                        "Review of the Statement of Licensing Policy and of the Cumulative Impact Assessment for the City Centre"])
    }

    @Test func committeesMinutesLetteredUnderTheirItem() {
        let text = """
        Agenda and minutes

        Moray Firth Council - Thursday, 18 February 2016 10:30 am

        Items
        Note No. Item

        1.

        APOLOGIES FOR ABSENCE

        Minutes:

        Apologies were received from Councillor Tait.

        2.

        MINUTES OF COMMITTEES

        2a

        Harbours Committee - 14 January 2016

        Minutes:

        The minutes were noted.

        2b

        Roads Committee - 21 January 2016

        Minutes:

        The minutes were noted.
        """
        let items = parse(text).sections.flatMap(\.items)
        #expect(items.map(\.number) == ["1", "2", "2a", "2b"])
        #expect(items.last?.title == "Roads Committee - 21 January 2016")
    }

    @Test func firstRowOfAListingUnderItsColumnHeadings() {
        let text = """
        Fire Authority

        12 July 2017

        Item no. Agenda Item Details Status
        01 Apologies for Absence
        02 Disclosable Pecuniary Interests

        Members are reminded of the code.

        03 Minutes

        Members are asked to agree the minutes.
        """
        #expect(parse(text).sections.flatMap(\.items).map(\.number) == ["01", "02", "03"])
    }

    @Test func minuteNumberedNPointNoughtWithTheAgendaNumberAgain() {
        #expect(NumberedHeading.parse(LineCleaner.lines(of: "212.0. Agenda Item 4: Correspondence")[0])?.number == "212.0")
        #expect(RunInHeading.title(of: "Agenda Item 1: Record of those Present/Apologies • Members: Cllr Rees") == "Record of those Present/Apologies")
    }

    @Test func officesAfterADashTheClerkAndVisitingCouncillors() {
        let text = """
        MINUTES OF HOLME HALE PARISH COUNCIL MEETING HELD AT THE VILLAGE HALL

        TUESDAY JUNE 3rd 2014

        Present: Cllr. R. Hart - Chair, Cllr. A. Fenn - Vice Chair, Cllr. B. Gale, Cllr Mrs D Ives, County Councillor M Storr, Mrs C Lane (Clerk), 4 Members of the Public.

        1. Apologies for absence

        None.
        """
        let attendance = parse(text).sections.first?.attendance
        #expect(attendance?.chair == "Hart")
        #expect(attendance?.chairFirstPresent == ["Hart", "Fenn", "Gale", "Ives"])
    }

    @Test func markdownPostWithAnHTMLTableAndAListThatStartsAt4() {
        let text = """
        MINUTES OF THE MEETING OF HOLME HALE PARISH COUNCIL HELD ON TUESDAY 3 JUNE 2014

        1. **Apologies**

        None.

        2. **Minutes**

        Approved.

        3. **To consider any planning applications**

        <table><tbody><tr><td><strong>i)&nbsp;&nbsp; 14/00353/f:</strong> No objections.<div></div><ol start="4"><li><strong>To receive correspondence</strong></li></ol>&nbsp;<ol start="5"><li><strong>Items for the next agenda</strong></li></ol></td></tr></tbody></table>

        The meeting closed at 8:47pm
        """
        let items = parse(text, file: "post.md").sections.flatMap(\.items)
        #expect(items.map(\.number) == ["1", "2", "3", "4", "5"])
        #expect(items[3].title == "To receive correspondence")
        #expect(!items[2].text.contains("&nbsp;"))
    }

    @Test func unnumberedMinutesBetweenTheRollCallAndItemOne() {
        let text = """
        MINUTES OF THE MEETING OF THE MUNICIPAL DISTRICT OF
        BALLYKEEL HELD IN COUNCIL CHAMBERS ON FRIDAY 11TH OF JULY 2014 AT 2.00PM
        Present:
        Cllrs J Dunne, P Moran and M Tobin.
        In attendance:
        P Quinlan, Area Engineer
        B Fahy, Meetings Administrator
        Vote of Sympathy
        A vote of sympathy was passed by the members on the death of a former member of the council.
        SUSPEND STANDING ORDERS:
        With the agreement of the meeting the Cathaoirleach suspended Standing Orders for the tributes.
        AND AGREED
        That the tributes be recorded in the minutes of this meeting.
        1. Election of Cathaoirleach
        Cllr Dunne was elected Cathaoirleach for the coming year by the members.
        Roads Programme
        The Area Engineer outlined the roads programme for the coming year in the district.
        """
        let items = parse(text).sections.flatMap(\.items)
        #expect(items.map(\.number) == ["", "", "1"])
        #expect(items.map(\.title) == ["Vote of Sympathy", "SUSPEND STANDING ORDERS", "Election of Cathaoirleach"])
    }

    @Test func aNumberedLineRunningIntoTheNextNumber() {
        let text = """
        Minutes of the Parish Council Meeting held on Wednesday 13th May 2015

        Present– Cllr Dan Lowe - Chairman, Cllr I Moss, Cllr John Webb.

        4. No Declarations of Interest made.

        5. Election of Vice-Chairman It was proposed that Cllr Moss should remain as Vice-Chairman. Cllr Moss was duly elected. 6. The Minutes of the meeting held on 02/03/15 were agreed as a true record.

        7. Matters arising None.
        """
        let items = parse(text, file: "minutes.md").sections.flatMap(\.items)
        #expect(items.map(\.number) == ["4", "5", "6", "7"])
        #expect(LineNormaliser.splittingNextItem(LineCleaner.lines(of: "2. Reports were received. 1. Dog fouling was noted. 4. Later")[0]).count == 1)
    }

    @Test func headingsSetOffByAnEllipsisAndListingRowsRunIntoTheirDescription() {
        let parish = """
        Minutes of the Parish Council Meeting held on Thursday 9th February 2023 at 7.30 pm

        Present: Councillors Ann Hale (Chairman), Rob Nye and Sue Pick.

        Public Forum … A resident asked about the flooded bridleway behind the church.

        1. Apologies … None.

        2. Declarations of interest … There were none.

        3. Minutes of the meeting held on 12th January 2023 … It was RESOLVED that the minutes be approved.
        """
        let items = parse(parish).sections.flatMap(\.items)
        #expect(items.map(\.number) == ["", "1", "2", "3"])
        #expect(items.map(\.title) == ["Public Forum", "Apologies", "Declarations of interest", "Minutes of the meeting held on 12th January 2023"])
        let listing = """
        Agenda and minutes

        Fenmoor Transport Panel - Wednesday, 12th March, 2025 2.00 pm

        No. | Item |
        ---|---|
        Declarations of Interest To receive any declarations of disclosable pecuniary interests. |
        Minutes: None were declared. |
        Urgent Items To consider any items which the Chair agrees are urgent. |
        Minutes: There were none. |
        """
        #expect(parse(listing).sections.flatMap(\.items).map(\.title) == ["Declarations of Interest", "Urgent Items"])
    }

    @Test func aModernGovTableWithoutItsNumbersOrHeader() {
        // The number column and the "No. Item" header lost: each row's title runs into its
        // description and "Minutes:"; a decision's numbered points are not items.
        let rows = """
        Minutes: RESOLVED that the minutes of the meeting held on 4 May 2023 be approved as a correct record.
        Declarations of Interest Decision: None Minutes: None |
        Minutes of previous meeting To approve as a correct record the minutes of the meeting held on 16 March 2023.
        Minutes: The minutes were approved.
        Library Opening Hours Members of the Panel are asked to consider the report and agree its recommendations.
        Minutes: The Head of Libraries introduced the report.
        Decision: Cllr Bell MOVED and it was RESOLVED to: 1. Note the consultation. 3. Agree the hours. 5. Note that the budget will be identified.
        """
        let doc = parse(rows)
        #expect(doc.sections.map(\.kind) == [.minutes])
        #expect(doc.sections.flatMap(\.items).map(\.title) == ["Declarations of Interest", "Minutes of previous meeting", "Library Opening Hours"])
    }

    @Test func anAgendaMaySkipANumberItLostButNotTwo() {
        let text = """
        Fenmoor Fire Authority

        AGENDA

        1 Apologies for Absence
        To receive any apologies.

        2 Declarations of Interest
        There were none.

        To confirm the minutes of the meeting held on 14 February 2018.

        4 Chairman's Announcements
        To update Members on recent activities.

        7 Fire Cover Review
        To consider the report.
        """
        let items = parse(text).sections.flatMap(\.items)
        #expect(items.map(\.number) == ["1", "2", "4"])
    }

    @Test func anOpeningHeadingSetOffByADashButNotAPersonsRole() {
        let text = """
        Minutes of the Fenmoor Parish Council Meeting held on Monday 6 March 2023 at 7.30 pm

        Present: Cllr P Morgan (Chair), Cllr S Mills and Cllr J Penn.

        Jo Bright – Clerk and 3 members of the public.

        Public Participation – None.

        1. To receive apologies for absence

        Cllr Wroth sent apologies.
        """
        let items = parse(text).sections.flatMap(\.items)
        #expect(items.map(\.title) == ["Public Participation", "To receive apologies for absence"])
    }

    @Test func presentListEndsAtItsSentenceWhenTheLineRunsOn() {
        let long = String(repeating: "The Cathaoirleach thanked the staff for their work on the new library during the year. ", count: 6)
        let text = "Minutes of Monthly Council Meeting held in the Council Chamber on Monday 9th June, 2008 at 2.00 p.m. "
            + "Chair: Cllr P Dolan, Mayor Present: Cllrs Boyle, Carney, B. Duffy, P. Duffy and Egan. "
            + "Mr. J. Walsh, County Manager, Ms. C. Hart, Meetings Administrator. \(long)"
        let attendance = parse(text).sections.first?.attendance
        #expect(attendance?.chair == "Dolan")
        #expect(attendance?.chairFirstPresent == ["Dolan", "Boyle", "Carney", "Duffy", "Duffy", "Egan"])
        #expect(AttendanceExtractor.firstSentence(of: "Capt. R. Kaye, Mrs. A. Rawcliffe and E. Whittle.") == "Capt. R. Kaye, Mrs. A. Rawcliffe and E. Whittle.")
    }
}

/// The last resorts for a document whose text names neither its meeting date nor its body.
@Suite struct SourceHintsTests {
    @Test func pdfMetadataStandsInWhenTextAndFileNameSayNothing() {
        let text = "1. Apologies\n\nNone were received.\n\n2. Budget\n\nNoted.\n"
        let hints = SourceHints(title: "Licensing Committee minutes", created: MeetingDate(year: 2024, month: 3, day: 5))
        let doc = MinutesParser().parse(text, fileName: "scan0042.pdf", hints: hints)
        #expect(doc.sections.first?.meetingDate?.iso == "2024-03-05")
        #expect(doc.committee == "Licensing Committee")
        // The text's own date, when it prints one, wins over the metadata.
        let dated = MinutesParser().parse("Licensing Committee - Monday 7 July 2025\n\n" + text, fileName: "scan0042.pdf", hints: hints)
        #expect(dated.sections.first?.meetingDate?.iso == "2025-07-07")
    }

    @Test func pdfReaderReadsTitleAndCreationDate() throws {
        let url = try FixtureFiles.url("pdf/improving-lives-2018-09-18-minutes.pdf")
        let read = try DocumentReader.readDocument(at: url)
        // scripts/make-test-pdfs typesets the fixture with enscript, which titles it so.
        #expect(read.hints.title == "Enscript Output")
        #expect(read.hints.created != nil)
        #expect(read.text.contains("IMPROVING LIVES SELECT COMMISSION"))
    }

}
