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
        XCTAssertEqual(String(decoding: diagnostics.printed(), as: UTF8.self), lines.joined())
    }

    /// `build` prints every error and the first warnings of each rule in order, then sums up
    /// the rest of each rule in one line, in the order the rules first show.
    func testWarningsBeyondTheLimitOfEachRuleAreSummedUp() {
        var diagnostics = Diagnostics()
        for page in (0..<30).reversed() {
            diagnostics.report(.finding(.readability, "reads at grade 12.0", at: SourceLocation(path: "Content/p\(page + 10).md")))
            diagnostics.warning("unknown key 'reviwed'", at: SourceLocation(path: "Content/p\(page + 10).md", line: 2))
        }
        diagnostics.report(.finding(.missingSummary, "no summary", at: SourceLocation(path: "Content/p99.md")))
        diagnostics.report(.finding(.brokenLink, "broken link", at: SourceLocation(path: "Content/p98.md", line: 3)))
        diagnostics.error("no PDF engine", at: nil)
        let sorted = diagnostics.sorted
        let shownReadability = sorted.filter { $0.rule == .readability }.prefix(3)
        let shownUnknown = sorted.filter { $0.severity == .warning && $0.rule == nil }.prefix(3)
        let expected = sorted.filter {
            $0.severity == .error || $0.rule == .missingSummary || shownReadability.contains($0) || shownUnknown.contains($0)
        }.map { "\($0)\n" }.joined()
            + "note: … and 27 more [readability/grade] warnings not shown (`broadside check` lists them all); tune with `checks:` in site.yml\n"
            + "note: … and 27 more warnings not shown (`broadside check` lists them all)\n"
        XCTAssertEqual(String(decoding: diagnostics.printed(warningsPerRule: 3), as: UTF8.self), expected)
        XCTAssertTrue(expected.hasPrefix("error: no PDF engine\nContent/p10.md:1:1: warning: reads at grade 12.0 [readability/grade]\n"
                                         + "Content/p10.md:2:1: warning: unknown key 'reviwed'\nContent/p11.md:1:1: "), expected)
        XCTAssertTrue(expected.contains("Content/p98.md:3:1: error: broken link [links/broken]\nContent/p99.md:1:1: warning: no summary [content/summary]\n"))
        // With no limit, every line.
        XCTAssertEqual(String(decoding: diagnostics.printed(), as: UTF8.self), sorted.map { "\($0)\n" }.joined())
    }

    /// A handout over its page budget misleads whoever prints it, so `build` names every one,
    /// however many other handouts are over theirs.
    func testEveryPageBudgetFindingIsShownPastTheLimit() {
        var diagnostics = Diagnostics()
        for page in 0..<5 {
            diagnostics.report(.finding(.pageBudget, "this handout prints on 3 pages, more than the 1", at: SourceLocation(path: "Content/h\(page).md", line: 4)))
            diagnostics.report(.finding(.readability, "reads at grade 12.0", at: SourceLocation(path: "Content/h\(page).md")))
        }
        let printed = String(decoding: diagnostics.printed(warningsPerRule: 2), as: UTF8.self)
        XCTAssertEqual(printed.components(separatedBy: "[print/page-budget]").count - 1, 5, printed)
        XCTAssertEqual(printed.components(separatedBy: "[readability/grade]\n").count - 1, 2, printed)
        XCTAssertTrue(printed.hasSuffix("note: … and 3 more [readability/grade] warnings not shown (`broadside check` lists them all); tune with `checks:` in site.yml\n"), printed)
    }
}
