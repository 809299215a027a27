@testable import BroadsideMarkdown
import XCTest

final class MarkdownTests: XCTestCase {
    func testHeadingsGetGitHubStyleIDsAndStayInOrder() {
        let result = Markdown().render("## Who it helps\n\n### Step 1: File `the` motion!\n\n## Who it helps\n")
        XCTAssertEqual(result.headings.map(\.id), ["who-it-helps", "step-1-file-the-motion", "who-it-helps-1"])
        XCTAssertEqual(result.headings.map(\.text), ["Who it helps", "Step 1: File the motion!", "Who it helps"])
        XCTAssertEqual(result.headings.map(\.line), [1, 3, 5])
        XCTAssertTrue(result.html.contains(#"<h3 id="step-1-file-the-motion">Step 1: File <code>the</code> motion!</h3>"#), result.html)
    }

    /// A heading of plain text is escaped without cmark's renderer: it must come out as
    /// cmark writes the same words in a paragraph.
    func testPlainHeadingsAreEscapedAsCmarkEscapesText() {
        let words = ["Fees & \"costs\" <now>", "It's a/b", "Educación · 中文", "&amp; stays &amp;amp;", "\\<not a tag\\>", "Tom's \"quote\""]
        // Without smart punctuation a `"` stays one, to be escaped.
        for markdown in [Markdown(), Markdown(options: MarkdownOptions(smartPunctuation: false))] {
            for text in words {
                let heading = markdown.render("## " + text + "\n").html
                let paragraph = markdown.render(text + "\n").html
                let id = heading.prefix { $0 != ">" } + ">"
                XCTAssertEqual(heading.dropFirst(id.count).replacingOccurrences(of: "</h2>\n", with: ""),
                               paragraph.dropFirst("<p>".count).replacingOccurrences(of: "</p>\n", with: ""), text)
            }
        }
    }

    func testHeadingIDsKeepAccentedLettersAndAvoidReservedIDs() {
        let markdown = Markdown(options: MarkdownOptions(reservedIDs: ["main"]))
        let result = markdown.render("# Main\n\n## Educación y § 1473.7\n")
        XCTAssertEqual(result.headings.map(\.id), ["main-1", "educación-y--14737"])
        // Plain ASCII takes a quicker path to the same rules: spaces become hyphens, `-` and `_`
        // stay, other marks go, and a heading of marks alone is "section".
        XCTAssertEqual(HeadingIDs.slug("Step_two - A\tB (Part 2)"), "step_two---ab-part-2")
        XCTAssertEqual(HeadingIDs.slug("?!"), "section")
    }

    func testRawHTMLIsOmittedUnlessTheSiteOptsIn() {
        let source = "<script>alert(1)</script>\n\nHello <b onclick=\"x()\">there</b>\n"
        let safe = Markdown().render(source).html
        XCTAssertFalse(safe.contains("<script"), safe)
        XCTAssertFalse(safe.contains("onclick"), safe)
        XCTAssertTrue(safe.contains("Hello"), safe)
        let allowed = Markdown(options: MarkdownOptions(allowRawHTML: true)).render(source)
        // A site that allows HTML gets it, less what GitHub's tag filter disarms.
        XCTAssertTrue(allowed.html.contains("&lt;script>alert(1)&lt;/script>"), allowed.html)
        XCTAssertTrue(allowed.html.contains(#"<b onclick="x()">there</b>"#), allowed.html)
        XCTAssertEqual(allowed.notices, [MarkdownNotice(.tagFiltered("script"), line: 1, column: 1), MarkdownNotice(.tagFiltered("script"), line: 1, column: 1)])
        // Left out, each is named; a comment is meant not to show, and is not.
        XCTAssertEqual(Markdown().render(source + "\n<!-- a note to editors -->\n").notices,
                       [MarkdownNotice(.rawHTMLOmitted("<script>alert(1)</script>"), line: 1, column: 1),
                        MarkdownNotice(.rawHTMLOmitted(#"<b onclick="x()">"#), line: 3, column: 7)])
    }

    func testUnsafeLinkSchemesAreNeutralized() {
        let html = Markdown().render("[a](javascript:alert(1)) [b](vbscript:x) [c](file:///etc/passwd) [d](data:text/html,x) ![e](data:image/png;base64,AAAA)").html
        XCTAssertEqual(html.components(separatedBy: #"href="""#).count - 1, 4, html)
        XCTAssertTrue(html.contains(#"src="data:image/png;base64,AAAA""#), html)
    }

    func testLinkRewritingSeesPositionsAndReplacesDestinations() {
        var seen: [LinkDestination] = []
        let html = Markdown().render("Intro\n\n- see [the law](laws/a.md#who) and ![map](map.png)\n") { link in
            seen.append(link)
            return link.isImage ? nil : RewrittenLink("../laws/a/index.html#who", after: " <span>(in Spanish)</span>")
        }.html
        XCTAssertEqual(seen, [
            LinkDestination(url: "laws/a.md#who", isImage: false, line: 3, column: 7),
            LinkDestination(url: "map.png", isImage: true, line: 3, column: 36),
        ])
        XCTAssertTrue(html.contains(#"<a href="../laws/a/index.html#who">the law</a> <span>(in Spanish)</span> and"#), html)
        XCTAssertTrue(html.contains(#"<img src="map.png" alt="map" />"#), html)
    }

    func testLinksCanBeNumberedForPrint() {
        let result = Markdown().render("See [the law](https://a.org/1), [again](https://a.org/1), [mail](mailto:x@y.org), [here](#top) and [b](https://b.org).",
                                       numberLinks: true)
        XCTAssertEqual(result.linkNotes, ["https://a.org/1", "https://b.org"])
        XCTAssertEqual(result.html, ##"<p>See <a href="https://a.org/1">the law</a><sup class="link-note">1</sup>, <a href="https://a.org/1">again</a><sup class="link-note">1</sup>, <a href="mailto:x@y.org">mail</a>, <a href="#top">here</a> and <a href="https://b.org">b</a><sup class="link-note">2</sup>.</p>"## + "\n")
    }

    /// Autolinking sees running text in order, not headings, links or code, and only the
    /// pieces `mayLink` lets through on their bytes; what it returns becomes links there.
    func testAutolinkSeesOnlyTheRunningTextMayLinkLetsThrough() {
        let source = "## Section 5\n\nRead PC 18.5 today. [Link 7](x.md) and `code 9`.\n\nNo digits here.\n\n- Item 3 and PC 17\n"
        var offered: [String] = []
        var seen: [String] = []
        let result = Markdown().render(source, mayLink: { bytes in
            let text = String(decoding: bytes.indices.map { bytes[$0] }, as: UTF8.self)
            offered.append(text)
            return text.contains(where: \.isNumber)
        }, autolink: { text in
            seen.append(text)
            guard let start = text.range(of: "PC ")?.lowerBound else { return [] }
            let end = text[text.index(start, offsetBy: 3)...].firstIndex { !$0.isNumber && $0 != "." } ?? text.endIndex
            return [AutoLink(range: start..<end, url: "https://example.org/pc", title: "Penal Code")]
        })
        XCTAssertEqual(offered, ["Read PC 18.5 today. ", " and ", ".", "No digits here.", "Item 3 and PC 17"])
        XCTAssertEqual(seen, ["Read PC 18.5 today. ", "Item 3 and PC 17"])
        XCTAssertTrue(result.html.contains(#"Read <a href="https://example.org/pc" title="Penal Code">PC 18.5</a> today."#), result.html)
        XCTAssertTrue(result.html.contains(#"Item 3 and <a href="https://example.org/pc" title="Penal Code">PC 17</a>"#), result.html)
        XCTAssertTrue(result.html.contains("<h2 id=\"section-5\">Section 5</h2>"), "a heading is never autolinked")
    }

    func testSmartPunctuation() {
        XCTAssertEqual(Markdown().render("\"Quoted\" -- it's").html, "<p>“Quoted” – it’s</p>\n")
    }

    func testDeeplyNestedInputDoesNotCrash() {
        let source = String(repeating: "> ", count: 2000) + "deep\n"
        XCTAssertTrue(Markdown().render(source).html.contains("deep"))
    }
}

final class FencedBlockTests: XCTestCase {
    func testFencesWithAnInfoStringCanBeReplacedByGeneratedHTML() {
        var seen: [FencedBlock] = []
        let html = Markdown().render("Intro\n\n```table\nsrc: a.csv\n```\n\n### Code\n```swift\nlet x = 1\n```\n\n    indented\n", renderFence: { block in
            seen.append(block)
            return block.info == "table" ? "<figure>generated</figure>" : nil
        }).html
        XCTAssertEqual(seen, [
            FencedBlock(info: "table", literal: "src: a.csv\n", line: 3, column: 1, sectionLevel: 0),
            FencedBlock(info: "swift", literal: "let x = 1\n", line: 8, column: 1, sectionLevel: 3),
        ])
        XCTAssertEqual(html, """
        <p>Intro</p>
        <figure>generated</figure>
        <h3 id="code">Code</h3>
        <pre><code class="language-swift">let x = 1
        </code></pre>
        <pre><code>indented
        </code></pre>

        """)
    }
}

extension RenderedMarkdown {
    /// The body HTML as text, to compare with what a test expects.
    var html: String { String(decoding: htmlBytes, as: UTF8.self) }
}
