@testable import Broadside
import XCTest

/// A readability warning quotes its hardest sentences cut to 70 characters. Plain ASCII is
/// cut by its bytes; it must cut where counting characters cuts.
final class SentenceExcerptTests: XCTestCase {
    private func byCharacters(_ sentence: String) -> String {
        sentence.dropFirst(70).isEmpty ? sentence : sentence.prefix(67) + "…"
    }

    func testCutsWhereCountingCharactersCuts() {
        let letters = String(repeating: "abcdefghij", count: 8)
        var sentences: [String] = []
        for length in [0, 1, 66, 67, 68, 69, 70, 71, 72, 80] {
            let plain = String(letters.prefix(length))
            sentences += [plain, plain + "é", "é" + plain, plain + "e\u{301}", plain + "\r\n" + plain, plain + "👋🏽 hi"]
        }
        // A combining accent right after the 67th letter belongs to it.
        sentences.append(String(letters.prefix(67)) + "e\u{301}" + letters)
        for sentence in sentences {
            XCTAssertEqual(PageChecks.excerpt(Substring(sentence)), byCharacters(sentence), sentence.debugDescription)
        }
        XCTAssertEqual(PageChecks.excerpt(Substring(letters)), String(letters.prefix(67)) + "…")
        XCTAssertEqual(PageChecks.excerpt(letters.prefix(70)), String(letters.prefix(70)))
    }
}
