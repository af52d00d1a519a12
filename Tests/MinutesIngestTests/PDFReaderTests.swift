import Foundation
@testable import MinutesIngest
import XCTest

/// PDFs read through pdftotext, on fixtures made by scripts/make-test-pdfs (enscript + ps2pdf + gs).
final class PDFReaderTests: XCTestCase {
    override func setUpWithError() throws {
        guard ExternalTool.locate("pdftotext") != nil else {
            throw XCTSkip("pdftotext is not installed (scripts/install-system-packages installs poppler-utils)")
        }
    }

    func testPDFOfShippedMinutesParsesToTheSameItemsAsItsText() throws {
        let name = "improving-lives-2018-09-18-minutes"
        let fromText = try CorpusFiles.parse(name + ".txt")
        let url = try FixtureFiles.url("pdf/\(name).pdf")
        let fromPDF = MinutesParser().parse(try DocumentReader.readText(at: url), fileName: name + ".pdf")

        XCTAssertEqual(fromPDF.committee, fromText.committee)
        XCTAssertEqual(fromPDF.sections.map(\.kind), fromText.sections.map(\.kind))
        XCTAssertEqual(fromPDF.sections.map(\.meetingDate), fromText.sections.map(\.meetingDate))
        let textItems = fromText.sections.flatMap(\.items)
        let pdfItems = fromPDF.sections.flatMap(\.items)
        XCTAssertEqual(pdfItems.map(\.number), ["19", "20", "21", "22", "23", "24", "25", "26", "27", "28"])
        XCTAssertEqual(pdfItems.map(\.number), textItems.map(\.number))
        XCTAssertEqual(pdfItems.map(\.title), textItems.map(\.title))
        XCTAssertEqual(pdfItems.map(\.resolved), textItems.map(\.resolved))
        XCTAssertEqual(pdfItems.map(\.isProcedural), textItems.map(\.isProcedural))
        XCTAssertEqual(fromPDF.present, fromText.present)
        XCTAssertEqual(fromPDF.present.first, "Brookes")
    }

    func testAScanWithoutTextLayerIsReportedClearly() throws {
        XCTAssertThrowsError(try DocumentReader.readText(at: FixtureFiles.url("pdf/scan.pdf"))) { error in
            let reason = (error as? IngestError)?.reason ?? ""
            XCTAssertTrue(reason.hasPrefix("no text layer"), reason)
        }
    }

    func testAnEncryptedPDFSaysSo() throws {
        XCTAssertThrowsError(try DocumentReader.readText(at: FixtureFiles.url("pdf/encrypted.pdf"))) { error in
            XCTAssertEqual((error as? IngestError)?.reason, "the PDF is encrypted: it needs a password to open")
        }
    }

    func testACorruptPDFSaysSo() throws {
        let good = try Data(contentsOf: FixtureFiles.url("pdf/improving-lives-2018-09-18-minutes.pdf"))
        let url = URL(fileURLWithPath: "/tmp/broken.pdf")
        XCTAssertThrowsError(try DocumentReader.text(of: good.prefix(400), at: url)) { error in
            let reason = (error as? IngestError)?.reason ?? ""
            XCTAssertTrue(reason.hasPrefix("the PDF is damaged or not a PDF (pdftotext: "), reason)
            XCTAssertEqual((error as? IngestError)?.path, "/tmp/broken.pdf")
        }
        XCTAssertThrowsError(try DocumentReader.text(of: Data("hello".utf8), at: url)) { error in
            XCTAssertEqual((error as? IngestError)?.reason, "not a PDF: the file has no %PDF header")
        }
    }

    func testAMissingPdftotextNamesThePackage() throws {
        let empty = try TemporaryFolder()
        let options = ReadOptions(toolDirectories: [empty.url.path])
        XCTAssertThrowsError(try DocumentReader.readText(at: FixtureFiles.url("pdf/scan.pdf"), options: options)) { error in
            XCTAssertEqual((error as? IngestError)?.reason, "pdftotext not found: install poppler-utils")
        }
    }

    func testOutputBeyondTheLimitStopsTheTool() throws {
        let options = ReadOptions(maxTextBytes: 1000)
        let url = try FixtureFiles.url("pdf/improving-lives-2018-09-18-minutes.pdf")
        XCTAssertThrowsError(try DocumentReader.readText(at: url, options: options)) { error in
            XCTAssertEqual((error as? IngestError)?.reason, "pdftotext produced more than 1000 bytes of text and was stopped")
        }
    }

    func testAToolThatHangsIsKilledAtTheTimeLimit() throws {
        // A stand-in "pdftotext" that never finishes.
        let folder = try TemporaryFolder()
        let fake = folder.url.appendingPathComponent("pdftotext")
        try "#!/bin/sh\nexec sleep 30\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let options = ReadOptions(timeout: 0.5, toolDirectories: [folder.url.path])
        let started = Date()
        XCTAssertThrowsError(try DocumentReader.readText(at: FixtureFiles.url("pdf/scan.pdf"), options: options)) { error in
            XCTAssertEqual((error as? IngestError)?.reason, "pdftotext took longer than 0.5 s and was stopped")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testOCRReadsAScanWhenEnabledAndTesseractIsInstalled() throws {
        let scan = try FixtureFiles.url("pdf/cabinet-scan.pdf")
        XCTAssertThrowsError(try DocumentReader.readText(at: scan)) { error in
            XCTAssertTrue(((error as? IngestError)?.reason ?? "").hasPrefix("no text layer"))
        }
        guard ExternalTool.locate("tesseract") != nil else { throw XCTSkip("tesseract-ocr is not installed (OCR is optional)") }
        let doc = MinutesParser().parse(try DocumentReader.readText(at: scan, options: ReadOptions(ocr: true)), fileName: "cabinet-scan.pdf")
        let items = doc.sections.flatMap(\.items)
        XCTAssertEqual(items.map(\.number), ["CAB 44/25", "CAB 45/25", "CAB 46/25"])
        XCTAssertEqual(items.first?.title, "DECLARATIONS OF INTEREST")
        XCTAssertEqual(doc.present.first, "Okafor")
        // A drawing with no words: OCR runs and says it found nothing.
        XCTAssertThrowsError(try DocumentReader.readText(at: FixtureFiles.url("pdf/scan.pdf"), options: ReadOptions(ocr: true))) { error in
            XCTAssertEqual((error as? IngestError)?.reason, "no text layer, and OCR found no text in the PDF's images")
        }
    }
}
