@testable import Broadside
import Foundation
import XCTest

/// `broadside import hugo` on Tests/Fixtures/import/hugo: language trees, nested sections, a
/// leaf bundle, TOML front matter, `url:`, `aliases`, `[permalinks]`, `ref` and `relref`.
final class HugoImportTests: XCTestCase {
    private var fixture: ImportFixture!

    override func setUpWithError() throws { fixture = try ImportFixture(.hugo) }
    override func tearDown() { fixture.remove() }

    func testTreeKeepsSectionsNestedAndTranslationsBeside() throws {
        let content = ImportFixture.tree(fixture.into.appendingPathComponent("Content")).keys.sorted()
        XCTAssertEqual(content, ["docs/checklist.pdf", "guides/_index.md", "guides/chapter-1/_index.md", "guides/chapter-1/steps.es.md",
                                 "guides/chapter-1/steps.md", "index.es.md", "index.md", "posts/first-post/index.es.md",
                                 "posts/first-post/index.md", "posts/first-post/photo.png", "posts/second.md"])
        XCTAssertEqual(fixture.report.sections, 3, "guides, guides/chapter-1 and posts; the bundle is a page")
        XCTAssertEqual(fixture.report.translations, 3)
    }

    func testTOMLFrontMatterRefsAndStaticLinks() throws {
        XCTAssertEqual(try fixture.text("Content/index.md"), """
            ---
            title: Know Your Rights Hub
            summary: "Short, plain guides for families."
            ---
            Start with the [steps to take](guides/chapter-1/steps.md) or read
            [our first post](posts/first-post/index.md).

            Print the [checklist](docs/checklist.pdf).

            """)
        // The Spanish home's `ref` to the Spanish page leads to it, now beside the English one.
        XCTAssertTrue(try fixture.text("Content/index.es.md").hasSuffix("Empiece con los [pasos](guides/chapter-1/steps.es.md).\n"))
    }

    func testOldAddressesFromAliasesPermalinksAndURL() throws {
        XCTAssertEqual(try fixture.text("Content/guides/chapter-1/steps.md"), """
            ---
            title: Steps to take
            weight: 2
            aliases:
              - /old/steps/
            ---
            Gather your papers and keep copies.

            {{< callout "tip" >}}Bring a friend to court.{{< /callout >}}

            ## Papers to bring

            Your notice to appear and any receipts.

            """)
        // `translationKey` pairs pages with different names; the old Spanish address is kept.
        XCTAssertTrue(try fixture.text("Content/guides/chapter-1/steps.es.md").hasPrefix("""
            ---
            title: Pasos a seguir
            aliases:
              - /es/guides/chapter-1/pasos/
            ---

            """))
        // `[permalinks] posts = "/:year/:month/:slug/"`, in each language. The `<!--more-->`
        // line is empty: lists show the summary.
        XCTAssertEqual(try fixture.text("Content/posts/first-post/index.md"), """
            ---
            title: Rights at work
            date: 2024-03-05
            tags: [Rights, work]
            aliases:
              - /2024/03/rights-at-work/
            ---
            You have rights at work, whatever your status.


            ![A worker with a sign](photo.png)

            See the [steps](../../guides/chapter-1/steps.md#papers-to-bring).

            """)
        let spanish = try fixture.text("Content/posts/first-post/index.es.md")
        XCTAssertTrue(spanish.contains("aliases:\n  - /es/2024/03/derechos-en-el-trabajo/\n"), spanish)
        // The `figure` shortcode is a Markdown image, its file beside it.
        XCTAssertTrue(spanish.hasSuffix("\n![Una trabajadora con un cartel](photo.png)\n"), spanish)
        XCTAssertEqual(fixture.report.shortcodesConverted, 1)
        XCTAssertEqual(try fixture.text("Content/posts/second.md"), """
            ---
            title: A second post
            date: 2024-04-01
            aliases:
              - /special/second/
            ---
            Back to the [guides](../guides/_index.md) or an [unknown page]({{< ref "nowhere.md" >}}).

            """)
        // The Spanish site title, from `[languages.es] title`.
        XCTAssertEqual(try fixture.text("Site/i18n/es.yml"), "site_title: Centro de derechos\n")
        XCTAssertEqual(try fixture.text("Site/site.yml"), """
            title: Know Your Rights Hub
            base_url: "https://hugo.example.org/"
            language: en
            languages:
              es: Español

            """)
    }

    func testReportAndWhatIsLeftBehind() throws {
        let report = try fixture.text(ImportReport.fileName)
        for line in [
            "- `Content/guides/chapter-1/steps.md:9` (from `content/en/guides/chapter-1/steps.md:9`): `{{< callout \"tip\" >}}`",
            "- `Content/guides/chapter-1/steps.md:9` (from `content/en/guides/chapter-1/steps.md:9`): `{{< /callout >}}`",
            "- `Content/posts/second.md:7` (from `content/en/posts/second.md:7`): `{{< ref \"nowhere.md\" >}}`",
            "- `Content/posts/first-post/index.md:1` (from `content/en/posts/first-post/index.md:7`): `author: Luis`",
            "- `Content/posts/second.md:1` (from `content/en/posts/second.md:5`): `lastmod: 2024-05-01`",
            "- `static/js/menu.js`",
        ] {
            XCTAssertTrue(report.contains(line + "\n"), "missing: \(line)\n\(report)")
        }
        XCTAssertEqual(fixture.report.itemCount, 6)
        XCTAssertEqual(fixture.report.summaryMarks, 1)
        XCTAssertEqual(fixture.report.leftBehind, ["archetypes", "hugo.toml", "layouts", "themes"])
        XCTAssertEqual([fixture.report.pages, fixture.report.linksRewritten, fixture.report.aliases, fixture.report.staticFiles, fixture.report.dataFiles],
                       [9, 6, 5, 2, 1], "the photo of the bundle in both languages is copied once")
        XCTAssertNotNil(ImportFixture.tree(fixture.into)["Data/offices.toml"])
    }
}
