@testable import Broadside
import BroadsideTestSupport
import Foundation
import XCTest

/// What an author (or an attacker) might put in Content/: each case ends in a clear error or
/// safe output, never a crash, a hang, script in a page or a file outside Output/.
final class HostileInputTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ path: String, _ bytes: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
    }

    private func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }

    private func build() -> Build.Result {
        TestSite(folder: root, pdf: .off).build()
    }

    private var errors: (Build.Result) -> [String] {
        { $0.diagnostics.all.filter { $0.severity == .error }.map { $0.description.replacingOccurrences(of: self.root.path + "/", with: "") } }
    }

    func testScriptAndDangerousLinksNeverReachThePage() throws {
        try write("Content/index.md", """
        ---
        title: Home
        summary: s
        ---
        <script>alert(1)</script>
        <img src=x onerror="alert(2)">

        Text with <b onclick="alert(3)">inline</b> HTML, [a](javascript:alert(4)), [b](JAVASCRIPT:alert(5)),
        [c](vbscript:x), [d](data:text/html;base64,PHNjcmlwdD4=), ![e](data:image/png;base64,iVBORw0KGgo=).
        """)
        let result = build()
        XCTAssertEqual(errors(result).map { $0.components(separatedBy: ": '")[0] }, [
            "Content/index.md:8:50: error: link 'javascript:alert(4)'", "Content/index.md:8:76: error: link 'JAVASCRIPT:alert(5)'",
            "Content/index.md:9:1: error: link 'vbscript:x'", "Content/index.md:9:18: error: link 'data:text/html;base64,PHNjcmlwdD4='",
        ], "every address that could run script is reported, not quietly emptied")
        let html = try result.page("index.html")
        for bad in ["<script>alert", "onerror", "onclick", "javascript:", "JAVASCRIPT:", "vbscript:", "data:text/html"] {
            XCTAssertFalse(html.contains(bad), bad)
        }
        XCTAssertTrue(html.contains("data:image/png;base64,iVBORw0KGgo="))
    }

    func testFrontMatterCannotInjectAttributesOrTemplates() throws {
        try write("Content/index.md", "---\ntitle: Home\nsummary: s\n---\n")
        try write("Content/x.md", """
        ---
        title: "\\"><script>alert(1)</script> {{site.title}} {{{body}}}"
        summary: "' onmouseover='alert(2)"
        tags: ["<b>tag</b>"]
        ---
        Body {{#site}}{{title}}{{/site}}
        """)
        let html = try build().page("x/index.html")
        XCTAssertFalse(html.contains("<script>alert(1)"))
        XCTAssertTrue(html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; {{site.title}} {{{body}}}"), html)
        XCTAssertTrue(html.contains(#"content="&#39; onmouseover=&#39;alert(2)""#))
        XCTAssertTrue(html.contains("Body {{#site}}{{title}}{{/site}}"), "Markdown is never run as a template")
        XCTAssertFalse(html.contains("<b>tag</b>"))
    }

    func testPathsCannotLeaveTheContentFolder() throws {
        try write("Content/index.md", "---\ntitle: Home\nsummary: s\n---\n[up](../../etc/passwd) [root](/../../x.md)\n\n```table\nsrc: ../Site/site.yml\n```\n")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("Content/leak.md").path, withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("Content/etc").path, withDestinationPath: "/etc")
        let result = build()
        XCTAssertEqual(errors(result), [
            "Content/index.md:5:1: error: broken link: '../../etc/passwd' points outside the content folder [links/broken]",
            "Content/index.md:5:24: error: broken link: '/../../x.md' points outside the content folder [links/broken]",
            "Content/index.md:8:6: error: table 'src': '../Site/site.yml' points outside the content folder [links/broken]",
        ])
        let files = Set((result.site?.pages.keys.map(\.path) ?? []) + (result.site?.copies.keys.map(\.path) ?? []))
        XCTAssertFalse(files.contains { $0.hasPrefix("etc/") || $0.hasPrefix("leak") }, "symlinks out of the tree are not followed: \(files)")
    }

    func testHugeAndDeepInputsFinish() throws {
        let paragraph = String(repeating: "A plain sentence about the law. ", count: 30) + "\n\n"
        try write("Content/index.md", "---\ntitle: Home\nsummary: s\n---\n" + String(repeating: paragraph, count: 10_500))  // about 10 MB
        try write("Content/deep.md", "---\ntitle: Deep\nsummary: s\n---\n" + String(repeating: "> ", count: 10_000) + "quote\n\n"
                  + (0..<10_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n") + "\n")
        var csv = "Name,Value\n"
        for row in 0..<100_000 { csv += "row \(row),\(row)\n" }
        try write("Content/big.csv", csv)
        let start = Date()
        let result = build()
        XCTAssertEqual(errors(result), [])
        XCTAssertGreaterThan(try result.page("index.html").utf8.count, 10_000_000)
        XCTAssertTrue(try result.page("deep/index.html").contains("quote"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 120, "a hang, not a slow machine")
    }

    func testBrokenBytesAndEmptyFiles() throws {
        try write("Content/index.md", Data("---\ntitle: Home\nsummary: s\n---\nBefore\u{0}after NUL.\r\nWindows line.\r\n".utf8))
        try write("Content/crlf.md", Data("---\ntitle: CRLF\nsummary: s\n---\nWindows line.\r\nNext.\r\n".utf8))
        try write("Content/bom.md", Data([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: BOM\r\nsummary: s\r\n---\r\nText\r\n".utf8)))
        try write("Content/bad.md", Data(Array("---\ntitle: Bad\n---\nok\n".utf8) + [0xFF, 0xFE]))
        try write("Content/empty.md", "")
        try write("Content/empty.csv", "")
        try write("Site/site.yml", "")
        let result = build()
        XCTAssertEqual(errors(result), [
            "Content/bad.md:5:1: error: this file is not valid UTF-8 text; save it as UTF-8 in your editor",
            "Content/index.md:5:7: error: this file holds a NUL byte (U+0000), which no page may contain; delete it (it often comes from copying out of a PDF or a spreadsheet) [safety/control-character]",
            "Content/empty.csv:1:1: error: this CSV file is empty: its first line must name the columns",
            "Content/empty.md:1:1: error: this page has no title: add `title: …` to its front matter",
        ])
        XCTAssertFalse(try result.page("crlf/index.html").contains("\r"))
        XCTAssertTrue(try result.page("bom/index.html").contains("<h1>BOM</h1>"))
    }
}
