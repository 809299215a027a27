@testable import Broadside
import XCTest

final class DataTableTests: XCTestCase {
    private let sidecar = """
    key: Relief
    columns: {Felony: Aggravated felony}
    legend:
      bar: {label: Bars it, symbol: "✖", style: bar}
      no bar: {label: No bar, symbol: "✓", style: ok}
      depends: {label: Depends, symbol: "◐", style: caution}
    quick_check: true
    """

    private func table(_ csv: String, sidecar: String? = nil) -> (DataTable?, [String]) {
        var diagnostics = Diagnostics()
        let table = DataTable.parse(
            csv: SourceFile(relativePath: "charts/bars.csv", displayPath: "Content/charts/bars.csv", text: csv),
            sidecar: sidecar.map { SourceFile(relativePath: "charts/bars.yml", displayPath: "Content/charts/bars.yml", text: $0) },
            diagnostics: &diagnostics
        )
        return (table, diagnostics.all.map(\.description))
    }

    func testCellsMatchTheLegendByLeadingKeywordWithNotes() throws {
        let (parsed, problems) = table("Relief,Felony,Drugs\nAsylum,bar,\"depends: if the sentence is 5+ years\"\nCAT,no bar,No bar (deferral)\n", sidecar: sidecar)
        XCTAssertEqual(problems, [])
        let result = try XCTUnwrap(parsed)
        XCTAssertEqual(result.columns.map(\.label), ["Relief", "Aggravated felony", "Drugs"])
        XCTAssertEqual(result.keyColumn, 0)
        XCTAssertEqual(result.rows[0].cells.map { $0.entry?.keyword }, [nil, "bar", "depends"])
        XCTAssertEqual(result.rows[0].cells[2].note, "if the sentence is 5+ years")
        XCTAssertEqual(result.rows[1].cells[1].entry?.keyword, "no bar")
        XCTAssertEqual(result.rows[1].cells[2].entry?.keyword, "no bar")
        XCTAssertEqual(result.rows[1].cells[2].note, "(deferral)")
        XCTAssertTrue(result.about.quickCheck)
    }

    func testWithoutASidecarTheFirstColumnNamesTheRows() throws {
        let (parsed, problems) = table("Law,Year\nPC 18.5,2015\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(parsed?.rows.map { $0.cells.map(\.text) }, [["PC 18.5", "2015"]])
        XCTAssertNil(parsed?.rows[0].cells[1].entry)
    }

    func testEveryTableErrorNamesItsPlace() {
        let (parsed, problems) = table("""
        Relief,Felony,,Felony
        Asylum,bar,no bar,bar
        Asylum,bar,no bar,bar
        TPS,bar
        ,bar,bar,bar
        DACA,maybe,bar,
        """, sidecar: sidecar)
        XCTAssertNil(parsed)
        XCTAssertEqual(problems, [
            "Content/charts/bars.csv:1:15: error: column 3 has no name: give every column a name in the first line",
            "Content/charts/bars.csv:1:16: error: the column name 'Felony' is used twice (also column 2): each column needs its own name",
            "Content/charts/bars.csv:3:1: error: 'Asylum' names two rows (the first is on line 2): each row needs its own name in 'Relief'",
            "Content/charts/bars.csv:4:1: error: this row has 2 fields but the header has 4: check for a missing or extra comma, or quote a value that contains one",
            "Content/charts/bars.csv:5:1: error: this row has no value in the column 'Relief', which names the rows",
            "Content/charts/bars.csv:6:6: error: 'maybe' matches no legend entry: start the cell with one of bar, no bar, depends",
            "Content/charts/bars.csv:6:16: error: this empty cell matches no legend entry: start the cell with one of bar, no bar, depends",
        ])
    }

    func testSidecarMistakes() {
        let (parsed, problems) = table("A,B\nx,y\n", sidecar: """
        key: Relief
        legend:
          bar: {label: Bars it, style: red}
        colour: red
        """)
        XCTAssertNil(parsed)
        XCTAssertEqual(problems, [
            "Content/charts/bars.yml:3:32: error: 'style' must be one of bar, caution, ok, neutral",
            "Content/charts/bars.yml:4:1: warning: unknown table description key 'colour' is ignored (known keys: title, caption, source, as_of, key, columns, legend, quick_check, coded, text, sources)",
            "Content/charts/bars.yml:1:6: error: 'key' names the column 'Relief', but the CSV's columns are 'A', 'B'",
        ])
    }

    func testAnEmptyFile() {
        XCTAssertEqual(table("").1, ["Content/charts/bars.csv:1:1: error: this CSV file is empty: its first line must name the columns"])
    }
}
