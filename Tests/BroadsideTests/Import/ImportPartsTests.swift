@testable import Broadside
import Foundation
import XCTest
import Yams

/// The parts of an import one at a time: old addresses, config files, YAML text and links.
final class ImportPartsTests: XCTestCase {
    func testJekyllAddressesForEachKindOfPage() {
        let day = Permalinks.dateValues(Day(year: 2019, month: 3, day: 5))
        var post = day.merging(["categories": "news/legal", "title": "know", "output_ext": ".html"]) { $1 }
        XCTAssertEqual(Permalinks.expand(Permalinks.jekyllPattern("date"), post).url, "/news/legal/2019/03/05/know.html")
        XCTAssertEqual(Permalinks.expand(Permalinks.jekyllPattern("pretty"), post).url, "/news/legal/2019/03/05/know/")
        XCTAssertEqual(Permalinks.expand(Permalinks.jekyllPattern("ordinal"), post).url, "/news/legal/2019/064/know.html")
        XCTAssertEqual(Permalinks.expand(Permalinks.jekyllPattern("none"), post).url, "/news/legal/know.html")
        post["categories"] = ""
        XCTAssertEqual(Permalinks.expand("/blog/:year/:i_month/:title/", post).url, "/blog/2019/3/know/")
        XCTAssertEqual(Permalinks.expand(Permalinks.jekyllPattern("date"), post).url, "/2019/03/05/know.html")
        let guide = ["collection": "guides", "path": "court/steps", "name": "steps", "output_ext": ".html"]
        XCTAssertEqual(Permalinks.expand(Permalinks.jekyllPattern("date", styles: Permalinks.jekyllCollectionStyles), guide).url, "/guides/court/steps.html")
        XCTAssertEqual(Permalinks.expand("/guides/:name/", guide).url, "/guides/steps/")
        let page = ["path": "help", "basename": "faq", "output_ext": ".html"]
        XCTAssertEqual(Permalinks.expand(Permalinks.jekyllPagePattern(sitePermalink: "date"), page).url, "/help/faq.html")
        XCTAssertEqual(Permalinks.expand(Permalinks.jekyllPagePattern(sitePermalink: "pretty"), page).url, "/help/faq/")
        let unknown = Permalinks.expand("/:year/:week/:title/", post)
        XCTAssertEqual(unknown.unknown, [":week"])
    }

    func testHugoAddressesForEachKindOfPage() {
        XCTAssertEqual(Permalinks.hugoDefault(contentPath: "posts/My-Post.md", slug: nil), "/posts/my-post/")
        XCTAssertEqual(Permalinks.hugoDefault(contentPath: "posts/my-post.md", slug: "rights"), "/posts/rights/")
        XCTAssertEqual(Permalinks.hugoDefault(contentPath: "posts/bundle/index.md", slug: nil), "/posts/bundle/")
        XCTAssertEqual(Permalinks.hugoDefault(contentPath: "guides/chapter-1/_index.md", slug: nil), "/guides/chapter-1/")
        XCTAssertEqual(Permalinks.hugoDefault(contentPath: "_index.md", slug: nil), "/")
        let values = Permalinks.hugoValues(contentPath: "posts/bundle/index.md", title: "Rights at Work", slug: nil, date: Day(year: 2024, month: 3, day: 5))
        XCTAssertEqual(Permalinks.expand("/:year/:month/:slug/", values).url, "/2024/03/rights-at-work/")
        XCTAssertEqual(Permalinks.expand("/:section/:filename/", values).url, "/posts/bundle/")
        XCTAssertEqual(Permalinks.expand("/:sections/:contentbasename/", Permalinks.hugoValues(contentPath: "a/b/c.md", title: "C", slug: nil, date: nil)).url, "/a/b/c/")
    }

    func testHugoConfigTablesAreRead() throws {
        var diagnostics = Diagnostics()
        let pairs = try XCTUnwrap(TOMLDocument.mapping("""
            title = "Hub"
            [languages.es]
              languageName = "Español" # its own name
              params.motto = "Sí"
            [permalinks]
              posts = "/:year/:slug/"
            [[menu.main]]
              name = "Guides"
            [markup]
              goldmark = { renderer = { unsafe = true } }
            """, path: "hugo.toml", diagnostics: &diagnostics))
        XCTAssertTrue(diagnostics.all.isEmpty)
        let config = ConfigFile(path: "hugo.toml", fields: YAMLFields(entries: pairs, path: "hugo.toml", lineOffset: 0))
        XCTAssertEqual(config.text("title"), "Hub")
        XCTAssertEqual(config.text("languages", "es", "languageName"), "Español")
        XCTAssertEqual(config.text("languages", "es", "params", "motto"), "Sí")
        XCTAssertEqual(config.text("permalinks", "posts"), "/:year/:slug/")
        XCTAssertNil(config.value("menu"), "arrays of tables are read past")
        XCTAssertTrue(config.flag("markup", "goldmark", "renderer", "unsafe"))
        // Front matter still refuses tables, with the same words.
        var frontMatter = Diagnostics()
        XCTAssertNil(TOMLFrontMatter.entries("[params]\nx = 1", path: "a.md", lineOffset: 1, diagnostics: &frontMatter))
        XCTAssertTrue(frontMatter.all.first?.message.hasPrefix("TOML front matter: a table header ('[params]') groups the keys after it") ?? false)
    }

