import BroadsideTestSupport
import Foundation
import XCTest

/// Builds the handouts fixture with the real binary and WeasyPrint, then reads the PDFs back
/// the way a person checks a print job: page counts (pdfinfo), the words on each page
/// (pdftotext) and the QR codes (pdftoppm + zbarimg). `make test` installs these tools.
final class HandoutPDFTests: XCTestCase {
    static let base = "https://print.example.org/kit/"
    private var root: URL!
    private var output: URL { root.appendingPathComponent("Output") }

    override func setUpWithError() throws {
        try PrintedOutput.requireTools()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-pdf-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestPaths.sites.appendingPathComponent("handouts"), to: root)
        try? FileManager.default.removeItem(at: root.appendingPathComponent("expected"))
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    /// Builds the fixture; what it printed, output and errors together.
    private func build(_ arguments: String..., environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let result = try Command.run(BuildCommandTests.binary.path, ["build"] + arguments, in: root, environment: environment)
        return (result.status, result.stderr + result.stdout)
    }

    private var printed: PrintedOutput { PrintedOutput(root: root) }
    private func pages(_ pdf: String) throws -> Int { try printed.pages(pdf) }
    private func text(_ pdf: String, page: Int) throws -> String { try printed.text(pdf, page: page) }
    private func qrCodes(_ pdf: String, page: Int) throws -> [String] { try printed.qrCodes(pdf, page: page) }

    /// `check` prints nothing, but reports every rule: a handout over its budget as the last
    /// build printed it, until the handout changes.
    func testCheckReportsThePageBudgetTheLastBuildFound() throws {
        let check = { try Command.run(BuildCommandTests.binary.path, ["check"], in: self.root) }
        XCTAssertFalse(try check().stdout.contains("[print/page-budget]"), "nothing printed yet")
        XCTAssertEqual(try build().status, 0)
        let finding = "Content/laws/long.md:6:8: warning: this handout prints on 3 pages (as the last build printed it), more than the 1 that `pages:` allows: shorten it or raise the limit [print/page-budget]"
        let checked = try check()
        XCTAssertTrue(checked.stdout.contains(finding), checked.stdout + checked.stderr)
        let long = root.appendingPathComponent("Content/laws/long.md")
        try (String(contentsOf: long, encoding: .utf8) + "\nOne more line.\n").write(to: long, atomically: true, encoding: .utf8)
        XCTAssertFalse(try check().stdout.contains("[print/page-budget]"), "changed since it was printed")
    }

    func testHandoutsAndPacketReadBackFromThePDFs() throws {
        let result = try build()
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("Content/laws/long.md:6:8: warning: this handout prints on 3 pages, more than the 1 that `pages:` allows: shorten it or raise the limit [print/page-budget]"),
                      result.output)
        XCTAssertTrue(result.output.contains("(3 PDFs)"), result.output)

        for (pdf, title, path, reviewed) in [("handouts/laws-long.pdf", "A long summary", "laws/long/", "Last reviewed November 20, 2026"),
                                             ("handouts/laws-short.pdf", "A short summary", "laws/short/", "Not yet reviewed")] {
            let count = try pages(pdf)
            let first = try text(pdf, page: 1)
            for expected in [title, reviewed, "Not legal advice.", "DOJ-accredited representative", "Page 1 of \(count)",
                             "Fixture Legal Aid · (555) 010-7777", Self.base + path] {
                XCTAssertTrue(first.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
                    .contains(expected.replacingOccurrences(of: " ", with: "")), "\(pdf) page 1 lacks \(expected):\n\(first)")
            }
            XCTAssertEqual(try qrCodes(pdf, page: 1), [Self.base + path], pdf)
            XCTAssertTrue(try text(pdf, page: count).contains("Page \(count) of \(count)"), pdf)
        }
        XCTAssertEqual(try pages("handouts/laws-short.pdf"), 1)
        XCTAssertEqual(try pages("handouts/laws-long.pdf"), 3)

        // The packet's contents give the page where each handout really starts, on a right-hand
        // (odd) page because the packet is printed on both sides.
        let packet = "packets/kit.pdf"
        let count = try pages(packet)
        let contents = try text(packet, page: 2)
        for title in ["A short summary", "A long summary"] {
            let line = try XCTUnwrap(contents.split(separator: "\n").first { $0.contains(title) }, contents)
            let listed = try XCTUnwrap(Int(line.split(separator: " ").last ?? ""), String(line))
            // A handout's first page is the one with its QR caption and its title.
            let starts = try (1...count).first {
                let words = try text(packet, page: $0)
                return words.contains("Read this online") && words.contains(title)
            }
            XCTAssertEqual(listed, starts, "contents say \(title) starts on page \(listed)")
            XCTAssertEqual(listed % 2, 1, "\(title) must start on a right-hand page")
        }
        XCTAssertEqual(try qrCodes(packet, page: 3), [Self.base + "laws/short/"])

        // The Print materials page lists each PDF with its real page count.
        let materials = try String(contentsOf: output.appendingPathComponent("print/index.html"), encoding: .utf8)
        XCTAssertTrue(materials.contains(#"<a href="../handouts/laws-long.pdf">A long summary</a>"#), materials)
        XCTAssertTrue(materials.contains("PDF, 3 pages"), materials)
        XCTAssertTrue(materials.contains("PDF, \(count) pages"), materials)
        let page = try String(contentsOf: output.appendingPathComponent("laws/long/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains(#"<a href="../../handouts/laws-long.pdf">Printable handout (PDF)</a>"#))
    }

    func testWithoutPDFsTheHTMLHandoutsStillArrive() throws {
        let skipped = try build("--no-pdf")
        XCTAssertEqual(skipped.status, 0, skipped.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("handouts/laws-long.pdf").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("handouts/laws-long/index.html").path))
        let page = try String(contentsOf: output.appendingPathComponent("laws/long/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains(#"<a href="../../handouts/laws-long/index.html">Printable handout</a>"#))

        // No Python on the PATH stands in for a machine without WeasyPrint.
        let noEngine = ["PATH": "/nonexistent"]
        let warned = try build(environment: noEngine)
        XCTAssertEqual(warned.status, 0, warned.output)
        XCTAssertTrue(warned.output.hasPrefix("warning: PDF handouts need WeasyPrint 70.0, which is not installed"), warned.output)
        let required = try build("--pdf", "require", environment: noEngine)
        XCTAssertEqual(required.status, 1, required.output)
        XCTAssertTrue(required.output.hasPrefix("error: PDF handouts need WeasyPrint"), required.output)
    }
}
