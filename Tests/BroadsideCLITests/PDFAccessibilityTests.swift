import BroadsideTestSupport
import Foundation
import XCTest

/// The starter toolkit's PDFs as a blind reader's software meets them: every one passes the
/// `pdfua` checker (PDF/UA-1) with no finding, and their structure trees, read back with pikepdf
/// (Tests/formats/read_pdf_tags.py), carry the language, title, headings, lists, table headers,
/// the QR code's alternative text, link descriptions and the second language's passages.
/// `make test` installs both.
final class PDFAccessibilityTests: XCTestCase {
    private static func starterOutput() throws -> URL {
        guard (try? Command.run("/usr/bin/env", ["python3", "-c", "import pdfua, pikepdf"], in: TestPaths.project))?.status == 0 else {
            throw XCTSkip("pdfua or pikepdf is missing: `make test` installs them")
        }
        return try StarterBuild.output()
    }

    private func pdfs(in output: URL) -> [String] {
        let files = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".pdf") }.sorted()
    }

    private func tags(_ pdf: URL) throws -> [String: Any] {
        let read = try Command.run("/usr/bin/env", ["python3", "Tests/formats/read_pdf_tags.py", pdf.path], in: TestPaths.project, deadline: 60)
        XCTAssertEqual(read.status, 0, read.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any], read.stdout)
    }

    func testEveryStarterPDFPassesThePDFUAChecker() throws {
        let output = try Self.starterOutput()
        let files = pdfs(in: output)
        XCTAssertEqual(files.count, 43, "the starter's handouts, packets, flyers, forum kit (5 documents), voter guide and letters (5 officials), each in 2 languages: \(files)")
        // Exit status 0 is no finding at all: no error, no warning, no note.
        let check = try Command.run("/usr/bin/env", ["python3", "-m", "pdfua", "check", "--quiet"] + files.map { output.appendingPathComponent($0).path },
                                    in: TestPaths.project, deadline: 300)
        XCTAssertEqual(check.status, 0, "pdfua found problems:\n" + check.stdout + check.stderr)
    }

    func testStructureTreeCarriesWhatAScreenReaderNeeds() throws {
        let output = try Self.starterOutput()
        let handout = try tags(output.appendingPathComponent("handouts/laws-pc-1473-7.pdf"))
        XCTAssertEqual(handout["lang"] as? String, "en")
        XCTAssertEqual(handout["title"] as? String, "Penal Code § 1473.7: Vacating a conviction · Immigrant Post-Conviction Relief Toolkit")
        XCTAssertEqual(handout["displayDocTitle"] as? Bool, true, "the title, not the file name, in the window")
        XCTAssertEqual(handout["marked"] as? Bool, true)
        let roles = try XCTUnwrap(handout["roles"] as? [String: Int])
        for role in ["H1", "H2", "L", "LI", "Link", "Figure"] { XCTAssertGreaterThan(roles[role] ?? 0, 0, "no /\(role) in \(roles)") }
        XCTAssertEqual(handout["emptyHeadings"] as? Int, 0, "a heading a screen reader lists as blank")
        XCTAssertEqual(handout["figureAlts"] as? [String], ["QR code: link to https://toolkit.example.org/laws/pc-1473-7/"])
        // A link is described by its words, as on the web page, not by an anchor's name.
        let links = try XCTUnwrap(handout["linkDescriptions"] as? [String])
        XCTAssertTrue(links.contains("DOJ-accredited representative") && links.contains("cómo encontrar ayuda legal"), "\(links)")
        XCTAssertFalse(links.contains { $0.isEmpty || $0.hasPrefix("handout-") }, "\(links)")
        // The bilingual handout's Spanish passages are read in a Spanish voice.
        XCTAssertEqual(handout["passageLangs"] as? [String], ["en", "es"])

        let spanish = try tags(output.appendingPathComponent("es/handouts/laws-pc-1473-7.pdf"))
        XCTAssertEqual(spanish["lang"] as? String, "es")
        XCTAssertEqual(spanish["figureAlts"] as? [String], ["Código QR: enlace a https://toolkit.example.org/es/laws/pc-1473-7/"])

        // The packet's table of criminal bars: a table whose header cells are tagged as such.
        let packet = try tags(output.appendingPathComponent("es/packets/mesa-de-bienvenida.pdf"))
        let packetRoles = try XCTUnwrap(packet["roles"] as? [String: Int])
        XCTAssertGreaterThan(packetRoles["TH"] ?? 0, 0, "\(packetRoles)")
        XCTAssertEqual(packet["tablesWithHeaders"] as? Int, packetRoles["Table"], "every table has header cells: \(packetRoles)")
        XCTAssertEqual(packet["emptyHeadings"] as? Int, 0)
    }
}
