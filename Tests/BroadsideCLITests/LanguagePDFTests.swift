import BroadsideTestSupport
import Foundation
import XCTest

/// Builds the languages fixture with WeasyPrint and reads the Spanish and bilingual PDFs back:
/// their words are Spanish, their footers too, and a Spanish handout's QR code opens the
/// Spanish page.
final class LanguagePDFTests: XCTestCase {
    static let base = "https://lang.example.org/kit/"
    private var root: URL!

    override func setUpWithError() throws {
        try PrintedOutput.requireTools()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-lang-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestPaths.sites.appendingPathComponent("languages"), to: root)
        try? FileManager.default.removeItem(at: root.appendingPathComponent("expected"))
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func testSpanishAndBilingualHandoutsReadBackFromThePDFs() throws {
        let result = try Command.run(BuildCommandTests.binary.path, ["build", "--pdf", "require"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr + result.stdout)
        let printed = PrintedOutput(root: root)
        func words(_ pdf: String, _ page: Int) throws -> String {
            try printed.text(pdf, page: page).replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        }

        let spanish = "es/handouts/laws-rule.pdf"
        XCTAssertEqual(try printed.qrCodes(spanish, page: 1), [Self.base + "es/laws/rule/"])
        let count = try printed.pages(spanish)
        let page = try words(spanish, 1)
        for expected in ["La regla", "Última revisión: 1 de octubre de 2026", "No es asesoría legal.", "Léalo en línea:",
                         "Información general, no es asesoría legal", "Página 1 de \(count)", "Lo impide"] {
            XCTAssertTrue(page.contains(expected), "\(spanish) lacks \(expected):\n\(page)")
        }
        XCTAssertFalse(page.contains("Not legal advice"), page)

        // The bilingual handout: both titles and both notices, each section beside its translation.
        let bilingual = "handouts/guides-forum.pdf"
        XCTAssertEqual(try printed.qrCodes(bilingual, page: 1), [Self.base + "guides/forum/"])
        let both = try words(bilingual, 1)
        for expected in ["Plan a forum", "Organice un foro", "Not legal advice.", "No es asesoría legal.", "Page 1 of"] {
            XCTAssertTrue(both.contains(expected), "\(bilingual) lacks \(expected):\n\(both)")
        }
        let layout = try printed.text(bilingual, page: 1)
        let paired = layout.split(separator: "\n").contains { $0.contains("Before the forum") && $0.contains("Antes del foro") }
        XCTAssertTrue(paired, "each section sits on the line of its translation:\n\(layout)")

        // Event flyers: one sheet each, in the page's language, the QR code opening the RSVP link.
        for (flyer, expectedWords) in [("flyers/events-forum-night.pdf", ["Forum night; candidates, questions, answers", "Saturday, March 20, 2027",
                                                                  "Pacific Time", "Hall A, Main Library", "Step-free entrance · ASL", "Sign up"]),
                               ("es/flyers/events-forum-night.pdf", ["Noche del foro", "sábado, 20 de marzo de 2027, 18:30", "hora del Pacífico",
                                                                     "Cuándo", "Dónde", "Inscríbase", "Entrada sin escalones · ASL"])] {
            XCTAssertEqual(try printed.pages(flyer), 1, flyer)
            XCTAssertEqual(try printed.qrCodes(flyer, page: 1), ["https://lang.example.org/rsvp/forum-night/"], flyer)
            let text = try words(flyer, 1).replacingOccurrences(of: "\u{202F}", with: " ")
            for expected in expectedWords { XCTAssertTrue(text.contains(expected), "\(flyer) lacks \(expected):\n\(text)") }
        }
        // Without an RSVP link, the code opens the event's page.
        XCTAssertEqual(try printed.qrCodes("flyers/events-old-meeting.pdf", page: 1), [Self.base + "events/old-meeting/"])

        // The Spanish packet prints the Spanish translation of the page it lists.
        let packet = try words("es/packets/kit-es.pdf", 2)
        XCTAssertTrue(packet.contains("Contenido") && packet.contains("Organice un foro"), packet)
        // Its page with no Spanish translation is printed in English, and tagged so: a screen
        // reader reads it in an English voice (Tests/formats/read_pdf_tags.py lists the /Lang
        // of the passages under the document's).
        let project = TestPaths.project
        let read = try Command.run("/usr/bin/env", ["python3", "Tests/formats/read_pdf_tags.py", printed.output.appendingPathComponent("es/packets/kit-es.pdf").path],
                                   in: project, deadline: 60)
        XCTAssertEqual(read.status, 0, read.stderr)
        let tags = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any], read.stdout)
        XCTAssertEqual(tags["passageLangs"] as? [String], ["en", "es"], read.stdout)
    }
}
