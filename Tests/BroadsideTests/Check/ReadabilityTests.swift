@testable import Broadside
import XCTest

final class ReadabilityTests: XCTestCase {
    private let plain = "You can ask a judge to fix your case. Bring your court papers. A lawyer can help you. Call us if you need help. We speak Spanish and English. The help is free."
    private let dense = "Notwithstanding contrary administrative determinations, postconviction vacatur predicated upon constitutional deficiencies eliminates immigration consequences. Practitioners representing noncitizen defendants must contemporaneously evaluate prospective immigration ramifications."

    func testPlainEnglishReadsBelowGradeSixAndLegaleseFarAbove() throws {
        let easy = try XCTUnwrap(Readability.measure([(plain, 3)], language: "en"))
        XCTAssertLessThan(easy.grade, 6)
        let hard = try XCTUnwrap(Readability.measure([(dense + " " + plain, 9)], language: "en"))
        XCTAssertGreaterThan(hard.grade, 12)
        XCTAssertEqual(hard.sentences.first?.line, 9)
        XCTAssertEqual(hard.sentences.count, 3)
    }

    func testSpanishUsesFernandezHuerta() throws {
        let facil = "Puede pedir a un juez que arregle su caso. Traiga sus papeles. Un abogado le puede ayudar. Llame si necesita ayuda. Hablamos español e inglés. La ayuda es gratis. Venga el lunes por la mañana."
        let dificil = "No obstante las determinaciones administrativas contrarias, la anulación posterior a la condena fundamentada en deficiencias constitucionales elimina íntegramente las consecuencias migratorias correspondientes."
        let easy = try XCTUnwrap(Readability.measure([(facil, 1)], language: "es")).grade
        let hard = try XCTUnwrap(Readability.measure([(dificil + " " + facil, 1)], language: "es")).grade
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

    func testTooLittleTextIsNotMeasured() {
        XCTAssertNil(Readability.measure([("Call us.", 1)], language: "en"))
    }
}
