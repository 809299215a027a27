@testable import Broadside
import XCTest

final class ReadabilityTests: XCTestCase {
    private let plain = "You can ask a judge to fix your case. Bring your court papers. A lawyer can help you. Call us if you need help. We speak Spanish and English. The help is free."
    private let dense = "Notwithstanding contrary administrative determinations, postconviction vacatur predicated upon constitutional deficiencies eliminates immigration consequences. Practitioners representing noncitizen defendants must contemporaneously evaluate prospective immigration ramifications."

    func testPlainEnglishReadsBelowGradeSixAndLegaleseFarAbove() throws {
        let easy = try XCTUnwrap(Readability.measure([(Array(plain.utf8), 3)], language: "en"))
        XCTAssertLessThan(easy.grade, 6)
        let hard = try XCTUnwrap(Readability.measure([(Array((dense + " " + plain).utf8), 9)], language: "en"))
        XCTAssertGreaterThan(hard.grade, 12)
        XCTAssertEqual(hard.sentences.first?.line, 9)
        XCTAssertEqual(hard.sentences.count, 3)
    }

    func testSpanishUsesFernandezHuerta() throws {
        let facil = "Puede pedir a un juez que arregle su caso. Traiga sus papeles. Un abogado le puede ayudar. Llame si necesita ayuda. Hablamos español e inglés. La ayuda es gratis. Venga el lunes por la mañana."
        let dificil = "No obstante las determinaciones administrativas contrarias, la anulación posterior a la condena fundamentada en deficiencias constitucionales elimina íntegramente las consecuencias migratorias correspondientes."
        let easy = try XCTUnwrap(Readability.measure([(Array(facil.utf8), 1)], language: "es")).grade
        let hard = try XCTUnwrap(Readability.measure([(Array((dificil + " " + facil).utf8), 1)], language: "es")).grade
        XCTAssertLessThan(easy, 8)
        XCTAssertGreaterThan(hard, easy + 2)
    }

    func testSentencesDoNotEndInsideACitation() {
        XCTAssertEqual(Readability.split("See Penal Code § 1473.7 today. Then call."), ["See Penal Code § 1473.7 today.", "Then call."])
        XCTAssertEqual(Readability.syllablesIn("immigration", spanish: false), 4)
        XCTAssertEqual(Readability.syllablesIn("name", spanish: false), 1)
        XCTAssertEqual(Readability.syllablesIn("table", spanish: false), 2)
        XCTAssertEqual(Readability.syllablesIn("deportación", spanish: true), 4)
    }

