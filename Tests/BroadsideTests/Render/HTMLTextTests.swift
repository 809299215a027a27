@testable import Broadside
import XCTest

/// Author text in a page goes through `escapeHTML`: exactly `&<>"'` become entities, every
/// other byte stays as it is.
final class HTMLTextTests: XCTestCase {
    func testEscapesExactlyTheFiveCharacters() {
        let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for scalar in (0...0x7F).compactMap(Unicode.Scalar.init) + ["é", "中", "👋", "\u{301}"] {
            let text = "a\(scalar)b\(scalar)"
            let expected = text.map { entities[$0] ?? String($0) }.joined()
            XCTAssertEqual(escapeHTML(text), expected, "U+\(String(scalar.value, radix: 16))")
        }
        XCTAssertEqual(escapeHTML("<a href=\"x\">Tom's & Jerry's</a>"), "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;")
    }
}
