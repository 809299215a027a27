@testable import Broadside
import XCTest

/// Tables that mix coded columns with text, numbers and sources: what the sidecar says of
/// each column, and every mistake at its line and column.
final class MixedTableTests: XCTestCase {
    private let legend = """
    legend:
      bar: {label: Bars it, symbol: "✖", style: bar}
      no bar: {label: No bar, symbol: "✓", style: ok}
    """
    private let csv = """
    Relief,Law,Felony,Drugs,Source
    Asylum,INA § 208,bar,no bar,https://www.law.cornell.edu/uscode/text/8/1158
    TPS,INA § 244,no bar,bar,https://www.law.cornell.edu/uscode/text/8/1254a https://www.ecfr.gov/current/title-8/section-244.4
    """

    private func table(_ csv: String, sidecar: String) -> (DataTable?, [String]) {
        var diagnostics = Diagnostics()
        let table = DataTable.parse(
            csv: SourceFile(relativePath: "charts/bars.csv", displayPath: "Content/charts/bars.csv", text: csv),
            sidecar: SourceFile(relativePath: "charts/bars.yml", displayPath: "Content/charts/bars.yml", text: sidecar),
            diagnostics: &diagnostics
        )
        return (table, diagnostics.all.map(\.description))
    }

    func testTextColumnsAreNeverJudgedAgainstTheLegend() throws {
        let (parsed, problems) = table(csv, sidecar: "text: [Law]\nsources: Source\n" + legend)
        XCTAssertEqual(problems, [])
        let result = try XCTUnwrap(parsed)
        XCTAssertEqual(result.columns.map(\.isCoded), [false, false, true, true, false])
        XCTAssertEqual(result.sourceColumn, 4)
        XCTAssertEqual(result.shownColumns, [0, 1, 2, 3])
        XCTAssertEqual(result.rows[0].cells.map { $0.entry?.keyword }, [nil, nil, "bar", "no bar", nil])
    }

    func testCodedNamesTheCodedColumnsAndTheRestAreText() throws {
        let (parsed, problems) = table(csv, sidecar: "coded: [Felony, Drugs]\nsources: Source\n" + legend)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(parsed?.columns.map(\.isCoded), [false, false, true, true, false])
    }

    func testWithoutEitherEveryColumnButTheKeyIsCodedAsBefore() {
        let (parsed, problems) = table("Relief,Law,Felony\nAsylum,INA § 208,bar\n", sidecar: legend)
        XCTAssertNil(parsed)
        XCTAssertEqual(problems, ["Content/charts/bars.csv:2:8: error: 'INA § 208' matches no legend entry: start the cell with one of bar, no bar"])
    }

    func testCodedAndTextTogetherAndUnknownColumnsAreErrorsAtTheirLines() {
        let (both, bothProblems) = table(csv, sidecar: "coded: [Felony]\ntext: [Law]\n" + legend)
        XCTAssertNil(both)
        XCTAssertEqual(bothProblems.first, "Content/charts/bars.yml:2:1: error: 'coded' and 'text' both say which columns the legend codes: keep one of them")

        let (parsed, problems) = table(csv, sidecar: "text: [Law, Notes]\nsources: Link\n" + legend)
        XCTAssertNil(parsed)
        XCTAssertEqual(problems, [
            "Content/charts/bars.yml:2:10: error: 'sources' names the column 'Link', but the CSV's columns are 'Relief', 'Law', 'Felony', 'Drugs', 'Source'",
            "Content/charts/bars.yml:1:13: error: 'text' names the column 'Notes', but the CSV's columns are 'Relief', 'Law', 'Felony', 'Drugs', 'Source'",
            // Without a sources column, its addresses are cells the legend codes.
            "Content/charts/bars.csv:2:29: error: 'https://www.law.cornell.edu/uscode/text/8/1158' matches no legend entry: start the cell with one of bar, no bar",
            "Content/charts/bars.csv:3:26: error: 'https://www.law.cornell.edu/uscode/text/8/1254a https://www.ecfr.gov/current/title-8/section-244.4' matches no legend entry: start the cell with one of bar, no bar",
        ])
    }

    func testSayingWhichColumnsAreCodedNeedsALegend() {
        let (_, problems) = table("Relief,Law\nAsylum,INA § 208\n", sidecar: "title: Laws\ntext: [Law]\n")
        XCTAssertEqual(problems, ["Content/charts/bars.yml:2:1: error: 'text' says which columns the legend codes, but there is no 'legend'"])
    }

    func testAQuickCheckNeedsACodedColumn() {
        let (parsed, problems) = table("Relief,Law\nAsylum,INA § 208\n", sidecar: "text: [Law]\nquick_check: true\n" + legend)
        XCTAssertNil(parsed)
        XCTAssertEqual(problems, ["Content/charts/bars.yml:2:14: error: 'quick_check' needs a column the legend codes, and 'coded' or 'text' leaves none"])
    }

