@testable import Broadside
import XCTest

/// A printed table keeps every column: smaller type first, then parts that repeat the key column.
final class PrintColumnsTests: XCTestCase {
    let letter = PrintColumns.pageWidth(.letter)

    func testTheLandscapePageIsTheLongSideLessTheMargins() {
        XCTAssertEqual(letter, 705.6, accuracy: 0.01)
        XCTAssertEqual(PrintColumns.pageWidth(.a4), 755.5, accuracy: 0.1)
    }

    func testATableThatFitsKeepsTheRegularSizeAndOnePart() {
        let columns = [["Form of relief", "Asylum"], ["Bar", "bar"], ["Notes", "ask a lawyer about the 7-year clock"]]
        XCTAssertEqual(PrintColumns.plan(columns, key: 0, pageWidth: letter), PrintColumns(fontSize: 8.5, parts: [[1, 2]]))
    }

    func testATableSlightlyTooWideGetsTheFloorSize() {
        // Fourteen columns of seven-digit figures: about 6.4 em each, too wide at 8.5 pt, fine at 7.
        let columns = (0..<14).map { ["Year \($0)", "1,470,925"] }
        let plan = PrintColumns.plan(columns, key: 0, pageWidth: letter)
        XCTAssertEqual(plan, PrintColumns(fontSize: 7, parts: [Array(1..<14)]))
    }

    /// 26 columns of a government table: every column is in exactly one part, in order, and
    /// each part with the key column fits the page at the floor size.
    func testTwentySixColumnsSplitIntoPartsThatEachFit() {
        let columns = [["County", "San Bernardino"]] + (1...25).map { ["FY \(1999 + $0)", "1,470,925"] }
        let plan = PrintColumns.plan(columns, key: 0, pageWidth: letter)
        XCTAssertEqual(plan.fontSize, 7)
        XCTAssertEqual(plan.parts.flatMap { $0 }, Array(1...25))
        XCTAssertEqual(plan.parts.count, 2, "\(plan.parts)")
        for part in plan.parts {
            let width = ([0] + part).map { PrintColumns.width(columns[$0]) }.reduce(0, +) * 7
            XCTAssertLessThanOrEqual(width, letter, "\(part)")
        }
        // Parts of about equal size, not eighteen columns and then seven.
        XCTAssertLessThanOrEqual(abs(plan.parts[0].count - plan.parts[1].count), 2, "\(plan.parts)")
    }

    func testTheKeyColumnNeedNotBeFirst() {
        let columns = (0..<30).map { ["Column \($0)", "Supercalifragilistic"] }
        let plan = PrintColumns.plan(columns, key: 3, pageWidth: letter)
        XCTAssertFalse(plan.parts.flatMap { $0 }.contains(3))
        XCTAssertEqual(plan.parts.flatMap { $0 }.count, 29)
    }

    /// A word too long for any page still prints, in a part of its own: the engine's overflow
    /// check names it, which is better than leaving it out.
    func testAColumnWiderThanThePageGetsItsOwnPart() {
        let long = String(repeating: "x", count: 200)
        let columns = [["Key", "a"], ["A", "1"], ["B", long], ["C", "3"]]
        let plan = PrintColumns.plan(columns, key: 0, pageWidth: letter)
        XCTAssertEqual(plan.parts, [[1], [2], [3]])
    }

    func testWidthIsTheLongestWordOrADozenCharacters() {
        XCTAssertEqual(PrintColumns.width(["Bar", "no bar"]), 0.8 + 6 * 0.62, accuracy: 0.001)
        XCTAssertEqual(PrintColumns.width(["Notes", "a long sentence that wraps in its cell"]), 0.8 + 12 * 0.62, accuracy: 0.001)
        XCTAssertEqual(PrintColumns.width(["Aggravated felony", "bar"]), 0.8 + 12 * 0.68, accuracy: 0.001)
    }
}
