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
}
