@testable import Broadside
import BroadsideTestSupport
import XCTest

/// What a site moved in from Jekyll or Hugo leaves behind that readers would see as text, and
/// link addresses in quotes: each said at its place in the file, with its rule and the fix.
final class LeftoversTests: XCTestCase {
    private func messages(_ body: String, rules: Set<Rule> = [.liquid, .shortcode, .kramdown, .quotedLink]) -> [String] {
        let files = [
            "Site/site.yml": "title: Kit\nlanguage: en\nchecks:\n  site/base-url: off\n",
            "Content/index.md": "---\ntitle: Kit\n---\nHello\n",
            "Content/guide.md": "---\ntitle: Guide\nsummary: A guide.\n---\n" + body,
        ]
        let result = TestSite(files).build()
        return result.diagnostics.sorted.filter { $0.rule.map(rules.contains) == true }.map(\.description)
    }

    func testTemplateCodeAndAttributeListsAreReportedAtTheirLines() {
        let body = """
        Call us {% include phone.html %} today.

        Email {{ site.email }} for help.

        {{< youtube abc123 >}}

        A note about fees.
        {: .note}

        {{% notice tip %}}
        Bring ID.

        {::options parse_block_html="true" /}

        """
        XCTAssertEqual(messages(body), [
            "Content/guide.md:5:9: warning: Liquid tag `{% include phone.html %}` shows on the page as written: Broadside does not run templates in pages; write what it made in Markdown, or remove it [leftovers/liquid]",
            "Content/guide.md:7:7: warning: Liquid output `{{ site.email }}` shows on the page as written: Broadside does not fill in template variables; type the value itself, or remove it [leftovers/liquid]",
            "Content/guide.md:9:1: warning: Hugo shortcode `{{< youtube abc123 >}}` shows on the page as written: Broadside does not run shortcodes; write what it made in Markdown (a link, an image), or remove it [leftovers/shortcode]",
            "Content/guide.md:12:1: warning: kramdown attribute list `{: .note}` shows on the page as written: Broadside does not read attribute lists; remove it [leftovers/kramdown]",
            "Content/guide.md:14:1: warning: Hugo shortcode `{{% notice tip %}}` shows on the page as written: Broadside does not run shortcodes; write what it made in Markdown (a link, an image), or remove it [leftovers/shortcode]",
            "Content/guide.md:17:1: warning: kramdown attribute list `{::options parse_block_html=\"true\" /}` shows on the page as written: Broadside does not read attribute lists; remove it [leftovers/kramdown]",
        ])
    }

    func testOneMessagePerOccurrenceAndAnAttributeListEndingALine() {
        XCTAssertEqual(messages("{{ a }} and {{ b }}\n\nA heading's note {:.note}\n"), [
            "Content/guide.md:5:1: warning: Liquid output `{{ a }}` shows on the page as written: Broadside does not fill in template variables; type the value itself, or remove it [leftovers/liquid]",
            "Content/guide.md:5:13: warning: Liquid output `{{ b }}` shows on the page as written: Broadside does not fill in template variables; type the value itself, or remove it [leftovers/liquid]",
            "Content/guide.md:7:18: warning: kramdown attribute list `{:.note}` shows on the page as written: Broadside does not read attribute lists; remove it [leftovers/kramdown]",
        ])
    }

    func testCodeShowsTemplateCodeOnPurpose() {
        let body = """
        Write `{{ page.title }}` in a template, or ``{% raw %}`` around it.

        ```liquid
        {% for post in site.posts %}
        {{ post.title }}
        ```

        ~~~~
        {: .note}
        ~~~~

            {{< indented code >}}

        - a list item
            {: still not code, but no attribute list either} here

        A map {: is not an attribute list} in a sentence, nor \\{{ escaped }}.
        """
        XCTAssertEqual(messages(body), [])
    }

    func testThePreCheckFindsOnlyWhatCouldBeALeftover() {
        func may(_ text: String) -> Bool { Leftovers.mayHave(text[...]) }
        XCTAssertFalse(may("A { brace } and a {b} and a trailing {"))
        XCTAssertTrue(may("x {% y"))
        XCTAssertTrue(may("x {{ y"))
        XCTAssertTrue(may("{: .note}"))
    }

    func testALinkAddressInQuotesIsReportedAndLinked() throws {
        let files = [
            "Site/site.yml": "title: Kit\nlanguage: en\nchecks:\n  site/base-url: off\n",
            "Content/index.md": "---\ntitle: Kit\n---\nSee [the court]('https://courts.example.org/fees') and [the form](\"index.md\").\n",
        ]
        let result = TestSite(files).build()
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "Content/index.md:4:5: warning: the quotes around this link's address become part of it, and it leads nowhere: remove the quotes: (https://courts.example.org/fees) [links/quoted]",
            "Content/index.md:4:56: warning: the quotes around this link's address become part of it, and it leads nowhere: remove the quotes: (index.md) [links/quoted]",
        ])
        let site = try XCTUnwrap(result.site)
        let html = try XCTUnwrap(site.texts[Route("index.html")])
        XCTAssertTrue(html.contains(#"<a href="https://courts.example.org/fees">the court</a>"#), html)
        XCTAssertEqual(site.externalLinks.map(\.url), ["https://courts.example.org/fees"])
    }
}
