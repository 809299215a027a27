@testable import Broadside
import XCTest

/// `TemplateFields` stands in for a dictionary of a page's values: after any series of
/// stores and removals it must hold what a `Dictionary` would, with few names and many.
final class TemplateFieldsTests: XCTestCase {
    func testHoldsWhatADictionaryWouldThroughStoresAndRemovals() {
        var fields = TemplateFields()
        var expected: [String: String] = [:]
        var generator = SystemRandomNumberGenerator()
        let names = (0..<60).map { "name\($0)" } + ["", "t", "title", "é", "中文", "a.b"]
        for step in 0..<3_000 {
            let name = names.randomElement(using: &generator)!
            if step % 7 == 3 {
                fields[name] = nil
                expected[name] = nil
            } else {
                fields[name] = .text("\(step)")
                expected[name] = "\(step)"
            }
            if step % 50 == 0 || step > 2_900 {
                for name in names {
                    XCTAssertEqual(text(fields[name]), expected[name], "\(name) after step \(step)")
                    XCTAssertEqual(text(fields[TemplateFields.HashedName(name)]), expected[name])
                }
            }
        }
    }

    func testALiteralKeepsTheLastValueOfANameWrittenTwice() {
        let fields: TemplateFields = ["a": "first", "b": "other", "a": "last"]
        XCTAssertEqual(text(fields["a"]), "last")
        XCTAssertEqual(text(fields["b"]), "other")
        XCTAssertNil(fields["c"])
    }

    private func text(_ value: TemplateValue?) -> String? {
        if case .text(let text)? = value { return text }
        return nil
    }
}
