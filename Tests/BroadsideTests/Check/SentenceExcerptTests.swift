@testable import Broadside
import XCTest

/// A readability warning quotes its hardest sentences cut to 70 characters, and grades to
/// tenths. Text of scalars that are characters on their own is cut by its scalars, and tenths
/// written as whole numbers: each must come out as the slower, general way writes it.
final class SentenceExcerptTests: XCTestCase {
    private func excerpt(_ sentence: Substring) -> String {
        var text: [UInt8] = []
        PageChecks.appendExcerpt(sentence, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private func oneDecimal(_ value: Double) -> String {
        var text: [UInt8] = []
        PageChecks.appendOneDecimal(value, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private func byCharacters(_ sentence: String) -> String {
        sentence.dropFirst(70).isEmpty ? sentence : sentence.prefix(67) + "…"
    }

    func testCutsWhereCountingCharactersCuts() {
        let letters = String(repeating: "abcdefghij", count: 8)
        var sentences: [String] = []
        for length in [0, 1, 66, 67, 68, 69, 70, 71, 72, 80] {
            let plain = String(letters.prefix(length))
            sentences += [plain, plain + "é", "é" + plain, plain + "e\u{301}", plain + "\r\n" + plain, plain + "👋🏽 hi",
                          "“" + plain + "” § 1473.7 — ok…", plain + "a\u{200D}b", plain + "\u{2019}\u{301}x", "\u{AD}" + plain + "\u{2028}"]
        }
        // A combining accent right after the 67th letter belongs to it.
        sentences.append(String(letters.prefix(67)) + "e\u{301}" + letters)
        for sentence in sentences {
            XCTAssertEqual(excerpt(Substring(sentence)), byCharacters(sentence), sentence.debugDescription)
        }
        XCTAssertEqual(excerpt(Substring(letters)), String(letters.prefix(67)) + "…")
        XCTAssertEqual(excerpt(letters.prefix(70)), String(letters.prefix(70)))
    }

    func testGradesAreWrittenAsStringWritesThemRoundedToTenths() {
        var values: [Double] = [0, 0.04, 0.05, 0.06, 7.95, 8, 8.04, 12.25, 21.449, 99.99, 100, 123456.789, -0.5, -3.14, -0.04]
        for tenths in 0..<2_000 { values.append(Double(tenths) / 10 + 0.013) }
        for value in values {
            XCTAssertEqual(oneDecimal(value), String((value * 10).rounded() / 10), "\(value)")
        }
    }
}
