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

    /// Long text is searched eight bytes at a time: each character is found wherever it falls,
    /// beside letters of one to four bytes, and the bytes around it are kept as they are.
    func testFindsEachCharacterAnywhereInLongText() {
        let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        let around = Array("aé中👋b%&'x=\u{301}yz(\"-".replacingOccurrences(of: "&", with: "").replacingOccurrences(of: "'", with: "")
            .replacingOccurrences(of: "\"", with: ""))
        for special in entities.keys {
            for at in 0..<20 {
                var text = (0..<20).map { String(around[$0 % around.count]) }
                text[at] = String(special)
                text.insert(String(special), at: (at * 7) % 20)
                let joined = text.joined()
                XCTAssertEqual(escapeHTML(joined), joined.unicodeScalars.map { entities[Character($0)] ?? String($0) }.joined(), joined)
            }
        }
        XCTAssertEqual(escapeHTML(String(repeating: "plain words ", count: 9)), String(repeating: "plain words ", count: 9))
    }
}
