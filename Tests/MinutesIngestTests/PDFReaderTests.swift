import Foundation
@testable import MinutesIngest
import Testing

/// PDFs read through pdftotext, on fixtures made by scripts/make-test-pdfs (enscript + ps2pdf + gs).
@Suite(.enabled(if: ExternalTool.locate("pdftotext") != nil,
                "pdftotext is not installed (scripts/install-system-packages installs poppler-utils)"))
struct PDFReaderTests {
    @Test func pdfOfShippedMinutesParsesToTheSameItemsAsItsText() throws {
        let name = "improving-lives-2018-09-18-minutes"
        let fromText = try CorpusFiles.parse(name + ".txt")
        let url = try FixtureFiles.url("pdf/\(name).pdf")
        let fromPDF = MinutesParser().parse(try DocumentReader.readText(at: url), fileName: name + ".pdf")

        #expect(fromPDF.committee == fromText.committee)
        #expect(fromPDF.sections.map(\.kind) == fromText.sections.map(\.kind))
        #expect(fromPDF.sections.map(\.meetingDate) == fromText.sections.map(\.meetingDate))
        let textItems = fromText.sections.flatMap(\.items)
        let pdfItems = fromPDF.sections.flatMap(\.items)
        #expect(pdfItems.map(\.number) == ["19", "20", "21", "22", "23", "24", "25", "26", "27", "28"])
        #expect(pdfItems.map(\.number) == textItems.map(\.number))
        #expect(pdfItems.map(\.title) == textItems.map(\.title))
        #expect(pdfItems.map(\.resolved) == textItems.map(\.resolved))
        #expect(pdfItems.map(\.isProcedural) == textItems.map(\.isProcedural))
        #expect(fromPDF.present == fromText.present)
        #expect(fromPDF.present.first == "Brookes")
    }

    @Test func aScanWithoutTextLayerIsReportedClearly() throws {
        let error = #expect(throws: IngestError.self) { try DocumentReader.readText(at: FixtureFiles.url("pdf/scan.pdf")) }
        let reason = error?.reason ?? ""
        #expect(reason.hasPrefix("no text layer"), "\(reason)")
    }

    @Test func anEncryptedPDFSaysSo() throws {
        let error = #expect(throws: IngestError.self) { try DocumentReader.readText(at: FixtureFiles.url("pdf/encrypted.pdf")) }
        #expect(error?.reason == "the PDF is encrypted: it needs a password to open")
    }

    @Test func aCorruptPDFSaysSo() throws {
        let good = try Data(contentsOf: FixtureFiles.url("pdf/improving-lives-2018-09-18-minutes.pdf"))
        let url = URL(fileURLWithPath: "/tmp/broken.pdf")
        let damaged = #expect(throws: IngestError.self) { try DocumentReader.text(of: good.prefix(400), at: url) }
        let reason = damaged?.reason ?? ""
        #expect(reason.hasPrefix("the PDF is damaged or not a PDF (pdftotext: "), "\(reason)")
        #expect(damaged?.path == "/tmp/broken.pdf")
        let notPDF = #expect(throws: IngestError.self) { try DocumentReader.text(of: Data("hello".utf8), at: url) }
        #expect(notPDF?.reason == "not a PDF: the file has no %PDF header")
    }

    @Test func aMissingPdftotextNamesThePackage() throws {
        let empty = try TemporaryFolder()
        let options = ReadOptions(toolDirectories: [empty.url.path])
        let error = #expect(throws: IngestError.self) {
            try DocumentReader.readText(at: FixtureFiles.url("pdf/scan.pdf"), options: options)
        }
        #expect(error?.reason == "pdftotext not found: install poppler-utils")
    }

    @Test func outputBeyondTheLimitStopsTheTool() throws {
        let options = ReadOptions(maxTextBytes: 1000)
        let url = try FixtureFiles.url("pdf/improving-lives-2018-09-18-minutes.pdf")
        let error = #expect(throws: IngestError.self) { try DocumentReader.readText(at: url, options: options) }
        #expect(error?.reason == "pdftotext produced more than 1000 bytes of text and was stopped")
    }

    @Test func aToolThatHangsIsKilledAtTheTimeLimit() throws {
        // A stand-in "pdftotext" that never finishes.
        let folder = try TemporaryFolder()
        let fake = folder.url.appendingPathComponent("pdftotext")
        try "#!/bin/sh\nexec sleep 30\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let options = ReadOptions(timeout: 0.5, toolDirectories: [folder.url.path])
        let started = Date()
        let error = #expect(throws: IngestError.self) {
            try DocumentReader.readText(at: FixtureFiles.url("pdf/scan.pdf"), options: options)
        }
        #expect(error?.reason == "pdftotext took longer than 0.5 s and was stopped")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func ocrReadsAScanWhenEnabledAndTesseractIsInstalled() throws {
        let scan = try FixtureFiles.url("pdf/cabinet-scan.pdf")
        let unread = #expect(throws: IngestError.self) { try DocumentReader.readText(at: scan) }
        #expect((unread?.reason ?? "").hasPrefix("no text layer"))
        // The check above runs either way; the rest needs tesseract (a skip, as XCTSkip was).
        guard ExternalTool.locate("tesseract") != nil else { try Test.cancel("tesseract-ocr is not installed (OCR is optional)") }
        let doc = MinutesParser().parse(try DocumentReader.readText(at: scan, options: ReadOptions(ocr: true)), fileName: "cabinet-scan.pdf")
        let items = doc.sections.flatMap(\.items)
        #expect(items.map(\.number) == ["CAB 44/25", "CAB 45/25", "CAB 46/25"])
        #expect(items.first?.title == "DECLARATIONS OF INTEREST")
        #expect(doc.present.first == "Okafor")
        // A drawing with no words: OCR runs and says it found nothing.
        let blank = #expect(throws: IngestError.self) {
            try DocumentReader.readText(at: FixtureFiles.url("pdf/scan.pdf"), options: ReadOptions(ocr: true))
        }
        #expect(blank?.reason == "no text layer, and OCR found no text in the PDF's images")
    }
}
