@testable import Broadside
import BroadsideTestSupport
import XCTest

/// "On this page" follows the heading levels a page has: ### under the ## before it, and
/// side by side when there is no ## to go under.
final class TableOfContentsTests: XCTestCase {
    private func toc(_ body: String) throws -> String {
        let files = [
            "Site/site.yml": "title: Kit\nlanguage: en\n",
            "Content/index.md": "---\ntitle: Kit\n---\nHello\n",
            "Content/guide.md": "---\ntitle: Guide\nsummary: A guide.\n---\n" + body,
        ]
        let result = TestSite(files).build()
        let html = try XCTUnwrap(result.site?.texts[Route("guide/index.html")])
        let start = try XCTUnwrap(html.range(of: "<nav class=\"toc\""))
        let end = try XCTUnwrap(html.range(of: "</nav>", range: start.upperBound..<html.endIndex))
        return html[start.lowerBound..<end.upperBound].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    }

    func testSiblingH3sStaySiblingsOnAPageWithoutH2() throws {
        XCTAssertEqual(try toc("### Who can apply\n\n### What to bring\n\n### Where to go\n"),
                       ##"<nav class="toc" aria-labelledby="toc"><h2 id="toc">On this page</h2><ol>"##
                       + ##"<li><a href="#who-can-apply">Who can apply</a></li><li><a href="#what-to-bring">What to bring</a></li>"##
                       + ##"<li><a href="#where-to-go">Where to go</a></li></ol></nav>"##)
    }

    func testH3sGoUnderTheH2BeforeThem() throws {
        XCTAssertEqual(try toc("### Before any\n\n## Apply\n\n### Online\n\n### By mail\n\n## Appeal\n"),
                       ##"<nav class="toc" aria-labelledby="toc"><h2 id="toc">On this page</h2><ol>"##
                       + ##"<li><a href="#before-any">Before any</a></li>"##
                       + ##"<li><a href="#apply">Apply</a><ol><li><a href="#online">Online</a></li><li><a href="#by-mail">By mail</a></li></ol></li>"##
                       + ##"<li><a href="#appeal">Appeal</a></li></ol></nav>"##)
    }
}
