@testable import BroadsideMarkdown
import XCTest

/// What GitHub's extensions do beyond cmark-gfm's examples: where they meet Broadside's own
/// passes (link checks, ids, large texts) and what the author is told.
final class GitHubExtensionsTests: XCTestCase {
    func testLinksInTableCellsAreReportedWhereTheyWereWritten() {
        var seen: [String: (Int, Int)] = [:]
        let source = "Intro\n\n| Law | Where |\n| --- | --- |\n| PC 1473.7 | [text](laws/a.md) and ![map](m.png) |\n|x| see [b](b.md) |\n"
        _ = Markdown().render(source, rewriteLink: { link in
            seen[link.url] = (link.line, link.column)
            return nil
        })
        XCTAssertEqual(seen["laws/a.md"].map { [$0.0, $0.1] }, [5, 15])
        XCTAssertEqual(seen["m.png"].map { [$0.0, $0.1] }, [5, 37])
        XCTAssertEqual(seen["b.md"].map { [$0.0, $0.1] }, [6, 9])
    }

    func testHTMLInACellIsReportedWhereItWasWritten() {
        let result = Markdown().render("| a |\n| - |\n| x <b>y</b> |\n")
        XCTAssertEqual(result.notices, [MarkdownNotice(.rawHTMLOmitted("<b>"), line: 3, column: 5)])
    }