    /// Random text (letters, spaces, punctuation, digits, accents, emoji) measured as `scan`
    /// does, byte by byte from a table, and as the rules say, a character at a time: the same
    /// sentences, words and syllables, wherever a word or sentence falls.
    func testEveryTextCountsAsTheRulesSay() throws {
        var random = SplitMix64(seed: 7)
        // Mostly letters and spaces, as running text is.
        let pieces = Array(repeating: ["a", "e", "i", "o", "u", "y", "b", "t", "r", "l", "s", "E", "Y", "T", "L", " ", " "], count: 4).joined()
            + [" ", "  ", ".", ". ", "! ", "?", ",", "-", "(", ")", "1", "7", "§", "é", "ñ", "👩🏽‍⚖️", "\u{301}"]
        for _ in 0..<400 {
            var text = ""
            let length = 200 + Int(random.next() % 600)
            while text.utf8.count < length { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            for spanish in [false, true] {
                let expected = Self.rules(text, spanish: spanish)
                let words = expected.reduce(0) { $0 + $1.words }
                let measured = Readability.measure([(Array(text.utf8), 1)], language: spanish ? "es" : "en", hardest: .max)
                guard words >= 30 else {
                    XCTAssertNil(measured)
                    continue
                }
                let result = try XCTUnwrap(measured, text)
                let syllables = expected.reduce(0) { $0 + $1.syllables }
                XCTAssertEqual(result.grade, Readability.grade(words: words, sentences: expected.count, syllables: syllables, spanish: spanish), text)
                XCTAssertEqual(result.sentences.map { "\($0.text) \($0.grade)" }.sorted(),
                               expected.filter { $0.words >= Readability.quotedWords }.map { "\($0.text) \(Readability.grade(words: $0.words, sentences: 1, syllables: $0.syllables, spanish: spanish))" }.sorted(),
                               text)
            }
        }
    }

    /// The sentences of `text` with their words and syllables, by the rules of `Readability`:
    /// words are split at spaces and have a letter; a sentence ends at a space after `.`, `!`
    /// or `?`; an ASCII word's syllables are its groups of vowels, less a silent final e in
    /// English, at least one; a word beyond ASCII is counted by `syllablesIn`.
    private static func rules(_ text: String, spanish: Bool) -> [(text: Substring, words: Int, syllables: Int)] {
        var sentences: [(text: Substring, words: Int, syllables: Int)] = []
        var sentence: (start: String.Index, words: Int, syllables: Int) = (text.startIndex, 0, 0)
        var position = text.startIndex
        // Split at the space character itself: a space with an accent on it is no letter's.
        for bytes in text.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false) {
            let token = text[bytes.startIndex..<bytes.endIndex]
            if token.utf8.allSatisfy({ $0 < 0x80 }) {
                let letters = token.lowercased().filter { $0 >= "a" && $0 <= "z" }
                if !letters.isEmpty {
                    let vowels = spanish ? "aeiou" : "aeiouy"
                    var groups = 0, previous = false
                    for letter in letters {
                        if vowels.contains(letter) && !previous { groups += 1 }
                        previous = vowels.contains(letter)
                    }
                    if !spanish, groups > 1, letters.last == "e", letters.dropLast().last != "l" { groups -= 1 }
                    sentence.words += 1
                    sentence.syllables += max(groups, 1)
                }
            } else if token.contains(where: \.isLetter) {
                sentence.words += 1
                sentence.syllables += Readability.syllablesIn(token, spanish: spanish)
            }
            let end = token.endIndex
            let ends = end == text.endIndex || [".", "!", "?"].contains(token.unicodeScalars.last.map(Character.init))
            position = end == text.endIndex ? end : text.utf8.index(after: end)
            if ends {
                if sentence.words > 0 { sentences.append((text[sentence.start..<end], sentence.words, sentence.syllables)) }
                sentence = (position, 0, 0)
            }
        }
        return sentences
    }

    /// Only running text is graded: not list items of a word or two, a street address, a table
    /// written with pipes; and a sentence too short to grade is counted but never quoted.
    func testOnlyRealSentencesAreScoredAndQuoted() throws {
        let blocks: [(utf8: [UInt8], line: Int)] = [
            (Array("Pasaporte".utf8), 1), (Array("Documentación migratoria".utf8), 2),
            (Array("Centro Legal, Calle Mayor 12, 2º piso".utf8), 3),
            (Array("123 Main St., Suite 4, Oakland, CA 94612".utf8), 4),
            (Array("| Documento | Dónde | Costo |".utf8), 5),
            (Array("Identificación.".utf8), 6),
            (Array(("Puede pedir a un juez que arregle su caso. Traiga sus papeles. Un abogado le puede ayudar. "
                + "Llame si necesita ayuda. Hablamos español e inglés. La ayuda es gratis.").utf8), 7),
        ]
        let measured = try XCTUnwrap(Readability.measure(blocks, language: "es", hardest: 10))
        XCTAssertEqual(measured.sentences.map(\.line), [7, 7, 7, 7, 7], "only the paragraph of sentences, and its sentences of four words or more")
        XCTAssertEqual(measured.sentences.map(\.text).sorted(), ["Hablamos español e inglés.", "La ayuda es gratis.", "Llame si necesita ayuda.",
                                                                  "Puede pedir a un juez que arregle su caso.", "Un abogado le puede ayudar."])
        XCTAssertLessThan(measured.grade, 9)
        XCTAssertFalse(Readability.isProse(Array("Bring ID".utf8)))
        XCTAssertTrue(Readability.isProse(Array("You have 2 court dates on Main Street.".utf8)))
    }

    func testGradesStaySaneForSingleWords() {
        // One long Spanish word once scored grade 45.5.
        XCTAssertEqual(Readability.grade(words: 1, sentences: 1, syllables: 6, spanish: true), 20)
        XCTAssertEqual(Readability.grade(words: 1, sentences: 1, syllables: 8, spanish: false), 20)
        XCTAssertEqual(Readability.grade(words: 0, sentences: 0, syllables: 0, spanish: true), 0)
    }

    func testTooLittleTextIsNotMeasured() {
        XCTAssertNil(Readability.measure([(Array("Call us.".utf8), 1)], language: "en"))
    }
}

