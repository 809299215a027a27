@testable import Broadside
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Charts drawn from CSV: golden SVG for each type (re-record with BROADSIDE_RECORD=1), the
/// SVG parses as XML and carries its title and summary, and every mistake has its place.
final class ChartTests: XCTestCase {
    static let golden = GoldenSiteTests.sites.deletingLastPathComponent().appendingPathComponent("charts")

    private let csv = """
    Year,Removals,Returns
    FY2016,"240,255",106
    FY2017,"226,119",
    FY2018,"256,085",91
    FY2019,"267,258",118
    """

    private func build(_ block: String, csv: String? = nil) -> Build.Result {
        Build(options: BuildOptions(), io: .memory([
            "Site/site.yml": "checks:\n  site/base-url: off\n",
            "Content/index.md": "---\ntitle: Home\n---\n",
            "Content/data/chart.md": "---\ntitle: Chart\nsummary: Numbers.\n---\n## Numbers\n\n```chart\n\(block)\n```\n",
            "Content/data/removals.csv": csv ?? self.csv,
        ])).run(write: false)
    }

    private func svg(_ block: String) throws -> String {
        let result = build(block)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let page = try XCTUnwrap(result.site?.texts[Route("data/chart/index.html")])
        let start = try XCTUnwrap(page.range(of: "<svg class=\"chart-svg"))
        let end = try XCTUnwrap(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    private func checkGolden(_ name: String, _ svg: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.golden.appendingPathComponent("\(name).svg")
        if ProcessInfo.processInfo.environment["BROADSIDE_RECORD"] != nil {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try (svg + "\n").write(to: url, atomically: true, encoding: .utf8)
            XCTFail("recorded \(url.lastPathComponent): review it with git diff", file: file, line: line)
            return
        }
        XCTAssertEqual(svg + "\n", try String(contentsOf: url, encoding: .utf8), "\(name).svg differs from its golden file", file: file, line: line)
        let parser = XMLParser(data: Data(svg.utf8))
        XCTAssertTrue(parser.parse(), "\(name).svg is not well-formed XML: \(String(describing: parser.parserError))", file: file, line: line)
    }

    func testColumnChart() throws {
        let svg = try svg("src: removals.csv\ntype: column\ny: Removals\ntitle: Removals by year\nhighlight: FY2019\nunits: people")
        try checkGolden("column", svg)
        XCTAssertTrue(svg.contains(#"role="img""#))
        XCTAssertTrue(svg.contains("<title id=\"chart-removals-svg-title\">Removals by year</title>"), svg)
        XCTAssertTrue(svg.contains("<desc id=\"chart-removals-svg-desc\">Highest: FY2019, 267,258; lowest: FY2017, 226,119. Values in people.</desc>"), svg)
    }

    func testBarChartSorted() throws {
        try checkGolden("bar", try svg("src: removals.csv\ntype: bar\ny: Removals\nsort: descending"))
    }

    func testStackedChartWithAGap() throws {
        try checkGolden("stacked", try svg("src: removals.csv\ntype: stacked\ny: [Removals, Returns]"))
    }

    func testLineChartBreaksAtEmptyCells() throws {
        let svg = try svg("src: removals.csv\ntype: line\ny: [Removals, Returns]")
        try checkGolden("line", svg)
        XCTAssertTrue(svg.contains("Removals: highest: FY2019, 267,258; lowest: FY2017, 226,119; from FY2016, 240,255, to FY2019, 267,258."), svg)
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 2, "Returns has a gap in FY2017, so it is drawn in two parts, one of a single point")
    }

    func testTheNumbersAreThereToReadAndDownload() throws {
        let result = build("src: removals.csv\ny: Removals")
        let page = try XCTUnwrap(result.site?.texts[Route("data/chart/index.html")])
        XCTAssertTrue(page.contains("<summary>Show the numbers</summary>"))
        XCTAssertTrue(page.contains("<tr><th scope=\"row\">FY2017</th><td>226,119</td></tr>"))
        XCTAssertTrue(page.contains(#"<a class="download" href="../../data/removals.csv" download>Download the data (CSV)</a>"#))
    }

    func testEveryMistakeHasItsPlace() {
        XCTAssertEqual(build("src: removals.csv\ntype: pie\nx: Fiscal year\ny: [Removals, Deported]\nsort: sideways").diagnostics.all.map(\.description), [
            "Content/data/chart.md:9:7: error: 'type' must be one of bar, column, stacked, line, not 'pie'",
            "Content/data/chart.md:12:7: error: 'sort' must be one of none, ascending, descending",
        ])
        XCTAssertEqual(build("src: removals.csv\nx: Fiscal year\ny: [Removals, Deported]").diagnostics.all.map(\.description), [
            "Content/data/chart.md:9:4: error: 'x' names the column 'Fiscal year', but the CSV's columns are 'Year', 'Removals', 'Returns'",
            "Content/data/chart.md:10:4: error: 'y' names the column 'Deported', but the CSV's columns are 'Year', 'Removals', 'Returns'",
        ])
        XCTAssertEqual(build("src: removals.csv\ny: Removals", csv: "Year,Removals\nFY2016,\"240,255\"\nFY2017,about 226k\n").diagnostics.all.map(\.description), [
            "Content/data/removals.csv:3:8: error: 'about 226k' in the column 'Removals' is not a number: write digits like 1,234 or 12.5, or leave the cell empty when there is no number",
        ])
        XCTAssertEqual(build("src: removals.csv\ny: Removals", csv: "Year,Removals\nFY2016,\nFY2017,\n").diagnostics.all.map(\.description), [
            "Content/data/chart.md:9:4: error: the column 'Removals' has no numbers to draw",
        ])
        XCTAssertEqual(build("type: bar").diagnostics.all.map(\.description), [
            "Content/data/chart.md:7:1: error: this chart block has no 'y': name the column (or columns) with the numbers",
            "Content/data/chart.md:7:1: error: this chart block has no 'src': add a line like `src: relief-bars.csv`",
        ])
    }

    func testNumbersReadAndWriteLikeASpreadsheet() {
        XCTAssertEqual(NumberFormat.parse(" 240,255 ", prefix: ""), .number(240_255))
        XCTAssertEqual(NumberFormat.parse("$1,200.50", prefix: "$"), .number(1200.5))
        XCTAssertEqual(NumberFormat.parse("-3.5", prefix: ""), .number(-3.5))
        XCTAssertEqual(NumberFormat.parse("12%", prefix: ""), .number(12))
        XCTAssertEqual(NumberFormat.parse("", prefix: ""), .blank)
        for text in ["n/a", "1,2,3,x", "١٢", "nan", "inf", "--1"] {
            XCTAssertEqual(NumberFormat.parse(text, prefix: ""), .invalid, text)
        }
        XCTAssertEqual(NumberFormat().string(267_258), "267,258")
        XCTAssertEqual(NumberFormat(prefix: "$", decimals: 2).string(-1234.5), "−$1,234.50")
        XCTAssertEqual(NumberFormat.ticks(upTo: 267_258), [0, 100_000, 200_000, 300_000])
        XCTAssertEqual(NumberFormat.ticks(upTo: 9), [0, 2, 4, 6, 8, 10])
        XCTAssertEqual(NumberFormat.ticks(upTo: 30, from: -12), [-20, -10, 0, 10, 20, 30])
    }
}
