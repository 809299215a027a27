@testable import Broadside
import BroadsideTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Charts drawn from CSV: golden SVG for each type (re-record with BROADSIDE_RECORD=1), the
/// SVG parses as XML and carries its title and summary, and every mistake has its place.
final class ChartTests: XCTestCase {
    static let golden = TestPaths.fixtures.appendingPathComponent("charts")

    private let csv = """
    Year,Removals,Returns
    FY2016,"240,255",106
    FY2017,"226,119",
    FY2018,"256,085",91
    FY2019,"267,258",118
    """

    private func build(_ block: String, csv: String? = nil) -> Build.Result {
        TestSite([
            "Site/site.yml": "checks:\n  site/base-url: off\n",
            "Content/index.md": "---\ntitle: Home\n---\n",
            "Content/data/chart.md": "---\ntitle: Chart\nsummary: Numbers.\n---\n## Numbers\n\n```chart\n\(block)\n```\n",
            "Content/data/removals.csv": csv ?? self.csv,
        ]).build()
    }

    /// Both drawings of the chart, wide then narrow.
    private func svg(_ block: String, csv: String? = nil) throws -> String {
        let result = build(block, csv: csv)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let page = try XCTUnwrap(result.site?.texts[Route("data/chart/index.html")])
        let start = try XCTUnwrap(page.range(of: "<svg class=\"chart-svg"))
        let end = try XCTUnwrap(page.range(of: "</svg>", options: .backwards))
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// One drawing: `chart-wide` or `chart-narrow`.
    private func drawing(_ size: String, of svg: String) throws -> String {
        let start = try XCTUnwrap(svg.range(of: "<svg class=\"chart-svg chart-\(size)"))
        let end = try XCTUnwrap(svg.range(of: "</svg>", range: start.upperBound..<svg.endIndex))
        return String(svg[start.lowerBound..<end.upperBound])
    }

    /// The text of every label of a class in a drawing.
    private func labels(_ className: String, in drawing: String) -> [String] {
        drawing.components(separatedBy: "class=\"\(className)\"").dropFirst().compactMap { rest in
            rest.split(separator: ">", maxSplits: 1).last?.split(separator: "<", maxSplits: 1).first.map(String.init)
        }
    }

    /// Monthly counts over `months` months from January 2014, as organizers' spreadsheets have them.
    private func monthly(_ months: Int) -> String {
        "Month,People detained\n" + (0..<months).map { i in
            "\(2014 + i / 12)-\(String(format: "%02d", i % 12 + 1)),\"\(30_000 + (i * 7_919) % 14_000)\""
        }.joined(separator: "\n") + "\n"
    }

    private func checkGolden(_ name: String, _ svg: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try assertGolden(svg + "\n", at: Self.golden.appendingPathComponent("\(name).svg"), file: file, line: line)
        for drawing in svg.components(separatedBy: "</svg>").dropLast() {
            let parser = XMLParser(data: Data((drawing + "</svg>").utf8))
            XCTAssertTrue(parser.parse(), "\(name).svg is not well-formed XML: \(String(describing: parser.parserError))", file: file, line: line)
        }
    }

    func testColumnChart() throws {
        let svg = try svg("src: removals.csv\ntype: column\ny: Removals\ntitle: Removals by year\nhighlight: FY2019\nunits: people")
        try checkGolden("column", svg)
        XCTAssertTrue(svg.contains(#"role="img""#))
        XCTAssertTrue(svg.contains("<title id=\"chart-removals-wide-title\">Removals by year</title>"), svg)
        XCTAssertTrue(svg.contains("<title id=\"chart-removals-narrow-title\">Removals by year</title>"), svg)
        XCTAssertTrue(svg.contains("<desc id=\"chart-removals-narrow-desc\">Highest: FY2019, 267,258; lowest: FY2017, 226,119. Values in people.</desc>"), svg)
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
        XCTAssertEqual(try drawing("wide", of: svg).components(separatedBy: "<polyline").count - 1, 2,
                       "Returns has a gap in FY2017, so it is drawn in two parts, one of a single point")
    }

    func testALongSeriesShowsTheNamesAndValuesThatFitAndNoPileOfMarkers() throws {
        let long = try svg("src: removals.csv\ntype: line\ny: People detained", csv: monthly(150))
        for size in ["wide", "narrow"] {
            let drawing = try drawing(size, of: long)
            let months = labels("chart-label", in: drawing)
            XCTAssertEqual(months.first, "2014-01", "\(size): the first month is always named")
            XCTAssertEqual(months.last, "2026-06", "\(size): the last month is always named")
            XCTAssertTrue((4...12).contains(months.count), "\(size): \(months.count) of 150 months named: \(months)")
            XCTAssertFalse(drawing.contains("chart-marker"), "\(size): 150 markers pile into a thick line")
            let values = labels("chart-value", in: drawing)
            XCTAssertTrue((1...4).contains(values.count) && values.contains("43,981"),
                          "\(size): the highest value and a few others, not 150: \(values)")
        }
        let short = try svg("src: removals.csv\ntype: line\ny: People detained", csv: monthly(3))
        XCTAssertEqual(try labels("chart-label", in: drawing("narrow", of: short)), ["2014-01", "2014-02", "2014-03"])
        XCTAssertEqual(try labels("chart-value", in: drawing("narrow", of: short)), ["30,000", "37,919", "31,838"])
        XCTAssertEqual(try drawing("narrow", of: short).components(separatedBy: "class=\"chart-marker\"").count - 1, 3, "three points keep their markers")
    }

    func testColumnsOfNamesBecomeBarsOnPhonesSoEveryNameShows() throws {
        let counties = ["Alameda", "Contra Costa", "Fresno", "Imperial", "Kern", "Los Angeles", "Madera", "Merced", "Monterey",
                        "Orange", "Riverside", "Sacramento", "San Benito", "San Bernardino", "San Diego", "San Francisco",
                        "San Joaquin", "San Luis Obispo", "San Mateo", "Santa Barbara"]
        let csv = "County,Requests\n" + counties.enumerated().map { "\($1),\(100 + $0 * 37)" }.joined(separator: "\n") + "\n"
        let chart = try svg("src: removals.csv\ntype: column\ny: Requests", csv: csv)
        let wide = try drawing("wide", of: chart), narrow = try drawing("narrow", of: chart)
        XCTAssertEqual(labels("chart-label", in: narrow).joined(separator: " "), counties.joined(separator: " "),
                       "every name, in order, the long ones on two lines")
        XCTAssertEqual(labels("chart-value", in: narrow).count, counties.count, "every value at its bar's end")
        XCTAssertTrue(labels("chart-label", in: wide).count < counties.count, "the wide drawing keeps its columns and names every nth")
        XCTAssertEqual(labels("chart-value", in: wide), ["803", "100"], "only the highest and the latest value fit, not \(labels("chart-value", in: wide))")
    }

    func testABarChartLongerThanAPagePrintsInPiecesOfWholeRows() throws {
        func page(rows: Int) throws -> String {
            let csv = "County,Requests\n" + (1...rows).map { "County \($0),\($0 * 10)" }.joined(separator: "\n") + "\n"
            return try XCTUnwrap(build("src: removals.csv\ntype: bar\ny: Requests", csv: csv).site?.texts[Route("data/chart/index.html")])
        }
        let long = try page(rows: 30)
        XCTAssertTrue(long.contains(#"<figure class="chart chart-long" id="chart-requests">"#))
        let pieces = long.components(separatedBy: "<svg class=\"chart-svg chart-piece").dropFirst()
        XCTAssertEqual(pieces.map { labels("chart-label", in: $0).count }, [24, 6], "24 rows, then the other 6")
        XCTAssertEqual(pieces.map { labels("chart-value", in: $0).last }, ["240", "300"])
        // The second piece, on its own page, says whose it is.
        XCTAssertEqual(long.components(separatedBy: "<p class=\"chart-piece-title\">").count - 1, 1)
        XCTAssertTrue(pieces[pieces.startIndex].hasSuffix("<p class=\"chart-piece-title\">Requests (continued, part 2 of 2)</p>\n"), pieces[pieces.startIndex])
        let short = try page(rows: 24)
        XCTAssertTrue(short.contains(#"<figure class="chart" id="chart-requests">"#) && !short.contains("chart-piece"),
                      "a chart that fits a page prints whole")
    }

    func testLabelsTurnedOrNotDoNotOverlapOnlyWhenApart() {
        let level = ChartLabel(text: "2025-W01", x: 100, y: 100)
        XCTAssertTrue(level.overlaps(ChartLabel(text: "2025-W02", x: 140, y: 100)))
        XCTAssertFalse(level.overlaps(ChartLabel(text: "2025-W02", x: 180, y: 100)))
        XCTAssertFalse(level.overlaps(ChartLabel(text: "2025-W02", x: 100, y: 120)))
        let turned = ChartLabel(text: "San Luis Obispo", x: 100, y: 100, anchor: .end, angle: -45)
        XCTAssertTrue(turned.overlaps(ChartLabel(text: "Santa Barbara", x: 110, y: 100, anchor: .end, angle: -45)))
        XCTAssertFalse(turned.overlaps(ChartLabel(text: "Santa Barbara", x: 130, y: 100, anchor: .end, angle: -45)))
        XCTAssertTrue(ChartLabel.width("Bernardino", size: 13) >= 68.8, "wider than Chromium draws it in DejaVu Sans")
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
        XCTAssertEqual(NumberFormat.ticks(upTo: 12, count: 5), [0, 2.5, 5, 7.5, 10, 12.5])
        XCTAssertEqual(NumberFormat().ticks([0, 2.5, 5]).string(2.5), "2.5", "a tick is not rounded to the chart's decimals")
        XCTAssertEqual(NumberFormat(decimals: 2).ticks([0, 1_000, 2_000]).string(1_000), "1,000", "no .00 on round ticks")
    }
}
