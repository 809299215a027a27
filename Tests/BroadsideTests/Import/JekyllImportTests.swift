@testable import Broadside
import Foundation
import XCTest

/// `broadside import jekyll` on Tests/Fixtures/import/jekyll: what each page's front matter,
/// address and links become, where files go, and what the report lists.
final class JekyllImportTests: XCTestCase {
    private var fixture: ImportFixture!

    override func setUpWithError() throws { fixture = try ImportFixture(.jekyll) }
    override func tearDown() { fixture.remove() }

    func testPostsTakeTheirDateAndNameAndKeepTheirOldAddress() throws {
        XCTAssertEqual(try fixture.text("Content/posts/know-your-rights.md"), """
            ---
            title: Know your rights at the door
            date: 2019-03-05
            tags: [News, rights, home]
            aliases:
              - /news/2019/03/05/know-your-rights.html
            ---
            You do not have to open the door.

            {% include note.html text="Ask to see a warrant signed by a judge." %}

            ## At the door

            Read [about us](../about.md) and the [TPS guide](../guides/tps.md#who-qualifies).

            """)
        // Categories written as words, merged with tags; a date with a time keeps its day.
        let daca = try fixture.text("Content/posts/daca-update.md")
        XCTAssertTrue(daca.hasPrefix("""
            ---
            title: DACA renewals are open
            date: 2020-01-15
            tags: [news, legal, daca]
            aliases:
              - /news/legal/2020/01/15/daca-update.html
            ---

            """), daca)
        // A highlight block is a fenced code block, so what is in it is code, not HTML.
        XCTAssertTrue(daca.hasSuffix("Bring these forms:\n\n```text\n<Form I-821D>\n<Form I-765>\n```\n"), daca)
        XCTAssertEqual(fixture.report.codeBlocks, 1)
        XCTAssertEqual(try fixture.text("Content/posts/clinic-plans.md"), "---\ntitle: Clinic plans\ndraft: true\n---\nSpring clinic dates will go here.\n")
    }

    func testPagesCollectionsAndPermalinks() throws {
        // `permalink:` and `redirect_from`, each an alias; a value with `: ` is quoted.
        XCTAssertEqual(try fixture.text("Content/contact.md"), """
            ---
            title: "Contact: call or write"
            aliases:
              - /contact-us/
              - /reach-us/
              - /contact.html
            ---
            Call the hotline on weekdays. Read the [guides](guides/green-card.md) first.

            """)
        // A page's `/about.html` differs from its new `/about/`; layout and author are left out.
        XCTAssertTrue(try fixture.text("Content/about.md").hasPrefix("---\ntitle: About the toolkit\naliases:\n  - /about.html\n---\n"))
        // The collection's permalink `/guides/:name/` is the new address already: no alias.
        XCTAssertEqual(try fixture.text("Content/guides/tps.md"), """
            ---
            title: Temporary Protected Status
            weight: 2
            ---
            TPS protects people from some countries.

            ## Who qualifies

            People who were here by the date the country was named.

            """)
        XCTAssertEqual(try fixture.text("Content/old-flyer.md"), "---\ntitle: Old flyer\ndraft: true\n---\nThis flyer is out of date.\n")
    }

    func testHomeLinksAreRewritten() throws {
        let home = try fixture.text("Content/index.md")
        XCTAssertEqual(home, """
            ---
            title: Know Your Rights Toolkit
            summary: Plain guides to immigration relief and your rights.
            ---
            Welcome. Start with the [green card guide](guides/green-card.md).

            Read the [latest news](posts/know-your-rights.md) or learn
            [about us](about.md).

            ![Map of clinics](assets/img/map.png)

            [tps]: guides/tps.md#who-qualifies
            See the [TPS guide][tps].

            """)
        // A full address of the old site, with its sub-path, is a link to the page; the site's
        // and the page's values are filled in.
        let about = try fixture.text("Content/about.md")
        XCTAssertTrue(about.contains("[what to do at the door](posts/know-your-rights.md#at-the-door)"), about)
        XCTAssertTrue(about.hasSuffix("\nThis is Know Your Rights Toolkit, last changed for About the toolkit.\n"), about)
        XCTAssertEqual(fixture.report.valuesFilledIn, 2)
    }

