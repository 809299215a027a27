import BroadsideMarkdown
import Foundation
import XCTest

/// A very large page is parsed part by part to bound memory; the parts must render exactly
/// what the whole text renders: HTML, heading ids, and the lines of headings, links,
/// paragraphs and fenced blocks.
final class LargeDocumentTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fuzz/corpus")

    private func render(_ text: String, partsFrom threshold: Int?) -> (RenderedMarkdown, fences: [String]) {
        var options = MarkdownOptions(reservedIDs: ["main"])
        if let threshold { options.largeDocumentBytes = threshold }
        var fences: [String] = []
        let rendered = Markdown(options: options).render(text, numberLinks: true, rewriteLink: { link in
            RewrittenLink(link.url + "#line-\(link.line)-\(link.column)")
        }, renderFence: { block in
            fences.append("\(block.info)@\(block.line):\(block.column)/\(block.sectionLevel)")
            return "<figure>\(block.line)</figure>"
        })
        return (rendered, fences)
    }

    private func assertSameInParts(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let (whole, wholeFences) = render(text, partsFrom: nil)
        let (parts, partFences) = render(text, partsFrom: 64)
        XCTAssertEqual(String(decoding: parts.htmlBytes, as: UTF8.self), String(decoding: whole.htmlBytes, as: UTF8.self), file: file, line: line)
        XCTAssertEqual(parts.headings.map { "\($0.id)@\($0.line)" }, whole.headings.map { "\($0.id)@\($0.line)" }, file: file, line: line)
        XCTAssertEqual(parts.links.map { "\($0.destination.url)@\($0.destination.line)" },
                       whole.links.map { "\($0.destination.url)@\($0.destination.line)" }, file: file, line: line)
        XCTAssertEqual(parts.paragraphs.map(\.line), whole.paragraphs.map(\.line), file: file, line: line)
        XCTAssertEqual(parts.linkNotes, whole.linkNotes, file: file, line: line)
        XCTAssertEqual(partFences, wholeFences, file: file, line: line)
    }

    func testPartsRenderWhatTheWholeTextRenders() throws {
        let tricky = """
            ## Same

            A paragraph with [a link](a.md) and *emphasis*.

            - a list item

              still the item after a blank line

            Ends the list.

            > a quote
            lazy line

            Not the quote. "Smart" quotes -- and dashes...

            ```table
            src: x.csv

            after a blank line, still the fence
            ```

                indented code

            Another paragraph.

            ## Same

            Setext heading
            ==============

            1. one

            2. two

            Last [link](b.md).
            """
        assertSameInParts(String(repeating: tricky + "\n\n", count: 20))
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path) where name.hasSuffix(".md") {
            let text = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
            assertSameInParts(String(repeating: text + "\n\n", count: 3))
        }
    }

    func testTextsWithReferencesOrHTMLAreParsedWhole() {
        // A reference defined at the end serves a link at the start: cut, the link would break.
        let text = "[the law][pc]\n\n" + String(repeating: "Words about the law.\n\n", count: 50) + "[pc]: https://example.org\n"
        let (parts, _) = render(text, partsFrom: 64)
        XCTAssertTrue(String(decoding: parts.htmlBytes, as: UTF8.self).contains(#"<a href="https://example.org#line-1-1">the law</a>"#))
    }
}
