import BroadsideTestSupport
import Foundation
import XCTest

/// The starter's voter guide read back from its PDFs, in English and Spanish: every candidate
/// and every question on one sheet, each candidate's column the same width, the nonpartisan
/// statement, and a QR code that leads to the full answers.
final class VoterGuidePDFTests: XCTestCase {
    static let guides = [("handouts/events-da-2027-candidates-voter-guide.pdf", "events/da-2027-candidates/"),
                         ("es/handouts/events-da-2027-candidates-voter-guide.pdf", "es/events/da-2027-candidates/")]
    static let candidates = ["Jordan Example", "Sam Sample", "Casey Placeholder"]

    private func printed() throws -> PrintedOutput {
        try PrintedOutput.requireTools()
        return PrintedOutput(root: try StarterBuild.output().deletingLastPathComponent())
    }

    func testEveryCandidateAndQuestionIsOnOneSheet() throws {
        let printed = try printed()
        for (pdf, _) in Self.guides {
            let pages = try printed.pages(pdf)
            XCTAssertTrue((1...2).contains(pages), "\(pdf): both sides of one sheet at most, not \(pages) pages")
            let text = try (1...pages).map { try printed.text(pdf, page: $0) }.joined(separator: "\n")
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for name in Self.candidates { XCTAssertTrue(flat.contains(name), "\(pdf) lacks \(name)") }
            for number in 1...5 { XCTAssertTrue(flat.contains("\(number). "), "\(pdf) lacks question \(number)") }
            let spanish = pdf.hasPrefix("es/")
            XCTAssertTrue(flat.contains(spanish ? "No apoyamos ni nos oponemos a ningún candidato ni partido." : "We do not support or oppose any candidate or party."), flat)
            // Casey Placeholder sent nothing: each of the five questions says so in words.
            let none = spanish ? "No respondió" : "Did not respond"
            XCTAssertGreaterThanOrEqual(flat.components(separatedBy: none).count - 1, 5 + 1, "\(pdf): the legend, then every unanswered question")
            XCTAssertTrue(flat.contains(spanish ? "Respuestas reunidas por Golden State Immigrant Defense Network" : "Answers collected by Golden State Immigrant Defense Network"))
            XCTAssertTrue(flat.contains(spanish ? "30 de noviembre de 2026" : "November 30, 2026"), "the day the answers were due")
        }
    }

    /// Each candidate's column starts where the one before it ends plus the same width, within
    /// a point: no candidate gets more room on paper than another.
    func testEveryCandidateGetsAColumnOfTheSameWidth() throws {
        let printed = try printed()
        for (pdf, _) in Self.guides {
            let words = try printed.words(pdf, page: 1)
            // The column headers: the first time each candidate's first name appears on the page.
            let starts = try Self.candidates.map { name in
                try XCTUnwrap(words.first { $0.text == String(name.split(separator: " ")[0]) }, "\(pdf): no \(name)").x
            }
            let widths = zip(starts, starts.dropFirst()).map { $1 - $0 }
            XCTAssertEqual(widths.count, 2)
            XCTAssertGreaterThan(widths[0], 100, "\(pdf): columns side by side: \(starts)")
            XCTAssertEqual(widths[0], widths[1], accuracy: 1, "\(pdf): column starts \(starts)")
        }
    }

    func testQRCodeLeadsToTheFullAnswers() throws {
        let printed = try printed()
        for (pdf, path) in Self.guides {
            XCTAssertEqual(try printed.qrCodes(pdf, page: 1), ["https://toolkit.example.org/" + path], pdf)
        }
    }
}
