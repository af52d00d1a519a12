import Foundation
import MinutesIngest
import XCTest

final class HTMLReaderTests: XCTestCase {
    func testBlocksBecomeParagraphsAndBreaksLines() {
        let html = "<html><body><h2>Present:</h2><p>Councillor Smith<br>Councillor Jones</p><ul><li>One</li><li>Two</li></ul><div>End</div></body></html>"
        XCTAssertEqual(HTMLReader.text(of: html), "Present:\n\nCouncillor Smith\nCouncillor Jones\n\n- One\n- Two\n\nEnd\n")
    }

    func testScriptsStylesHeadAndCommentsAreDropped() {
        let html = """
        <head><title>Page title</title><style>p { color: red }</style></head>
        <body><script>var s = "<p>1. NOT AN ITEM</p>"; if (a < b) {}</script><!-- <p>hidden</p> --><nav>Home &gt; Meetings</nav><p>Kept</p></body>
        """
        XCTAssertEqual(HTMLReader.text(of: html), "Kept\n")
    }

    func testEntitiesAreDecoded() {
        let html = "<p>Fish &amp; chips &ndash; &pound;5 &#8217;s &#x2019; &#146; &eacute; &nbsp;x &unknown; a &lt; b</p>"
        XCTAssertEqual(HTMLReader.text(of: html), "Fish & chips – £5 ’s ’ ’ é \u{00A0}x &unknown; a < b\n")
    }

    func testWhiteSpaceCollapsesExceptInPre() {
        XCTAssertEqual(HTMLReader.text(of: "<p>one\n   two\t three</p><pre>a  b\nc</pre>"), "one two three\n\na  b\nc\n")
    }

    func testTableCellsAreSeparatedAndAnItemNumberCellLabelsItsRow() {
        let html = """
        <table><tr><th>Quarter</th><th>Referrals</th></tr><tr><td>Q1</td><td>64</td></tr></table>
        <table><tr><td><p>4.</p></td><td><p>Elective Home Education</p><p>Minutes:</p></td></tr>
        <tr><td>CAB 45/25</td><td>Budget</td></tr></table>
        """
        XCTAssertEqual(HTMLReader.text(of: html), "Quarter | Referrals\nQ1 | 64\n\n4. Elective Home Education\n\nMinutes:\n\nCAB 45/25 Budget\n")
    }

    func testAPlainLessThanSignIsText() {
        XCTAssertEqual(HTMLReader.text(of: "<p>if a < b and c > d</p>"), "if a < b and c > d\n")
    }

    func testWindows1252PagesAreRead() throws {
        let url = URL(fileURLWithPath: "/tmp/page.html")
        let data = Data([0x3C, 0x70, 0x3E, 0x93, 0x51, 0x94, 0x3C, 0x2F, 0x70, 0x3E])  // <p>“Q”</p> in Windows-1252
        XCTAssertEqual(try DocumentReader.text(of: data, at: url), "“Q”\n")
    }
}
