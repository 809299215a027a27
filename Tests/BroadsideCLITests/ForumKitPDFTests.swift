import BroadsideTestSupport
import Foundation
import XCTest

/// The starter's DA forum (`Content/events/da-forum-2027.md`, `forum:`) printed as organizers
/// hand it out, read back from the PDFs in English and Spanish: four question cards to a
/// sheet that warn against writing a name or immigration status, a sign-in sheet that does not
/// ask it, timer cards in words, and an interpreter packet with each term beside its translation.
final class ForumKitPDFTests: XCTestCase {
    static let parts = ["agenda", "question-cards", "sign-in", "timer-cards", "interpreter-packet"]

    private static func starter() throws -> PrintedOutput {
        try PrintedOutput.requireTools()
        return PrintedOutput(root: try StarterBuild.output().deletingLastPathComponent())
    }

    /// The words of a page in the order the PDF holds them, each run of spaces and line breaks
    /// made one space.
    private func words(_ printed: PrintedOutput, _ pdf: String, page: Int) throws -> String {
        try printed.text(pdf, page: page, layout: false).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    func testTheKitIsPrintedBesideTheFlyerInEachLanguageAndLinkedFromTheEvent() throws {
        let printed = try Self.starter()
        for prefix in ["", "es/"] {
            for part in Self.parts {
                let pdf = "\(prefix)flyers/events-da-forum-2027-\(part).pdf"
                XCTAssertGreaterThan(try printed.pages(pdf), 0, "\(pdf) is missing or unreadable")
                XCTAssertTrue(FileManager.default.fileExists(atPath: printed.output.appendingPathComponent("\(prefix)flyers/events-da-forum-2027-\(part)/index.html").path))
            }
            let event = try String(contentsOf: printed.output.appendingPathComponent("\(prefix)events/da-forum-2027/index.html"), encoding: .utf8)
            for part in Self.parts {
                XCTAssertTrue(event.contains("flyers/events-da-forum-2027-\(part).pdf\""), "\(prefix) event page does not link its \(part)")
            }
            let materials = try String(contentsOf: printed.output.appendingPathComponent("\(prefix)print/index.html"), encoding: .utf8)
            XCTAssertTrue(materials.contains("flyers/events-da-forum-2027-interpreter-packet.pdf"), "\(prefix)print/ lists the kit")
        }
        XCTAssertTrue(try String(contentsOf: printed.output.appendingPathComponent("events/da-forum-2027/index.html"), encoding: .utf8)
            .contains("<h3>Forum print kit</h3>"))
    }

    func testQuestionCardsAreFourToASheetAndWarnAgainstNamesAndStatus() throws {
        let printed = try Self.starter()
        for (prefix, warning, choices) in [("", "Do not write your name or immigration status.", ["English", "Español", "Tiếng Việt", "中文", "Other:"]),
                                           ("es/", "No escriba su nombre ni su estatus migratorio.", ["English", "Español", "Tiếng Việt", "中文", "Otro:"])] {
            let pdf = "\(prefix)flyers/events-da-forum-2027-question-cards.pdf"
            XCTAssertEqual(try printed.pages(pdf), 1, pdf)
            let text = try words(printed, pdf, page: 1)
            XCTAssertEqual(occurrences(of: warning, in: text), 4, "four cards, each with the warning:\n\(text)")
            for choice in choices { XCTAssertEqual(occurrences(of: choice, in: text), 4, "\(choice) on every card:\n\(text)") }
            // Two cards side by side: both titles on one line of the page.
            let layout = try printed.text(pdf, page: 1).split(separator: "\n")
            XCTAssertEqual(layout.filter { occurrences(of: prefix.isEmpty ? "Your question for the" : "Su pregunta para los candidatos", in: String($0)) == 2 }.count, 2,
                           "two rows of two cards")
        }
    }

    func testSignInSheetSaysItDoesNotAskImmigrationStatus() throws {
        let printed = try Self.starter()
        for (prefix, statement, status) in [("", "We do not ask about immigration status.", "immigration status"),
                                            ("es/", "No preguntamos por el estatus migratorio.", "estatus migratorio")] {
            let pdf = "\(prefix)flyers/events-da-forum-2027-sign-in.pdf"
            XCTAssertEqual(try printed.pages(pdf), 1, pdf)
            let text = try words(printed, pdf, page: 1)
            XCTAssertTrue(text.contains(statement), text)
            XCTAssertEqual(occurrences(of: status, in: text.lowercased()), 1, "the statement is the only mention of status:\n\(text)")
            let tokens = text.lowercased().split { !$0.isLetter }
            for asked in ["citizen", "ciudadan", "visa", "document", "country", "país"] {
                XCTAssertFalse(tokens.contains { $0.hasPrefix(asked) }, "the sign-in sheet asks about \(asked):\n\(text)")
            }
            for asked in ["social security", "seguro social"] { XCTAssertFalse(text.lowercased().contains(asked), "\(asked):\n\(text)") }
        }
        let text = try words(printed, "flyers/events-da-forum-2027-sign-in.pdf", page: 1)
        for column in ["Name (optional)", "ZIP code", "Phone or email (optional)", "How did you hear?", "Language you prefer", "A = A friend or family"] {
            XCTAssertTrue(text.contains(column), "\(column):\n\(text)")
        }
    }

    func testTimerCardsSayTheTimeLeftInWordsOneToAPage() throws {
        let printed = try Self.starter()
        for (prefix, cards) in [("", ["2 minutes left", "1 minute left", "30 seconds left", "Time"]),
                                ("es/", ["2 minutos restantes", "1 minuto restante", "30 segundos restantes", "Tiempo"])] {
            let pdf = "\(prefix)flyers/events-da-forum-2027-timer-cards.pdf"
            XCTAssertEqual(try printed.pages(pdf), cards.count, pdf)
            for (index, card) in cards.enumerated() {
                // The figure is drawn larger than the words, so text extraction may put it after them.
                let wanted = card.lowercased().split(separator: " ")
                let text = try words(printed, pdf, page: index + 1)
                XCTAssertEqual(text.lowercased().split(separator: " ").prefix(wanted.count).sorted(), wanted.sorted(),
                               "\(pdf) page \(index + 1) should read \(card): \(text)")
            }
        }
    }

    func testInterpreterPacketSetsEachTermBesideItsTranslation() throws {
        let printed = try Self.starter()
        for prefix in ["", "es/"] {
            let pdf = "\(prefix)flyers/events-da-forum-2027-interpreter-packet.pdf"
            var lines: [Substring] = []
            for page in 1...(try printed.pages(pdf)) { lines += try printed.text(pdf, page: page).split(separator: "\n") }
            // The kit's language is the first column.
            for (english, spanish) in [("conviction", "condena"), ("vacate", "anular"), ("notario", "notario"), ("expungement", "expungement")] {
                let (left, right) = prefix.isEmpty ? (english, spanish) : (spanish, english)
                XCTAssertTrue(lines.contains { $0.drop(while: \.isWhitespace).hasPrefix(left) && $0.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) == right },
                              "\(pdf): \(left) beside \(right)\n" + lines.joined(separator: "\n"))
            }
            let text = lines.joined(separator: " ")
            let source = prefix.isEmpty ? "Penal Code § 1473.7: Vacating a conviction" : "Código Penal § 1473.7: Cómo anular una condena"
            for words in ["Tiếng Việt", "中文", source] {
                XCTAssertTrue(text.contains(words), "\(pdf) lacks \(words)")
            }
        }
        let english = try words(printed, "flyers/events-da-forum-2027-interpreter-packet.pdf", page: 1)
        XCTAssertTrue(english.contains("not legal advice"), english)
    }

    func testRunOfShowTimesEachItemFromTheEventStart() throws {
        let printed = try Self.starter()
        let text = try words(printed, "flyers/events-da-forum-2027-agenda.pdf", page: 1).replacingOccurrences(of: "\u{202F}", with: " ")
        for line in ["6:00 PM 10 min Welcome and ground rules Moderator", "6:10 PM 12 min Opening statements", "7:49 PM 11 min Thank you",
                     "The forum ends at 8:00 PM.", "Timekeeper Tomás Muestra", "No campaign signs", "This forum is nonpartisan"] {
            XCTAssertTrue(text.contains(line), "the run of show lacks \(line):\n\(text)")
        }
        let spanish = try words(printed, "es/flyers/events-da-forum-2027-agenda.pdf", page: 1)
        XCTAssertTrue(spanish.contains("18:22 60 min Preguntas de las tarjetas del público"), spanish)
    }
}

