import BroadsideTestSupport
import Foundation
import XCTest

/// The starter kit's letter to district attorneys, built by the binary: a page and a PDF per
/// official (read back with pdftotext), the county picker listing every county, the Spanish
/// set, and the picker driven by keyboard in headless Chromium from disk.
final class LetterOutputTests: XCTestCase {
    private var root: URL!
    private var output: URL { root.appendingPathComponent("Output") }
    private static let officials = TestPaths.project.appendingPathComponent("Content/letters/officials.csv")

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-letters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    /// The CSV's rows as (name, county), read plainly: the header names the columns.
    private func officials() throws -> [(name: String, county: String, slug: String)] {
        let text = try String(contentsOf: Self.officials, encoding: .utf8)
        // Each row starts a line with its name and title; addresses run on over a second line.
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 3, cells[1] == "District Attorney" else { return nil }
            let slug = cells[0].lowercased().replacingOccurrences(of: " ", with: "-")
            return (cells[0], cells[2], slug)
        }
    }

    func testEveryOfficialHasAPageAndAPrintedLetter() throws {
        try PrintedOutput.requireTools()
        let output = try StarterBuild.output()
        let officials = try officials()
        XCTAssertEqual(officials.count, 5, "the starter CSV's officials")
        let printed = PrintedOutput(root: output.deletingLastPathComponent())
        let picker = try String(contentsOf: output.appendingPathComponent("letters/da-plea-policy/index.html"), encoding: .utf8)
        let spanishPicker = try String(contentsOf: output.appendingPathComponent("es/letters/da-plea-policy/index.html"), encoding: .utf8)
        let materials = try String(contentsOf: output.appendingPathComponent("print/index.html"), encoding: .utf8)
        for official in officials {
            let page = try String(contentsOf: output.appendingPathComponent("letters/da-plea-policy/\(official.slug)/index.html"), encoding: .utf8)
            XCTAssertTrue(page.contains("Dear District Attorney \(official.name),"), official.name)
            XCTAssertTrue(picker.contains("<option value=\"../../letters/da-plea-policy/\(official.slug)/index.html\">\(official.county)</option>"),
                          "the picker offers \(official.county)")
            XCTAssertTrue(picker.contains("<strong>\(official.county)</strong>: \(official.name)"), "the list names \(official.county)")
            XCTAssertTrue(spanishPicker.contains("<strong>\(official.county)</strong>: \(official.name)"), "the Spanish list names \(official.county)")
            let pdf = "handouts/letters-da-plea-policy-\(official.slug).pdf"
            XCTAssertEqual(try printed.pages(pdf), 2, "\(official.name)'s letter, then the call script")
            let letter = try printed.text(pdf, page: 1)
            XCTAssertTrue(letter.contains("Dear District Attorney \(official.name),"), letter)
            XCTAssertTrue(letter.contains("I live in \(official.county) County"), letter)
            XCTAssertTrue(letter.contains("Sincerely,") && letter.contains("Signature"), letter)
            let script = try printed.text(pdf, page: 2)
            XCTAssertTrue(script.contains("CALL SCRIPT") && script.contains("and I live in \(official.county) County"), script)
            XCTAssertTrue(script.contains("Not legal advice."), script)
            let spanish = try printed.text("es/handouts/letters-da-plea-policy-\(official.slug).pdf", page: 1)
            XCTAssertTrue(spanish.contains("Estimado/a fiscal de distrito \(official.name):"), spanish)
            XCTAssertTrue(materials.contains("\(official.name) · \(official.county)"), "Print materials lists \(official.name)'s letter")
        }
        XCTAssertTrue(materials.contains("Ask your district attorney for a written plea policy"), "the letters' group on Print materials")
    }

    func testTheCountyPickerWorksByKeyboardFromDisk() throws {
        try BuildCommandTests.requireTools(["/usr/bin/chromium", "/usr/bin/chromedriver"])
        let build = try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf", "--output", output.path], in: TestPaths.project)
        XCTAssertEqual(build.status, 0, build.stderr)
        let browser = try Command.run("/usr/bin/env", ["python3", "Tests/browser/letter_picker.py", output.path, "letters/da-plea-policy",
                                                       Self.officials.path], in: TestPaths.project, deadline: 120)
        XCTAssertEqual(browser.status, 0, browser.stdout + browser.stderr)
    }
}
