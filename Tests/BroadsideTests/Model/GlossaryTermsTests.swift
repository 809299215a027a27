@testable import Broadside
import Foundation
import XCTest

/// The glossary is searched for every term in one pass; it must find what Foundation's case-
/// and accent-blind search finds, term by term, as whole words.
final class GlossaryTermsTests: XCTestCase {
    private func terms(_ names: [String]) -> GlossaryTerms {
        GlossaryTerms(names.map { GlossaryTerm(term: $0, definition: "d", id: "term-" + $0) }.sorted { $0.term.count > $1.term.count })
    }

    private func found(_ glossary: GlossaryTerms, in text: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: glossary.firstPlaces(in: text).map { (glossary.terms[$0.key].term, String(text[$0.value])) })
    }

    func testAnyCaseAndAccentAsWholeWords() {
        let glossary = terms(["felony", "aggravated felony", "vacatur", "Notario", "deportación", "§ 1473.7"])
        XCTAssertEqual(found(glossary, in: "An AGGRAVATED Felony is not a felonyish crime; ask a notário about deportacion under § 1473.7."), [
            "felony": "Felony", "aggravated felony": "AGGRAVATED Felony", "Notario": "notário", "deportación": "deportacion", "§ 1473.7": "§ 1473.7",
        ])
        XCTAssertEqual(found(glossary, in: "vacaturs, avacatur"), [:], "inside a longer word")
        XCTAssertEqual(found(glossary, in: "vacatur\u{301}s vacatur\u{301}"), ["vacatur": "vacatur\u{301}"], "accents do not count, marks included")
        XCTAssertEqual(found(glossary, in: "Vacatur."), ["vacatur": "Vacatur"])
        XCTAssertEqual(found(glossary, in: "x§ 1473.7, then (§ 1473.7)"), ["§ 1473.7": "§ 1473.7"])
        XCTAssertEqual(found(glossary, in: "x§ 1473.7")["§ 1473.7"], nil, "a letter just before")
        XCTAssertEqual(found(glossary, in: "deportacio\u{301}n"), ["deportación": "deportacio\u{301}n"], "an accent written as a mark")
    }

    /// Random texts of a few words against Foundation's search, term by term, as the glossary
    /// was searched before: the first whole-word place of each term is the same.
    func testAgreesWithFoundationsSearch() {
        let words = ["bar", "Bar", "bár", "felony", "FELONY", "a", "aggravated", "crime", "barred", "—", "é", "x-bar", "(bar)"]
        let glossary = terms(["bar", "felony", "aggravated felony", "crime", "e"])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...8, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            var expected: [String: String] = [:]
            for term in glossary.terms {
                var from = text.startIndex
                while let range = text.range(of: term.term, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex) {
                    let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                    let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                    if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) {
                        expected[term.term] = String(text[range])
                        break
                    }
                    from = range.upperBound
                }
            }
            XCTAssertEqual(found(glossary, in: text), expected, text)
        }
    }
}
