@testable import Broadside
import XCTest

/// The editor's grid is saved through `CSVWriter`: whatever it writes, `CSV.parse` (the
/// build) must read back cell for cell.
final class CSVWriterTests: XCTestCase {
    private func readBack(_ text: String) -> [[String]]? {
        var diagnostics = Diagnostics()
        guard case .success(let file) = SourceFile.decode(Array(text.utf8), relativePath: "t.csv", displayPath: "Content/t.csv") else { return nil }
        let records = CSV.parse(file, diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        return records?.map { $0.map(\.text) }
    }

    func testQuotesCommasLineBreaksAccentsAndEmptyCellsRoundTrip() {
        let rows = [["Nombre", "Nota", "Vacío"],
                    ["Smith, J.", "said \"no\"\nthen left", ""],
                    ["Peña", "\"", ","],
                    ["", "", ""],
                    ["ñ é ü 中文", "a\r\nb", "line\rbreak"]]
        let text = CSVWriter.text(rows)
        XCTAssertEqual(text, "Nombre,Nota,Vacío\n\"Smith, J.\",\"said \"\"no\"\"\nthen left\",\nPeña,\"\"\"\",\",\"\n,,\nñ é ü 中文,\"a\nb\",\"line\nbreak\"\n")
        var expected = rows
        expected[4][1] = "a\nb"
        expected[4][2] = "line\nbreak"
        XCTAssertEqual(readBack(text), expected, "line breaks in a cell come back as LF, as the build reads them")
    }

    func testAHeaderAloneAndAOneColumnTableWithAnEmptyCell() {
        XCTAssertEqual(CSVWriter.text([["a", "b"]]), "a,b\n")
        XCTAssertEqual(readBack(CSVWriter.text([["a", "b"]])), [["a", "b"]])
        let single = CSVWriter.text([["Name"], [""], ["x"]])
        XCTAssertEqual(single, "Name\n\"\"\nx\n", "an empty line would be skipped: the empty cell is quoted")
        XCTAssertEqual(readBack(single), [["Name"], [""], ["x"]])
        XCTAssertEqual(CSVWriter.text([]), "")
    }
}
