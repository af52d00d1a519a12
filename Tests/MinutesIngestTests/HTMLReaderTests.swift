import Foundation
import MinutesIngest
import Testing

@Suite struct HTMLReaderTests {
    @Test func blocksBecomeParagraphsAndBreaksLines() {
        let html = "<html><body><h2>Present:</h2><p>Councillor Smith<br>Councillor Jones</p><ul><li>One</li><li>Two</li></ul><div>End</div></body></html>"
        #expect(HTMLReader.text(of: html) == "Present:\n\nCouncillor Smith\nCouncillor Jones\n\n- One\n- Two\n\nEnd\n")
    }

    @Test func scriptsStylesHeadAndCommentsAreDropped() {
        let html = """
        <head><title>Page title</title><style>p { color: red }</style></head>
        <body><script>var s = "<p>1. NOT AN ITEM</p>"; if (a < b) {}</script><!-- <p>hidden</p> --><nav>Home &gt; Meetings</nav><p>Kept</p></body>
        """
        #expect(HTMLReader.text(of: html) == "Kept\n")
    }

    @Test func entitiesAreDecoded() {
        let html = "<p>Fish &amp; chips &ndash; &pound;5 &#8217;s &#x2019; &#146; &eacute; &nbsp;x &unknown; a &lt; b</p>"
        #expect(HTMLReader.text(of: html) == "Fish & chips – £5 ’s ’ ’ é \u{00A0}x &unknown; a < b\n")
    }

    @Test func whiteSpaceCollapsesExceptInPre() {
        #expect(HTMLReader.text(of: "<p>one\n   two\t three</p><pre>a  b\nc</pre>") == "one two three\n\na  b\nc\n")
    }

    @Test func tableCellsAreSeparatedAndAnItemNumberCellLabelsItsRow() {
        let html = """
        <table><tr><th>Quarter</th><th>Referrals</th></tr><tr><td>Q1</td><td>64</td></tr></table>
        <table><tr><td><p>4.</p></td><td><p>Elective Home Education</p><p>Minutes:</p></td></tr>
        <tr><td>CAB 45/25</td><td>Budget</td></tr></table>
        """
        #expect(HTMLReader.text(of: html) == "Quarter | Referrals\nQ1 | 64\n\n4. Elective Home Education\n\nMinutes:\n\nCAB 45/25 Budget\n")
    }

    @Test func aPlainLessThanSignIsText() {
        #expect(HTMLReader.text(of: "<p>if a < b and c > d</p>") == "if a < b and c > d\n")
    }

    @Test func windows1252PagesAreRead() throws {
        let url = URL(fileURLWithPath: "/tmp/page.html")
        let data = Data([0x3C, 0x70, 0x3E, 0x93, 0x51, 0x94, 0x3C, 0x2F, 0x70, 0x3E])  // <p>“Q”</p> in Windows-1252
        #expect(try DocumentReader.text(of: data, at: url) == "“Q”\n")
    }
}