    func testTheKeyColumnIsNeverCodedNorTheSources() {
        let (parsed, problems) = table(csv, sidecar: "coded: [Relief, Felony]\nsources: Relief\n" + legend)
        XCTAssertNil(parsed)
        XCTAssertEqual(problems, [
            "Content/charts/bars.yml:2:10: error: 'sources' names 'Relief', the column that names the rows: name the column of source addresses",
            "Content/charts/bars.yml:1:9: error: 'coded' names 'Relief', the column that names the rows: the legend cannot code it",
        ])
    }

    func testASourceCellHoldsOnlyWebAddresses() {
        let (parsed, problems) = table("Relief,Felony,Source\nAsylum,bar,see the statute\nTPS,bar,javascript:alert(1)\nCAT,bar,\n",
                                       sidecar: "sources: Source\n" + legend)
        XCTAssertNil(parsed)
        XCTAssertEqual(problems, [
            "Content/charts/bars.csv:2:12: error: 'see the statute' in 'Source' is not a web address: write each source as an address starting with https://, with a space between two",
            "Content/charts/bars.csv:3:9: error: source 'javascript:alert(1)': 'javascript:' addresses are not allowed; use https:, http:, mailto:, tel: or a path inside the site [safety/url]",
        ])
    }

    func testFormatsAreCheckedAtTheirLinesAndEveryCellAtItsPlace() {
        let (parsed, problems) = table("Year,Removals,Share,Budget,Since\n2019,\"267,258\",12.5,$1200,2019-01-01\n2020,lots,12%,x,January 2020\n", sidecar: """
        columns:
          Removals: {label: People removed, format: number}
          Share: {format: percent:1}
          Budget: {format: currency:usd}
          Since: {format: date}
          Year: {format: thousands}
        """)
        XCTAssertNil(parsed)
        XCTAssertEqual(problems, [
            "Content/charts/bars.yml:6:18: error: 'thousands' is not a format: use one of number, number:N, percent, percent:N, currency, currency:CODE, date",
            "Content/charts/bars.csv:3:6: error: 'lots' is not a number, as the column 'Removals' has format: number: write digits, like 1470925 or 1,470,925.50",
            "Content/charts/bars.csv:3:15: error: 'x' is not a number, as the column 'Budget' has format: currency: write digits, like 1470925 or 1,470,925.50",
            "Content/charts/bars.csv:3:17: error: 'January 2020' is not a date written YYYY-MM-DD, like 2026-03-02, as the column 'Since' has format: date",
        ])
    }

    func testAColumnsNameThatIsNoColumnIsAnError() {
        let (parsed, problems) = table("Relief,Felony\nAsylum,bar\n", sidecar: "columns:\n  Felon: Aggravated felony\n  Drugs: {format: number}\n" + legend)
        XCTAssertNil(parsed)
        XCTAssertEqual(problems, [
            "Content/charts/bars.yml:2:3: error: 'columns' names the column 'Felon', but the CSV's columns are 'Relief', 'Felony'",
            "Content/charts/bars.yml:3:3: error: 'columns' names the column 'Drugs', but the CSV's columns are 'Relief', 'Felony'",
        ])
    }

    func testACodedColumnTakesNoFormat() {
        let (parsed, problems) = table("Relief,Felony\nAsylum,bar\n", sidecar: "columns:\n  Felony: {format: number}\n" + legend)
        XCTAssertNil(parsed)
        XCTAssertEqual(problems, ["Content/charts/bars.yml:2:20: error: 'Felony' is coded by the legend, so it takes no 'format': list it under 'text' to format its values"])
    }

    func testAColumnOfPlainNumbersIsANumberColumnWithoutAFormat() throws {
        let (parsed, problems) = table("Law,Year,Count,Note\nA,2015,1470925.0,x\nB,2016,,2\n", sidecar: "title: Laws\n")
        XCTAssertEqual(problems, [])
        let result = try XCTUnwrap(parsed)
        XCTAssertEqual(result.columns.map(\.format), [nil, .plain, .plain, nil])
        XCTAssertEqual(result.rows[0].cells[2].value, .number(DecimalText("1470925.0")!))
        XCTAssertEqual(result.rows[1].cells[2].value, nil)
        XCTAssertEqual(result.rows[0].cells[2].text, "1470925.0", "the data keeps what was typed")
    }

    func testNumbersAreReadAsTypedAndRounded() throws {
        XCTAssertNil(DecimalText("1,47,0925"))
        XCTAssertNil(DecimalText("12."))
        XCTAssertNil(DecimalText("1e5"))
        XCTAssertNil(DecimalText(""))
        let number = try XCTUnwrap(DecimalText("-1,470,925.456"))
        XCTAssertEqual([number.negative ? "-" : "+", number.whole, number.fraction], ["-", "1470925", "456"])
        XCTAssertEqual(number.rounded(to: 2).fraction, "46")
        XCTAssertEqual(DecimalText("9.995")?.rounded(to: 2).whole, "10")
        XCTAssertEqual(DecimalText("9.995")?.rounded(to: 2).fraction, "00")
        XCTAssertEqual(DecimalText(".5")?.rounded(to: 0).whole, "1")
        XCTAssertEqual(DecimalText("007")?.whole, "7")
    }
}