    func testTranslationsSitBesideThePageTheyTranslate() throws {
        // `ref:` pairs the guide with its Spanish version, which keeps its old address.
        XCTAssertEqual(try fixture.text("Content/guides/green-card.es.md"), """
            ---
            title: "Tarjeta verde: lo que debe saber"
            aliases:
              - /es/guia-green-card/
            ---
            La tarjeta verde le permite vivir y trabajar aquí para siempre.

            ## Quién puede pedirla

            Familiares y algunos trabajadores. Vea [la guía en inglés](green-card.md).

            """)
        // `alt_url:` names the English page's old address; `lang: es` comes from `defaults:` for es/.
        XCTAssertTrue(try fixture.text("Content/about.es.md").hasPrefix("---\ntitle: Sobre el proyecto\naliases:\n  - /es/acerca.html\n---\n"))
        XCTAssertEqual(try fixture.text("Site/site.yml"), """
            title: Know Your Rights Toolkit
            base_url: "https://rights.example.org/kit/"
            language: en
            languages:
              es: Español

            """)
    }

    func testFilesDataAndWhatIsLeftBehind() throws {
        let written = ImportFixture.tree(fixture.into)
        XCTAssertEqual(written["Content/assets/img/map.png"], ImportFixture.tree(fixture.source)["assets/img/map.png"])
        XCTAssertNotNil(written["Data/clinics.yml"])
        XCTAssertNotNil(written["Data/offices.csv"])
        XCTAssertEqual(try fixture.text(PublishingFiles.pagesWorkflowPath), PublishingFiles.pagesWorkflow)
        for path in written.keys {
            XCTAssertFalse(SiteImport.isScriptFile(path) && path.hasPrefix("Content/"), path)
        }
        // CONTRIBUTING.md has no front matter: the repository's, not a page.
        XCTAssertEqual(fixture.report.leftBehind, ["CONTRIBUTING.md", "Gemfile", "README.md", "_config.yml", "_includes", "_layouts", "_sass"])
        XCTAssertEqual([fixture.report.pages, fixture.report.posts, fixture.report.translations, fixture.report.sections,
                        fixture.report.staticFiles, fixture.report.dataFiles, fixture.report.linksRewritten, fixture.report.aliases],
                       [11, 3, 2, 2, 1, 2, 10, 8])
    }

    func testReportListsEachPlaceWithBothLinesAndTheText() throws {
        let report = try fixture.text(ImportReport.fileName)
        for line in [
            "- `Content/posts/know-your-rights.md:10` (from `_posts/2019-03-05-know-your-rights.md:9`): `{% include note.html text=\"Ask to see a warrant signed by a judge.\" %}`",
            "- `Content/posts/daca-update.md:10` (from `_posts/2020-01-15-daca-update.md:9`): `<div class=\"callout\">Clinics fill up fast.</div>`",
            "- `Content/posts/daca-update.md:12` (from `_posts/2020-01-15-daca-update.md:11`): `{% link _guides/clinics.md %}`",
            "- `Content/guides/tps.md:1` (from `_guides/tps.md:4`): `image: /assets/img/map.png`",
            "- `Content/about.md:1` (from `about.md:4`): `author: Ana Ruiz`",
            "- `404.html`",
            "- `assets/js/app.js`",
            "| layout and theme keys dropped | 3 |",
            "- **Netlify:** build command `broadside build`, publish directory `Output` (in `netlify.toml`: `publish = \"Output\"`).",
        ] {
            XCTAssertTrue(report.contains(line + "\n"), "missing: \(line)\n\(report)")
        }
        XCTAssertEqual(fixture.report.itemCount, 7)
    }

    func testSourceIsUntouched() throws {
        let before = ImportFixture.tree(fixture.source)
        let inside = fixture.source.appendingPathComponent("imported-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: inside) }
        // Even into a folder inside it, which is skipped while reading.
        let report = try SiteImport.run(.jekyll, source: fixture.source.path, into: inside.path)
        XCTAssertEqual(report.pages, 11)
        let after = ImportFixture.tree(fixture.source).filter { !$0.key.hasPrefix(inside.lastPathComponent + "/") }
        XCTAssertEqual(after, before)
    }
}