    func testPagesWorkflowBuildsBroadsideAndPublishesOutput() throws {
        let workflow = PublishingFiles.pagesWorkflow
        for line in ["    container: swift:6.0-bookworm",
                     "          apt-get install -y --no-install-recommends libcmark-dev libqrencode-dev libmimalloc-dev libcurl4-openssl-dev",
                     "          repository: ${{ vars.BROADSIDE_REPOSITORY }}",
                     "        run: ../broadside/.build/release/broadside build",
                     "        uses: actions/upload-pages-artifact@v3",
                     "          path: site/Output",
                     "        uses: actions/deploy-pages@v4"] {
            XCTAssertTrue(workflow.contains(line + "\n"), line)
        }
        // Valid YAML, with the two jobs.
        let jobs = try XCTUnwrap(try Yams.load(yaml: workflow) as? [String: Any])["jobs"] as? [String: Any]
        XCTAssertEqual(jobs?.keys.sorted(), ["build", "deploy"])
    }

    func testWhatIsLeftForAPersonIsFoundOncePerPlace() {
        let body = """
            Intro with `<code>` and {{< youtube abc >}}.
            <div class="note">
            <p>Two lines of HTML</p>
            </div>

            {% include note.html %} and {{ page.title }}
            ```
            <b>in code</b>
            ```
            """
        XCTAssertEqual(Unconverted.find(in: body).map { "\($0.line) \($0.kind) \($0.text)" }, [
            "0 shortcode {{< youtube abc >}}",
            "1 rawHTML <div class=\"note\"> (and 2 more lines)",
            "5 liquid {% include note.html %}",
            "5 liquid {{ page.title }}",
        ])
        let values = ["site.repository": "https://github.com/example/kit", "page.title": "Know your rights", "param.hotline": "555-0100"]
        let converted = BodyConversion.converted("""
            a {{ page.title }}
            <!--more-->
            {{< highlight go "linenos=table" >}}
            fmt.Println(1)
            {{< / highlight >}}
            [code]({{ site.repository }}/issues/1) {{ site.unknown }} {{< param "hotline" >}} {{ "{{" }}
            {% raw %}
            Write {{ page.title }} in a layout.{% endraw %} Then {{ page.title }}.
            {% highlight %}
            x
            """) { values[$0] }
        XCTAssertEqual(converted.body, """
            a Know your rights

            ```go
            fmt.Println(1)
            ```
            [code](https://github.com/example/kit/issues/1) {{ site.unknown }} 555-0100 {{

            Write {{ page.title }} in a layout. Then Know your rights.
            {% highlight %}
            x
            """, "a block never closed is left as written")
        XCTAssertEqual([converted.codeBlocks, converted.summaryMarks, converted.values], [1, 1, 5])
        XCTAssertEqual(converted.literalLines, [7])
        XCTAssertEqual(Unconverted.find(in: converted.body, literalLines: converted.literalLines).map(\.text), ["{{ site.unknown }}", "{% highlight %}"])
    }

    func testFrontMatterMapping() throws {
        var diagnostics = Diagnostics()
        let fields = try XCTUnwrap(YAMLFields(yaml: """
            layout: post
            title: "Relief: what to know"
            summary: Short.
            description: Longer words.
            excerpt: Short.
            date: someday
            publishDate: 2024-02-01T09:00:00Z
            categories: Legal News
            tags: [legal, DACA]
            published: false
            weight: 3
            author: Ana
            toc: true
            """, path: "a.md", lineOffset: 1, what: "front matter", diagnostics: &diagnostics))
        let page = SourcePage(path: "a.md", linkPath: "a.md", fields: fields, body: "", bodyLine: 13, language: "en", newPath: "a.md",
                              fileDate: Day(year: 2024, month: 1, day: 2), fallbackTitle: "A")
        let front = MappedFrontMatter(page, splitWords: true)
        XCTAssertEqual(front.yaml, """
            ---
            title: "Relief: what to know"
            summary: Short.
            date: 2024-02-01
            tags: [Legal, News, DACA]
            draft: true
            weight: 3
            ---

            """)
        XCTAssertEqual(front.dropped.map { "\($0.source.line) \($0.text)" },
                       ["5 description: Longer words. (the page has a summary)", "7 date: someday (not a date Broadside can read)", "13 author: Ana"])
        XCTAssertEqual([front.mappedKeys, front.themeKeys], [8, 2], "excerpt says what summary says; publishDate is the date")
    }

