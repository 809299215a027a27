import BroadsideTestSupport
import Foundation
import XCTest

/// What paper must never lose: the columns of a table far wider than its page, and the
/// characters of a language the default face lacks. Read back from the PDFs with poppler.
final class PrintLimitsTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        try PrintedOutput.requireTools()
        try BuildCommandTests.requireTools(["/usr/bin/pdffonts"])
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-print-limits-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestPaths.sites.appendingPathComponent("print-limits"), to: root)
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    private func build() throws -> Command {
        let result = try Command.run(BuildCommandTests.binary.path, ["build", "--pdf", "require"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr + result.stdout)
        return result
    }

    private func source(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// A 26-column table prints every header and every figure: split into parts that repeat
    /// the county, in smaller type, and nothing runs off the page.
    func testEveryColumnOfAWideTablePrints() throws {
        let result = try build()
        XCTAssertFalse(result.stderr.contains("print/table-overflow"), result.stderr)
        let printed = PrintedOutput(root: root)
        let pdf = "handouts/data-wide.pdf"
        let text = try (1...printed.pages(pdf)).map { try printed.text(pdf, page: $0) }.joined(separator: "\n")
        let words = Set(text.replacingOccurrences(of: ",", with: "").split(whereSeparator: \.isWhitespace).map(String.init))
        let csv = try source("Content/data/county-figures.csv").split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        for year in csv[0].dropFirst() {
            XCTAssertTrue(words.contains(String(year.dropFirst(3))), "\(year) is missing from \(pdf):\n\(text)")
        }
        for row in csv.dropFirst() {
            for figure in row.dropFirst() { XCTAssertTrue(words.contains(figure), "\(row[0]): \(figure) is missing from \(pdf)") }
        }
        // Each part repeats the key column and says it continues.
        XCTAssertGreaterThanOrEqual(text.components(separatedBy: "San Bernardino").count - 1, 2, text)
        XCTAssertTrue(text.contains("(continued"), text)
    }

    /// A Chinese handout draws every character with a font that has it: the CJK face is
    /// embedded, and each character of the source comes back out of the PDF's text.
    func testAChineseHandoutPrintsEveryCharacter() throws {
        let result = try build()
        XCTAssertFalse(result.stderr.contains("print/missing-font"), result.stderr)
        let pdf = root.appendingPathComponent("Output/zh/handouts/guides-help.pdf").path
        let fonts = try Command.run("/usr/bin/pdffonts", [pdf], in: root).stdout
        let faces = fonts.split(separator: "\n").dropFirst(2)
        XCTAssertTrue(faces.contains { $0.contains("CJK") }, fonts)
        for face in faces { XCTAssertTrue(face.split(separator: " ").contains("yes"), "not embedded: \(face)") }
        let text = try PrintedOutput(root: root).text("zh/handouts/guides-help.pdf", page: 1)
        let page = try source("Content/guides/help.zh.md")
        let han = Set(page.unicodeScalars.filter { $0.properties.isIdeographic })
        XCTAssertGreaterThan(han.count, 40)
        let missing = han.subtracting(text.unicodeScalars)
        XCTAssertTrue(missing.isEmpty, "not in the PDF: \(String(String.UnicodeScalarView(missing)))\n\(text)")
    }

    private func write(_ files: [String: String]) throws {
        for (path, text) in files {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    /// What no layout can fit, a word longer than the page is wide, is named where the table is
    /// written, in a CSV table and in a Markdown one, and again when the PDF comes from the cache.
    func testATableThatStillRunsPastThePageIsNamedAtItsLine() throws {
        let word = String(repeating: "Unbreakableword", count: 12)
        try write([
            "Content/data/long.csv": "County,A,B,C,D,E\nKern,1,\(word),3,4,5\n",
            "Content/data/long.md": "---\ntitle: Long words\nsummary: One word longer than the page.\nhandout: true\n---\n\n"
                + "```table\nsrc: long.csv\ncaption: Long words\n```\n\n| Name | Address |\n| --- | --- |\n| Kern | \(word) |\n",
        ])
        let expected = [
            "Content/data/long.md:7:1: warning: the table 'Long words (continued, part 2 of 3)' is wider than the printed page of handouts/data-long.pdf: 1 of its 2 columns runs past the right margin [print/table-overflow]",
            "Content/data/long.md:12:1: warning: the table 'Table: Name, Address' is wider than the printed page of handouts/data-long.pdf: 1 of its 2 columns runs past the right margin [print/table-overflow]",
        ]
        for run in ["first build", "rebuild from the cache"] {
            let result = try build()
            let found = result.stderr.split(separator: "\n").filter { $0.contains("print/table-overflow") }.map(String.init)
            XCTAssertEqual(found, expected, run)
        }
    }

    /// A character no installed font has is named, with the words around it, instead of
    /// printing as an empty box that nobody notices until the handout is on the welcome table.
    func testACharacterNoFontHasIsNamed() throws {
        try write(["Content/guides/help.md": try source("Content/guides/help.md").replacingOccurrences(
            of: "## What to bring", with: "Old symbols: \u{E000}\u{E001}\n\n## What to bring")])
        let result = try build()
        let expected = "Content/guides/help.md:11:14: warning: handouts/guides-help.pdf prints '\u{E000}' (U+E000, in “Old symbols: \u{E000}\u{E001}”), "
            + "'\u{E001}' (U+E001, in “Old symbols: \u{E000}\u{E001}”) as empty boxes: no installed font has them: install a font that does "
            + "(`make site` installs the Noto fonts; on Debian, fonts-noto-core and fonts-noto-cjk) [print/missing-font]"
        XCTAssertTrue(result.stderr.contains(expected), result.stderr)
    }

    /// A Markdown table as wide prints whole too: parts that repeat its first column.
    func testEveryColumnOfAWideMarkdownTablePrints() throws {
        let years = (2000...2019).map { "FY \($0)" }
        let rows = ["Kern", "San Bernardino"].map { county in "| \(county) | " + years.indices.map { "\(1_000_000 + $0 * 7919)" }.joined(separator: " | ") + " |" }
        try write(["Content/data/pipe.md": "---\ntitle: Pipe table\nsummary: Twenty years in Markdown.\nhandout: true\n---\n\n"
                   + "| County | " + years.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: years.count + 1) + "\n"
                   + rows.joined(separator: "\n") + "\n"])
        let result = try build()
        XCTAssertFalse(result.stderr.contains("print/table-overflow"), result.stderr)
        let printed = PrintedOutput(root: root)
        let pdf = "handouts/data-pipe.pdf"
        let text = try (1...printed.pages(pdf)).map { try printed.text(pdf, page: $0) }.joined(separator: "\n")
        let words = Set(text.split(whereSeparator: \.isWhitespace).map(String.init))
        for year in years { XCTAssertTrue(words.contains(String(year.dropFirst(3))), "\(year) is missing from \(pdf):\n\(text)") }
        for figure in years.indices.map({ "\(1_000_000 + $0 * 7919)" }) { XCTAssertTrue(words.contains(figure), "\(figure) is missing from \(pdf)") }
        XCTAssertGreaterThanOrEqual(text.components(separatedBy: "San Bernardino").count - 1, 2, text)
        XCTAssertTrue(text.contains("(continued"), text)
    }
}
