@testable import Broadside
import BroadsideTestSupport
import Foundation
import XCTest

/// What a site moved from Jekyll or Hugo relies on: old addresses that still answer (printed
/// QR codes live for years), sections inside sections, translations named from anywhere, and
/// output that GitHub Pages publishes as it is.
final class MovedSiteTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-moved-\(UUID().uuidString)")
        try add("Site/site.yml", "title: Kit\nbase_url: https://kit.example.org/toolkit/\nlanguages:\n  es: Español\nchecks:\n  translations/missing: off\n  content/summary: off\n")
        try add("Content/index.md", "---\ntitle: Home\n---\nWelcome.\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func add(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The build's messages, paths from the site's folder, and every text it made.
    private func build() throws -> (messages: [String], texts: [Route: String]) {
        let result = TestSite(folder: root, pdf: .off, today: Day(year: 2026, month: 12, day: 7)).build()
        return (result.messages(in: root), result.site?.texts ?? [:])
    }

    func testEveryOldAddressSendsReadersToThePage() throws {
        try add("Content/guides/green-card.md", """
            ---
            title: Green card
            aliases: [/legal-guides/green-card/, /2019/03/05/green-card.html, "https://kit.example.org/toolkit/gc/"]
            redirect_from: /old%20guides/card
            ---
            Text.

            """)
        try add("Content/guides/green-card.es.md", "---\ntitle: Tarjeta verde\naliases: [/es/guias/tarjeta/]\n---\nTexto.\n")
        let (messages, texts) = try build()
        XCTAssertEqual(messages, [])
        let moved = try XCTUnwrap(texts[Route("legal-guides/green-card/index.html")])
        XCTAssertTrue(moved.contains(#"<meta http-equiv="refresh" content="0; url=../../guides/green-card/index.html">"#), moved)
        XCTAssertTrue(moved.contains(#"<link rel="canonical" href="https://kit.example.org/toolkit/guides/green-card/">"#))
        XCTAssertTrue(moved.contains(#"<meta name="robots" content="noindex">"#))
        XCTAssertTrue(moved.contains(#"<p>This page has moved to a new address: <a href="../../guides/green-card/index.html">Green card</a></p>"#))
        // An address that named a file is answered by that file, from its own depth.
        XCTAssertTrue(try XCTUnwrap(texts[Route("2019/03/05/green-card.html")]).contains(#"url=../../../guides/green-card/index.html""#))
        XCTAssertNotNil(texts[Route("gc/index.html")], "a full address under base_url is its path")
        XCTAssertNotNil(texts[Route("old guides/card/index.html")], "Jekyll's redirect_from, percent-decoded")
        let spanish = try XCTUnwrap(texts[Route("es/guias/tarjeta/index.html")])
        XCTAssertTrue(spanish.contains(#"<html lang="es">"#) && spanish.contains("Esta página tiene una nueva dirección:"), spanish)
        XCTAssertEqual(texts[Site.redirectList], """
            /toolkit/es/guias/tarjeta/ /toolkit/es/guides/green-card/ 301
            /toolkit/legal-guides/green-card/ /toolkit/guides/green-card/ 301
            /toolkit/2019/03/05/green-card.html /toolkit/guides/green-card/ 301
            /toolkit/gc/ /toolkit/guides/green-card/ 301
            /toolkit/old%20guides/card/ /toolkit/guides/green-card/ 301

            """)
        // Listed nowhere else: not in the sitemap, the search index or any page's links.
        let sitemap = try XCTUnwrap(texts[Sitemap.route])
        XCTAssertTrue(sitemap.contains("/toolkit/guides/green-card/") && !sitemap.contains("legal-guides") && !sitemap.contains("gc/"), sitemap)
        for (route, text) in texts where route.path.hasPrefix("search/") || route == Route("guides/index.html") {
            XCTAssertFalse(text.contains("legal-guides"), "\(route)")
        }
        XCTAssertEqual(texts[Site.noJekyll], "", "GitHub Pages publishes Output/ as it is, _folders included")
    }

    func testAnOldAddressTakenByAnotherFileIsAnErrorNamingBoth() throws {
        try add("Content/guides/green-card.md", "---\ntitle: Green card\naliases:\n  - /guides/daca/\n  - /laws/\n---\nText.\n")
        try add("Content/guides/daca.md", "---\ntitle: DACA\naliases: [/laws/]\n---\nText.\n")
        let (messages, _) = try build()
        XCTAssertEqual(messages.filter { $0.contains("error:") }, [
            "Content/guides/green-card.md:4:5: error: the old address '/guides/daca/' of Content/guides/green-card.md and Content/guides/daca.md would both be written to guides/daca/index.html; rename or remove one",
            "Content/guides/green-card.md:5:5: error: the old address '/laws/' of Content/guides/green-card.md and the old address '/laws/' of Content/guides/daca.md would both be written to laws/index.html; rename or remove one",
        ])
    }

    func testAnAliasThatCannotBeAnsweredSaysWhatToWrite() throws {
        try add("Content/guides/card.md", """
            ---
            title: Card
            aliases: ["https://other.example.org/card/", "/card/?lang=es", "/../../card/", /guides/card/]
            ---
            Text.

            """)
        let (messages, _) = try build()
        XCTAssertEqual(messages, [
            "Content/guides/card.md:3:11: error: 'https://other.example.org/card/' is on another site: an alias is an old address of this one, written as a path like /old-page/",
            "Content/guides/card.md:3:46: error: '/card/?lang=es' has a '?' or '#' part, which never reaches a page of the site: write the path alone, like /old-page/",
            "Content/guides/card.md:3:64: error: '/../../card/' climbs above the top of the site: write the old address from the top, like /old-page/",
            "Content/guides/card.md:3:80: warning: '/guides/card/' is this page's own address, so it needs no redirect: remove it from `aliases:` [front-matter/ignored-content]",
        ])
    }

    /// What the disk cannot hold (a file where a folder goes) and what no address can be (a line
    /// break) are errors at the alias; an address printed with the site's folder is read from it.
    func testAnAliasTheDiskCannotHoldIsAnErrorAtIt() throws {
        try add("Content/card.md", """
            ---
            title: Card
            aliases: ["/.nojekyll", "/old%0Acard/", /toolkit/flyer/, /dir.x, /dir.x/]
            ---
            Text.

            """)
        XCTAssertEqual(try build().messages, [
            "Content/card.md:3:11: error: the old address '/.nojekyll' of Content/card.md would be written to .nojekyll/index.html, but the file that tells GitHub Pages not to run Jekyll is at .nojekyll: one of them must be a folder, the other a file; change the alias",
            "Content/card.md:3:25: error: '/old%0Acard/' has a control character (a line break or tab, perhaps encoded as %0A): an address is one line of text",
            "Content/card.md:3:66: error: the old address '/dir.x/' of Content/card.md would be written to dir.x/index.html, but the old address '/dir.x' of Content/card.md is at dir.x: one of them must be a folder, the other a file; change the alias",
        ])
        try add("Content/card.md", "---\ntitle: Card\naliases: [/toolkit/flyer/]\n---\nText.\n")
        XCTAssertNotNil(try build().texts[Route("flyer/index.html")], "https://kit.example.org/toolkit/flyer/ is the site's flyer/")
    }

    func testASiteWithoutItsAddressIsToldWhatThatCosts() throws {
        try add("Site/site.yml", "title: Kit\n")
        let (messages, texts) = try build()
        XCTAssertEqual(messages, ["Site/site.yml:1:1: warning: the site has no `base_url`, so handouts and flyers print no QR codes, and there is no feed, sitemap or link preview: add `base_url: https://…/` (the site's address online) to site.yml [site/base-url]"])
        XCTAssertEqual(texts[Site.noJekyll], "")
    }

    func testATranslationNamesItsPageFromAnyFolder() throws {
        try add("Content/guides/_index.md", "---\ntitle: Guides\n---\nAll guides.\n")
        try add("Content/guides/green-card.md", "---\ntitle: Green card\n---\nText.\n")
        // Spanish folder and file names, as a Jekyll site had them.
        try add("Content/guias/_index.es.md", "---\ntitle: Guías\ntranslation_of: guides/_index.md\n---\nTodas.\n")
        try add("Content/guias/tarjeta-verde.es.md", "---\ntitle: Tarjeta verde\ntranslation_of: ../guides/green-card.md\n---\nTexto.\n")
        try add("Content/inicio.es.md", "---\ntitle: Inicio\ntranslation_of: /\n---\nHola.\n")
        let (messages, texts) = try build()
        XCTAssertEqual(messages, [])
        // The translated home and section index take their places in Spanish.
        XCTAssertTrue(try XCTUnwrap(texts[Route("es/index.html")]).contains("Hola."))
        let section = try XCTUnwrap(texts[Route("es/guides/index.html")])
        XCTAssertTrue(section.contains("Todas.") && section.contains(#"<a href="../../es/guias/tarjeta-verde/index.html">Tarjeta verde</a>"#), section)
        XCTAssertNil(texts[Route("es/guias/index.html")], "no second Spanish section for the folder guias/")
        XCTAssertTrue(try XCTUnwrap(texts[Route("guides/green-card/index.html")])
            .contains(#"<link rel="alternate" hreflang="es" href="https://kit.example.org/toolkit/es/guias/tarjeta-verde/">"#))
        XCTAssertTrue(try XCTUnwrap(texts[Route("guides/index.html")])
            .contains(#"<link rel="alternate" hreflang="es" href="https://kit.example.org/toolkit/es/guides/">"#))

        // A section with no `_index.md` of its own is named by its folder.
        try add("Content/guides/forum/plan.md", "---\ntitle: Plan\n---\nText.\n")
        try add("Content/guias/foro/_index.es.md", "---\ntitle: El foro\ntranslation_of: guides/forum/\n---\nCapítulos.\n")
        let forum = try build()
        XCTAssertEqual(forum.messages, [])
        let spanishForum = try XCTUnwrap(forum.texts[Route("es/guides/forum/index.html")])
        XCTAssertTrue(spanishForum.contains("<h1>El foro</h1>") && spanishForum.contains("Capítulos."), spanishForum)
        XCTAssertTrue(try XCTUnwrap(forum.texts[Route("guides/forum/index.html")])
            .contains(#"<link rel="alternate" hreflang="es" href="https://kit.example.org/toolkit/es/guides/forum/">"#))

        try add("Content/guias/daca.es.md", "---\ntitle: DACA\ntranslation_of: guides/daca.md\n---\nTexto.\n")
        XCTAssertEqual(try build().messages, [
            "Content/guias/daca.es.md:3:17: error: 'guides/daca.md' is not a page in the content folder: `translation_of:` names the page this one translates by its path under Content/, like guides/da-forum.md, guides/_index.md or index.md",
        ])
    }

    func testAFolderInsideASectionIsASection() throws {
        try add("Content/guides/_index.md", "---\ntitle: Guides\nlegal: true\n---\nAll guides.\n")
        try add("Content/guides/overview.md", "---\ntitle: Overview\nreviewed: 2026-11-01\n---\nText.\n")
        try add("Content/guides/forum/_index.md", "---\ntitle: Running a forum\nsummary: Step by step.\nweight: 1\n---\nChapters.\n")
        try add("Content/guides/forum/before.md", "---\ntitle: Before the forum\nreviewed: 2026-11-01\n---\nText.\n")
        try add("Content/guides/forum/day-of/checklist.md", "---\ntitle: Checklist\n---\nText.\n")
        // Hugo's page bundle: a page in a folder of its own with its files, in a section or at the top.
        try add("Content/guides/bundle/index.md", "---\ntitle: A bundle\nreviewed: 2026-11-01\n---\nText.\n")
        try add("Content/about/index.md", "---\ntitle: About us\n---\nWho we are.\n")
        let (messages, texts) = try build()
        // `legal:` reaches the pages of the sections inside.
        XCTAssertEqual(messages, ["Content/guides/forum/day-of/checklist.md:1:1: warning: this legal page has no `reviewed:` date: add the day a lawyer or advocate last checked it [freshness/unreviewed]"])
        let guides = try XCTUnwrap(texts[Route("guides/index.html")])
        XCTAssertTrue(guides.contains(#"<h2 class="section-title"><a href="../guides/forum/index.html">Running a forum</a></h2>"#), guides)
        XCTAssertTrue(guides.contains("<p class=\"section-count\">2 resources</p>"), "a section counts the pages of those inside it")
        XCTAssertTrue(guides.contains(#"<a href="../guides/bundle/index.html">A bundle</a>"#))
        let day = try XCTUnwrap(texts[Route("guides/forum/day-of/index.html")], "a section without an _index.md gets a page")
        XCTAssertTrue(day.contains(#"<a href="../../../guides/forum/day-of/checklist/index.html">Checklist</a>"#))
        let checklist = try XCTUnwrap(texts[Route("guides/forum/day-of/checklist/index.html")])
        let trail = try XCTUnwrap(checklist.components(separatedBy: #"aria-label="Breadcrumb""#).last)
        let crumbs = trail.components(separatedBy: #"<li><a href=""#).dropFirst().map { $0.prefix { $0 != "<" } }
        XCTAssertEqual(crumbs, [#"../../../../index.html">Home"#, #"../../../../guides/index.html">Guides"#,
                                #"../../../../guides/forum/index.html">Running a forum"#, #"../../../../guides/forum/day-of/index.html">Day of"#])
        // Only the outermost sections are in the navigation and on the home page.
        let home = try XCTUnwrap(texts[Route("index.html")])
        XCTAssertFalse(home.contains("Running a forum"), home)
        let about = try XCTUnwrap(texts[Route("about/index.html")])
        XCTAssertTrue(about.contains("Who we are.") && !about.contains("There is nothing in this section yet."), about)
        XCTAssertTrue(home.contains(#"<a href="about/index.html""#), "a top page is in the menu")
        XCTAssertTrue(home.contains("<p class=\"section-count\">4 resources</p>"), home)
    }
}
