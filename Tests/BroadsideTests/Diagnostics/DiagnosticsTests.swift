@testable import Broadside
import XCTest

/// A build prints its messages as one block of lines, sorted by file and place, made across
/// the cores a few hundred at a time: the block must read as the messages one by one would.
final class DiagnosticsTests: XCTestCase {
    func testManyMessagesPrintSortedOneALine() {
        var diagnostics = Diagnostics()
        // Reported out of order, more than one run of lines, one without a place, one with a rule.
        for page in (0..<700).reversed() {
            diagnostics.warning("reads hard: “§ \(page)”", at: SourceLocation(path: "Content/p\(page / 10).md", line: page % 10 + 1, column: 3))
        }
        diagnostics.error("no PDF engine", at: nil)
        diagnostics.report(.finding(.readability, "reads at grade 9.0", at: SourceLocation(path: "Content/a.md")))
        let lines = diagnostics.sorted.map { "\($0)\n" }
        XCTAssertEqual(lines.count, 702)
        XCTAssertEqual(lines.first, "error: no PDF engine\n")
        XCTAssertEqual(lines[1], "Content/a.md:1:1: warning: reads at grade 9.0 [readability/grade]\n")
        XCTAssertEqual(String(decoding: diagnostics.printed, as: UTF8.self), lines.joined())
    }
}
