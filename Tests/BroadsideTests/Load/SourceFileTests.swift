@testable import Broadside
import XCTest

final class SourceFileTests: XCTestCase {
    private func decode(_ bytes: [UInt8]) -> Result<SourceFile, Diagnostic> {
        SourceFile.decode(bytes, relativePath: "a.md", displayPath: "Content/a.md")
    }

    func testDropsByteOrderMarkAndNormalizesLineEndings() throws {
        let file = try decode([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\r\nBody\rMore".utf8)).get()
        XCTAssertEqual(file.text, "---\ntitle: A\n---\nBody\nMore")
    }

    func testInvalidUTF8IsReportedWhereItStarts() {
        guard case .failure(let diagnostic) = decode(Array("line one\nab".utf8) + [0xC3, 0x28] + Array(" end".utf8)) else {
            return XCTFail("invalid UTF-8 was accepted")
        }
        XCTAssertEqual(diagnostic.description, "Content/a.md:2:3: error: this file is not valid UTF-8 text; save it as UTF-8 in your editor")
    }

    func testEveryKindOfBrokenUTF8IsRefusedAndEveryCharacterKept() throws {
        let broken: [[UInt8]] = [[0x80], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98]]
        for bytes in broken {
            guard case .failure = decode(Array("ok ".utf8) + bytes + Array(" ok".utf8)) else { return XCTFail("\(bytes) was accepted") }
            guard case .failure = decode(Array("ok ".utf8) + bytes) else { return XCTFail("\(bytes) at the end was accepted") }
        }
        // Among them the replacement character itself, which is what a mended file would hold.
        let text = "Código Penal § 1473.7 — “vacatur” 👩🏽‍⚖️ \u{FFFD} e\u{301}"
        XCTAssertEqual(try decode(Array(text.utf8)).get().text, text)
        XCTAssertEqual(try decode([]).get().text, "")
    }

    /// Files on disk are read straight into a string when they are UTF-8 (a replacement
    /// character written in the file is kept); a file that is not is left to the bytes, which
    /// say where it is invalid.
    func testDiskTextIsReadWholeOrLeftToTheBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func read(_ bytes: [UInt8]) throws -> String? {
            let path = folder.appendingPathComponent("a.md").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return try DiskFiles.readText(path)
        }
        let text = "Código Penal § 1473.7 — “vacatur” 👩🏽‍⚖️ e\u{301}\r\n" + String(repeating: "long line ", count: 2_000)
        XCTAssertEqual(try read(Array(text.utf8)), text)
        XCTAssertEqual(try read([]), "")
        XCTAssertEqual(try read(Array("a \u{FFFD} b".utf8)), "a \u{FFFD} b")
        XCTAssertNil(try read(Array("ok ".utf8) + [0xC3, 0x28]))
        XCTAssertNil(try read([0xEF, 0xBF]), "a cut replacement character is invalid UTF-8 too")
        XCTAssertThrowsError(try DiskFiles.readText(folder.appendingPathComponent("missing.md").path))
    }
}