    /// Found trying real sites: each was silent or wrong before.
    func testWhatRealSitesShowed() {
        // A closing `~~` after punctuation, then a line break.
        XCTAssertEqual(Markdown().render("~~a.~~\nc\n").html, "<p><del>a.</del>\nc</p>\n")
        // A reference with no definitions on the page at all is named.
        XCTAssertEqual(Markdown().render("also[^nope]\n").notices, [MarkdownNotice(.footnoteUndefined("nope"), line: 1, column: 5)])
        // Smart quotes change what a reader sees, not an address.
        let quoted = Markdown().render("See https://en.wikipedia.org/wiki/Hilbert's_paradox today.\n").html
        XCTAssertTrue(quoted.contains(#"<a href="https://en.wikipedia.org/wiki/Hilbert&#x27;s_paradox">https://en.wikipedia.org/wiki/Hilbert's_paradox</a> today."#), quoted)
        // An address in brackets leaves the bracket outside.
        XCTAssertTrue(Markdown().render("a [https://x.com/a] b\n").html.contains(#"[<a href="https://x.com/a">https://x.com/a</a>] b"#))
        // Places inside cells: HTML and a footnote reference.
        let cells = Markdown().render("[^d]: def\n\nx[^d]\n\n| a | b |\n|---|---|\n| one<br>two | <kbd>K</kbd> |\n| y[^nope] | four<br>five |\n")
        XCTAssertEqual(cells.notices, [MarkdownNotice(.rawHTMLOmitted("<br>"), line: 7, column: 6),
                                       MarkdownNotice(.rawHTMLOmitted("<kbd>"), line: 7, column: 16),
                                       MarkdownNotice(.footnoteUndefined("nope"), line: 8, column: 4),
                                       MarkdownNotice(.rawHTMLOmitted("<br>"), line: 8, column: 18)])
        // A header and delimiter row that do not match is not a table, and the author is told why.
        let mismatch = Markdown().render("| a | b |\n|---|---|---|\n| 1 | 2 |\n")
        XCTAssertFalse(mismatch.html.contains("<table"), mismatch.html)
        XCTAssertEqual(mismatch.notices, [MarkdownNotice(.tableColumnsDiffer(header: 2, delimiter: 3), line: 2, column: 1)])
        // A raw HTML table that was left out is not checked as if it were on the page.
        XCTAssertEqual(Markdown().render("<table>\n<tr><td>a</td></tr>\n</table>\n").htmlBlocks, [])
    }

    func testTablesInQuotesAndListItemsAndAfterParagraphLines() {
        let html = Markdown().render("> | a | b |\n> | - | - |\n> | 1 | 2 |\n\n- item\n\n  | c |\n  |---|\n  | 3 |\n\nLead line\n| d |\n| - |\n").html
        XCTAssertTrue(html.contains("<blockquote>\n<table>\n<thead>\n<tr>\n<th scope=\"col\">a</th>\n<th scope=\"col\">b</th>"), html)
        XCTAssertTrue(html.contains("<td>1</td>\n<td>2</td>"), html)
        XCTAssertTrue(html.contains("<th scope=\"col\">c</th>") && html.contains("<td>3</td>"), html)
        XCTAssertTrue(html.contains("<p>Lead line</p>\n<table>"), html)
    }

    func testATableIsFramedByThePagesRenderer() {
        var shapes: [PipeTable] = []
        let html = Markdown().render("| Record | *Bars* |\n|:--|--:|\n| a | b |\n| c |\n", frameTable: { table in
            shapes.append(table)
            return TableFrame(open: "<div class=\"box\"><table>", close: "</table></div>")
        }).html
        XCTAssertEqual(shapes, [PipeTable(header: ["Record", "Bars"], alignments: [.left, .right], rowCount: 2, line: 1)])
        XCTAssertTrue(html.hasPrefix("<div class=\"box\"><table>\n<thead>"), html)
        XCTAssertTrue(html.contains("<td class=\"align-left\">c</td>\n<td class=\"align-right\"></td>"), html)
    }

    /// A table's words are searched (a row at a time), and not graded as sentences.
    func testTableRowsAreKeptForSearchNotForGrading() {
        let result = Markdown().render("Intro.\n\n| Record | Bars |\n| - | - |\n| *Aggravated* felony | U visa |\n")
        XCTAssertEqual(result.tableRows.map(\.text), ["Record Bars", "Aggravated felony U visa"])
        XCTAssertEqual(result.tableRows.map(\.line), [3, 5])
        XCTAssertEqual(result.paragraphs.map(\.text), ["Intro."])
    }

    func testCellsBeyondTheHeaderAreLeftOutWithANotice() {
        let result = Markdown().render("| a | b |\n| - | - |\n| 1 | 2 | 3 | 4 |\n| 5 | 6 | |\n")
        XCTAssertFalse(result.html.contains(">3<"), result.html)
        XCTAssertEqual(result.notices, [MarkdownNotice(.tableCellsDropped(count: 2, columns: 2), line: 3, column: 11)])
    }

    /// Numbered in the order the text refers to them, ids prefixed for a packet, and never an
    /// id a heading has: the heading gives way.
    func testFootnotesAreNumberedByFirstReferenceAndPrefixed() {
        var options = MarkdownOptions()
        options.idPrefix = "p2-"
        options.labels.footnotes = "Notas"
        let result = Markdown(options: options).render("## Fn 1\n\nB[^b] then A[^a] and B again[^B].\n\n[^a]: Alpha.\n[^b]: Beta.\n")
        XCTAssertEqual(result.headings.map(\.id), ["p2-fn-1-1"])
        XCTAssertTrue(result.html.contains(##"B<sup class="footnote-ref"><a href="#p2-fn-1" id="p2-fnref-1" aria-label="Note 1">1</a></sup> then A<sup class="footnote-ref"><a href="#p2-fn-2" id="p2-fnref-2""##), result.html)
        XCTAssertTrue(result.html.contains(#"id="p2-fnref-1-2""#), result.html)
        XCTAssertTrue(result.html.contains("<h2 id=\"p2-footnotes-title\">Notas</h2>\n<ol>\n<li id=\"p2-fn-1\">\n<p>Beta."), result.html)
        XCTAssertTrue(result.html.contains("<li id=\"p2-fn-2\">\n<p>Alpha."), result.html)
        XCTAssertEqual(result.notices, [])
    }

    /// A definition's lines are taken out of the text, but every other line keeps its number,
    /// and a link in a note is reported on the line it was written on.
    func testFootnoteDefinitionsKeepLineNumbers() {
        var lines: [String: Int] = [:]
        let result = Markdown().render("Text[^n].\n\n[^n]: See\n    [a](a.md).\n\n[late](b.md)\n\n```\n[^n]: in code\n```\n", rewriteLink: { link in
            lines[link.url] = link.line
            return nil
        })
        XCTAssertEqual(lines, ["a.md": 4, "b.md": 6])
        XCTAssertTrue(result.html.contains("<pre><code>[^n]: in code\n</code></pre>"), result.html)
        XCTAssertEqual(result.notices, [])
    }

    func testFootnoteProblemsAreNamed() {
        let result = Markdown().render("One[^x] and [^y].\n\n[^x]: First.\n[^x]: Again.\n[^z]: Never used.\n")
        XCTAssertEqual(result.notices, [MarkdownNotice(.footnoteUndefined("y"), line: 1, column: 13),
                                        MarkdownNotice(.footnoteDuplicate("x"), line: 4, column: 1),
                                        MarkdownNotice(.footnoteUnused("z"), line: 5, column: 1)])
    }

    /// A bare address is a link the checks see; a citation or term inside it is not linked twice.
    func testBareAddressesAreLinksThatChecksSee() {
        var asked: [String] = []
        let result = Markdown().render("Call www.example.org/a_b. Or **mail help@example.org**.\n", rewriteLink: { link in
            asked.append(link.url)
            return nil
        }, autolink: { text in
            guard let range = text.range(of: "example") else { return [] }
            return [AutoLink(range: range, url: "#term", title: "a term")]
        })
        XCTAssertEqual(asked, ["http://www.example.org/a_b", "mailto:help@example.org"])
        XCTAssertEqual(result.links.map(\.destination.url), ["http://www.example.org/a_b", "mailto:help@example.org"])
        XCTAssertFalse(result.html.contains("#term"), result.html)
        XCTAssertTrue(result.html.contains(#"<a href="http://www.example.org/a_b">www.example.org/a_b</a>."#), result.html)
    }

    func testTaskItemsAreLabelledCheckboxesAndOtherBracketsStayText() {
        let html = Markdown().render("- [x] Done *well*\n- [ ] To do\n- [?] Not a task\n- [link](a.md) stays\n").html
        XCTAssertTrue(html.contains(#"<li><label class="task"><input type="checkbox" class="task-box" disabled="" checked="" /> Done <em>well</em></label></li>"#), html)
        XCTAssertTrue(html.contains(#"<li><label class="task"><input type="checkbox" class="task-box" disabled="" /> To do</label></li>"#), html)
        XCTAssertTrue(html.contains("<li>[?] Not a task</li>"), html)
        XCTAssertTrue(html.contains(#"<li><a href="a.md">link</a> stays</li>"#), html)
    }

    /// Strikethrough wraps emphasis and links; tildes in code stay.
    func testStrikethroughAcrossInlineSiblings() {
        let html = Markdown().render("~~old *rule* and [link](a.md)~~ now; `~~code~~`\n").html
        XCTAssertEqual(html, "<p><del>old <em>rule</em> and <a href=\"a.md\">link</a></del> now; <code>~~code~~</code></p>\n")
    }

    /// A very large text is parsed in parts; a table in a later part still reads its own lines.
    func testATableInALaterPartOfALargeTextReadsItsOwnLines() {
        var options = MarkdownOptions()
        options.largeDocumentBytes = 64
        let filler = (1...20).map { "Paragraph \($0) of filler text.\n\n" }.joined()
        var lines: [Int] = []
        let result = Markdown(options: options).render(filler + "| a |\n| - |\n| [x](x.md) |\n", rewriteLink: { link in
            lines.append(link.line)
            return nil
        })
        XCTAssertTrue(result.html.contains("<td><a href=\"x.md\">x</a></td>"), result.html)
        XCTAssertEqual(lines, [43])
    }
}
