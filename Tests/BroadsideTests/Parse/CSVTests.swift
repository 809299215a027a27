@testable import Broadside
import XCTest

final class CSVTests: XCTestCase {
    private func parse(_ bytes: [UInt8]) -> ([[String]]?, [String]) {
        var diagnostics = Diagnostics()
        guard case .success(let file) = SourceFile.decode(bytes, relativePath: "t.csv", displayPath: "Content/t.csv") else {
            return (nil, ["not UTF-8"])
        }
        let records = CSV.parse(file, diagnostics: &diagnostics)
        return (records?.map { $0.map(\.text) }, diagnostics.all.map(\.description))
    }

    private func parse(_ text: String) -> ([[String]]?, [String]) { parse(Array(text.utf8)) }

    func testQuotedFieldsDoubledQuotesCommasAndLineBreaks() {
        let (records, problems) = parse("Name,Note\n\"Smith, J.\",\"said \"\"no\"\"\nthen left\"\nplain,\"\"\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(records, [["Name", "Note"], ["Smith, J.", "said \"no\"\nthen left"], ["plain", ""]])
    }

    func testCRLFAndByteOrderMarkAndNoFinalNewline() {
        let (records, problems) = parse([0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,\"x\r\ny\"\r\n2,3".utf8))
        XCTAssertEqual(problems, [])
        XCTAssertEqual(records, [["a", "b"], ["1", "x\ny"], ["2", "3"]])
    }

    func testEmptyLinesAndEmptyFieldsAreKeptApart() {
        XCTAssertEqual(parse("a,b\n\n1,\n\n").0, [["a", "b"], ["1", ""]])
    }

    func testFieldPositionsCountCharactersAndLines() throws {
        var diagnostics = Diagnostics()
        let file = SourceFile(relativePath: "t.csv", displayPath: "t.csv", text: "§a,\"b\nc\",d\ne,f,g\n")
        let records = try XCTUnwrap(CSV.parse(file, diagnostics: &diagnostics))
        XCTAssertEqual(records[0].map { [$0.line, $0.column] }, [[1, 1], [1, 4], [2, 4]])
        XCTAssertEqual(records[1].map { [$0.line, $0.column] }, [[3, 1], [3, 3], [3, 5]])
    }

    func testUnterminatedQuoteIsReportedWhereTheFieldStarts() {
        let (records, problems) = parse("a,b\n1,\"never closed\n2,3\n")
        XCTAssertNil(records)
        XCTAssertEqual(problems, ["Content/t.csv:2:3: error: this quoted field is never closed: add the missing \" before the end of the file"])
    }

    func testTextAfterAClosingQuote() {
        let (records, problems) = parse("a,b\n\"x\"y,2\n")
        XCTAssertNil(records)
        XCTAssertEqual(problems, ["Content/t.csv:2:4: error: after a closing quote a field must end: expected a comma or the end of the line"])
    }

    /// Random bytes must give records or a diagnostic, never a crash or a hang.
    func testRandomInputNeverCrashes() {
        var generator = SplitMix64(seed: 42)
        let alphabet: [UInt8] = Array("a,\"\n\r ;é".utf8) + [0xFF, 0x00, 0xC3]
        for _ in 0..<3000 {
            let length = Int(generator.next() % 80)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            var diagnostics = Diagnostics()
            if case .success(let file) = SourceFile.decode(bytes, relativePath: "r.csv", displayPath: "r.csv") {
                let records = CSV.parse(file, diagnostics: &diagnostics)
                XCTAssertTrue(records != nil || diagnostics.hasErrors)
                _ = DataTable.parse(csv: file, sidecar: nil, diagnostics: &diagnostics)
            }
        }
    }
}

/// A small deterministic generator, so a failing random case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