    func testHugoMediaShortcodesBecomeMarkdown() {
        XCTAssertEqual(BodyConversion.markdown(shortcode: "figure", #"src="/img/map.png" caption="Clinics" link="/clinics/""#),
                       "[![Clinics](/img/map.png)](/clinics/)")
        XCTAssertEqual(BodyConversion.markdown(shortcode: "figure", #"src='a.png' alt='A map' title="Map""#), "![A map](a.png)")
        XCTAssertEqual(BodyConversion.markdown(shortcode: "youtube", "ZJthWmvUzzc"), "[Video on YouTube](https://www.youtube.com/watch?v=ZJthWmvUzzc)")
        XCTAssertEqual(BodyConversion.markdown(shortcode: "vimeo", #"id="48912912" title="Know your rights""#), "[Know your rights](https://vimeo.com/48912912)")
        XCTAssertNil(BodyConversion.markdown(shortcode: "figure", #"caption="no image""#))
    }

    func testYAMLTextIsQuotedWhenItMustBe() {
        XCTAssertEqual(YAMLText.scalar("Know your rights"), "Know your rights")
        XCTAssertEqual(YAMLText.scalar("Relief: what to know"), "\"Relief: what to know\"")
        XCTAssertEqual(YAMLText.scalar("yes"), "\"yes\"")
        XCTAssertEqual(YAMLText.scalar("2019"), "\"2019\"")
        XCTAssertEqual(YAMLText.scalar("Say \"hi\" # now"), "\"Say \\\"hi\\\" # now\"")
        XCTAssertEqual(YAMLText.scalar("/2019/03/05/post.html"), "/2019/03/05/post.html")
        XCTAssertEqual(YAMLText.flowScalar("a, b"), "\"a, b\"")
        XCTAssertEqual(YAMLText.scalar("Tarjeta verde"), "Tarjeta verde")
    }

    func testLinkFormsResolveThroughTheOldSite() {
        var targets = LinkTargets()
        targets.basePath = "/kit"
        targets.siteURL = "https://example.org/kit"
        targets.byURL = ["/guides/green-card": "guides/green-card.md", "/assets/map.png": "assets/map.png"]
        targets.bySourcePath = ["_guides/green-card.md": "guides/green-card.md", "_posts/2019-03-05-know.md": "posts/know.md"]
        targets.posts = ["2019-03-05-know": "posts/know.md"]
        targets.byContentPath = ["en": ["guides/green-card.md": "guides/green-card.md"]]
        let rewriter = LinkRewriter(targets: targets)
        let page = SourcePage(path: "_posts/2019-03-05-know.md", linkPath: "_posts/2019-03-05-know.md", body: "", bodyLine: 1, language: "en",
                              newPath: "posts/know.md", oldURL: "/2019/03/05/know.html", fallbackTitle: "Know")
        func link(_ written: String) -> LinkRewriter.Outcome { rewriter.resolve(written, page: page, newPath: "posts/know.md") }
        XCTAssertEqual(link("/kit/guides/green-card/#who"), .rewritten("../guides/green-card.md#who"))
        XCTAssertEqual(link("/guides/green-card.html"), .rewritten("../guides/green-card.md"))
        XCTAssertEqual(link("https://example.org/kit/guides/green-card/"), .rewritten("../guides/green-card.md"))
        XCTAssertEqual(link("{% link _guides/green-card.md %}"), .rewritten("../guides/green-card.md"))
        XCTAssertEqual(link("{{ site.baseurl }}{% post_url 2019-03-05-know %}#top"), .rewritten("know.md#top"))
        XCTAssertEqual(link("{{ '/guides/green-card/' | relative_url }}"), .rewritten("../guides/green-card.md"))
        XCTAssertEqual(link("{{ site.baseurl }}/assets/map.png"), .rewritten("../assets/map.png"))
        XCTAssertEqual(link("{{< ref \"green-card\" >}}"), .rewritten("../guides/green-card.md"))
        XCTAssertEqual(link("{{% relref \"/guides/green-card.md#who\" %}}"), .rewritten("../guides/green-card.md#who"))
        XCTAssertEqual(link("/kit/gone/"), .unresolved)
        XCTAssertEqual(link("{% link _guides/gone.md %}"), .unresolved)
        XCTAssertEqual(link("https://other.example.org/"), .external)
        XCTAssertEqual(link("#who"), .external)
        XCTAssertEqual(link("mailto:help@example.org"), .external)
        XCTAssertEqual(link("irc://irc.example.org/#kit"), .refused)
        XCTAssertEqual(link("{{ 'guides/green-card/' | relative_url }}"), .rewritten("../guides/green-card.md"))
        let rewritten = rewriter.rewrite("See [a](/kit/guides/green-card/) and [b](/gone/).\n```\n[c](/kit/guides/green-card/)\n```\n[d]: /kit/guides/green-card/ \"Guide\"",
                                         page: page, newPath: "posts/know.md")
        XCTAssertEqual(rewritten.body, "See [a](../guides/green-card.md) and [b](/gone/).\n```\n[c](/kit/guides/green-card/)\n```\n[d]: ../guides/green-card.md \"Guide\"")
        XCTAssertEqual(rewritten.rewritten, 2)
        XCTAssertEqual(rewritten.unresolved.map(\.line), [0])
    }
}
