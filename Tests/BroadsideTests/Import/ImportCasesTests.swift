@testable import Broadside
import BroadsideTestSupport
import Foundation
import XCTest

/// Smaller sites written by the test: the cases the fixtures do not show.
final class ImportCasesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-import-case-\(UUID().uuidString)")
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    private func write(_ files: [String: String]) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent("source/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Imports the written site into `out/`.
    private func run(_ generator: SiteImport.Generator) throws -> ImportReport {
        try SiteImport.run(generator, source: folder.appendingPathComponent("source").path, into: folder.appendingPathComponent("out").path)
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("out/" + path), encoding: .utf8)
    }

    func testHugoLanguageFileNamesYAMLConfigAndLanguageFolders() throws {
        try write([
            "hugo.yaml": "baseURL: https://example.org/site/\ntitle: Hub\ndefaultContentLanguageInSubdir: true\nuglyURLs: true\nlanguages:\n  en: {weight: 1}\n  es: {weight: 2, languageName: Español}\n",
            "content/about.md": "---\ntitle: About\ntranslationKey: about\n---\nWho we are.\n",
            "content/acerca-de.es.md": "---\ntitle: Acerca\ntranslationKey: about\n---\nQuiénes somos.\n",
            "content/otra.es.md": "---\ntitle: Otra\ntranslationKey: about\n---\nOtra versión.\n",
            "content/solo.es.md": "---\ntitle: Solo\n---\nSolo en español.\n",
        ])
        let report = try run(.hugo)
        // A name ending `.es.md` is Spanish; `translationKey` pairs it with `about.md`, beside
        // which it goes. A second Spanish page with the key, and one with none, keep their names.
        // Every language has its folder (`defaultContentLanguageInSubdir`), pages end in `.html` (`uglyURLs`).
        XCTAssertEqual(try read("Content/about.md"), "---\ntitle: About\naliases:\n  - /en/about.html\n---\nWho we are.\n")
        XCTAssertEqual(try read("Content/about.es.md"), "---\ntitle: Acerca\naliases:\n  - /es/acerca-de.html\n---\nQuiénes somos.\n")
        XCTAssertEqual(try read("Content/otra.es.md"), "---\ntitle: Otra\naliases:\n  - /es/otra.html\n---\nOtra versión.\n")
        XCTAssertEqual(try read("Content/solo.es.md"), "---\ntitle: Solo\naliases:\n  - /es/solo.html\n---\nSolo en español.\n")
        XCTAssertEqual(report.items.map(\.text), ["a second es translation of Content/about.md: kept as a page of its own; merge it into Content/about.es.md",
                                                   "lang: es, with no page in en to translate: kept as a page of its own"])
        XCTAssertEqual(try read("Site/site.yml"), "title: Hub\nbase_url: \"https://example.org/site/\"\nlanguage: en\nlanguages:\n  es: Español\n")
    }

    func testAConfigThatCannotBeReadIsRefusedWhereItIsWrong() throws {
        try write(["_config.yml": "title: Kit\nexclude: [Gemfile\n", "index.md": "---\ntitle: Home\n---\nHi.\n"])
        let source = folder.appendingPathComponent("source")
        XCTAssertThrowsError(try SiteImport.run(.jekyll, source: source.path, into: folder.appendingPathComponent("out").path)) { error in
            XCTAssertTrue("\(error)".hasPrefix(source.appendingPathComponent("_config.yml").path + ":3:1: error: "), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing is written")
    }

    func testJekyllPolyglotPagesWithOneAddressTranslateEachOther() throws {
        try write([
            "_config.yml": "title: Kit\nurl: https://example.org\ndefault_lang: en\nlanguages: [en, es]\n",
            "about.md": "---\ntitle: About\npermalink: /about/\n---\nWho we are.\n",
            "about-es.md": "---\ntitle: Acerca\nlang: es\npermalink: /about/\n---\nQuiénes somos.\n",
        ])
        let report = try run(.jekyll)
        XCTAssertEqual(try read("Content/about.md"), "---\ntitle: About\n---\nWho we are.\n")
        XCTAssertEqual(try read("Content/about.es.md"), "---\ntitle: Acerca\n---\nQuiénes somos.\n", "served at /es/about/, as now")
        XCTAssertEqual(report.translations, 1)
    }

    func testHugoConfigFolder() throws {
        try write([
            "config/_default/hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"Hub\"\n",
            "config/_default/languages.toml": "[en]\nweight = 1\n[es]\nlanguageName = \"Español\"\ntitle = \"Centro\"\n",
            "config/_default/permalinks.yaml": "posts: /:year/:slug/\n",
            "content/posts/visit.md": "---\ntitle: Visit\ndate: 2025-01-02\n---\nCome by.\n",
        ])
        _ = try run(.hugo)
        XCTAssertEqual(try read("Site/site.yml"), "title: Hub\nbase_url: \"https://example.org/\"\nlanguage: en\nlanguages:\n  es: Español\n")
        XCTAssertEqual(try read("Site/i18n/es.yml"), "site_title: Centro\n")
        XCTAssertEqual(try read("Content/posts/visit.md"), "---\ntitle: Visit\ndate: 2025-01-02\naliases:\n  - /2025/visit/\n---\nCome by.\n")
    }

    func testJekyllPostsInCategoryFoldersPrettyPagesAndUnresolvedLinks() throws {
        try write([
            "_config.yml": "title: \"Kit: rights\"\npermalink: pretty\n",
            "news/_posts/2021-06-01-clinic.md": "---\ntitle: Clinic\n---\nSee [help](/help/) and [gone](/gone/).\n",
            "help.md": "---\ntitle: Help\nsidebar: true\ncategories: [a]\n---\nRead {% post_url 2021-06-01-clinic %} and [the clinic]({% post_url 2021-06-01-clinic %}).\n",
            "search.md": "---\nlayout: search\n---\n\n",
            "_data/clinic.yml": "hours: 9 to 5\n",
            "hours.md": "---\ntitle: Hours\n---\nOpen {{ site.data.clinic.hours }}. Chat on [IRC](irc://irc.example.org/kit).\n",
            "tags.md": "---\ntitle: Topics\nredirect_from: [/topics/*, /subjects/]\n---\n![](map.png)\n",
        ])
        let report = try run(.jekyll)
        XCTAssertEqual(try read("Content/posts/clinic.md"), """
            ---
            title: Clinic
            date: 2021-06-01
            aliases:
              - /news/2021/06/01/clinic/
            ---
            See [help](../help.md) and [gone](/gone/).

            """)
        XCTAssertEqual(try read("Content/help.md"), "---\ntitle: Help\ntags: [a]\n---\nRead {% post_url 2021-06-01-clinic %} and [the clinic](posts/clinic.md).\n")
        // A theme's empty search page is left behind; a page with words where Broadside makes
        // its topic list moves aside, keeping its old addresses but a pattern and Broadside's own.
        XCTAssertEqual(report.leftBehind, ["_config.yml", "search.md"])
        XCTAssertEqual(try read("Content/tags-page.md"), "---\ntitle: Topics\naliases:\n  - /subjects/\n---\n![](map.png)\n")
        XCTAssertEqual(report.items.map { "\($0.new?.description ?? "") \($0.source.path):\($0.source.line) \($0.text)" }, [
            "Content/help.md:5:1 help.md:6 {% post_url 2021-06-01-clinic %}",
            "Content/hours.md:4:1 hours.md:4 irc://irc.example.org/kit",
            "Content/posts/clinic.md:7:1 news/_posts/2021-06-01-clinic.md:4 /gone/",
            "Content/tags-page.md:1:1 tags.md:1 /tags/: not made an alias (a pattern, or an address Broadside uses)",
            "Content/tags-page.md:1:1 tags.md:1 /topics/*: not made an alias (a pattern, or an address Broadside uses)",
            "Content/tags-page.md:6:1 tags.md:5 map.png",
            "Content/tags-page.md:6:1 tags.md:5 ![](map.png)",
            "Content/tags-page.md:1:1 tags.md:1 tags.md → tags-page.md: Broadside makes its own page at /tags/",
            "Site/site.yml:1:1 _config.yml:1 base_url: the old site's config gives no full address; add the site's, like base_url: https://example.org/",
        ])
        XCTAssertEqual(report.themeKeysDropped, 1)
        // `_data/` values fill in `{{ site.data.… }}`; an `irc:` link is listed, as the build refuses it.
        XCTAssertEqual(try read("Content/hours.md"), "---\ntitle: Hours\n---\nOpen 9 to 5. Chat on [IRC](irc://irc.example.org/kit).\n")
        XCTAssertEqual(try read("Site/site.yml"), "title: \"Kit: rights\"\nlanguage: en\n")
    }

    /// A site that keeps its pages in `_pages` (named by `include:`) and its moved pages as
    /// redirect pages, as 18F's content guide does: the pages arrive without the `_pages/`
    /// folder, each redirect page becomes an alias of the page it sent readers to (and links to
    /// it lead there), and an old address two pages both claimed is kept once and listed.
    func testJekyllIncludedPagesFolderAndRedirectPages() throws {
        try write([
            "_config.yml": "title: Guide\nurl: https://guide.example.org\ninclude: ['_pages']\n",
            "index.md": "---\ntitle: Guide\n---\nStart with [the voice page](/voice/) or [tone](/our-style/voice-and-tone/).\n",
            "_pages/our-style/voice-and-tone.md": "---\ntitle: Voice and tone\npermalink: /our-style/voice-and-tone/\nredirect_from: [/shared/]\n---\nBe warm.\n",
            "_pages/our-style/names.md": "---\ntitle: Names\npermalink: /our-style/names/\nredirect_from: [/shared/]\n---\nUse names.\n",
            "_pages/redirects/voice.md": "---\npermalink: /voice/\nlayout: redirect\nredirect: /our-style/voice-and-tone/\n---\n",
            "_pages/redirects/gone.md": "---\npermalink: /gone/\nredirect_to: https://other.example.org/\n---\n",
            "_pages/redirects/named.md": "---\npermalink: /named/\nredirect_to: https://guide.example.org/our-style/names/\n---\n",
        ])
        let into = folder.appendingPathComponent("out")
        let report = try run(.jekyll)
        XCTAssertEqual(report.pages, 3, "two pages from _pages and the home page; redirect pages are not pages")
        XCTAssertEqual(report.redirectsMerged, 2)
        XCTAssertEqual(try read("Content/our-style/voice-and-tone.md"), "---\ntitle: Voice and tone\naliases:\n  - /voice/\n---\nBe warm.\n")
        XCTAssertEqual(try read("Content/our-style/names.md"), "---\ntitle: Names\naliases:\n  - /shared/\n  - /named/\n---\nUse names.\n")
        XCTAssertEqual(try read("Content/index.md"), "---\ntitle: Guide\n---\nStart with [the voice page](our-style/voice-and-tone.md) or [tone](our-style/voice-and-tone.md).\n")
        XCTAssertEqual(report.items.filter { $0.kind == .oldAddress }.map { "\($0.source.path) \($0.text)" }, [
            "_pages/redirects/gone.md /gone/ sent readers to https://other.example.org/, which is no page of the new site: add /gone/ to the `aliases:` of the page that replaces it",
            "_pages/our-style/voice-and-tone.md /shared/ is also an old address of Content/our-style/names.md, which keeps it: move it to this page's `aliases:` if readers should land here",
        ])
        let built = Build(options: BuildOptions(root: into.path, today: Day(year: 2026, month: 12, day: 7))).run(write: false)
        XCTAssertEqual(built.diagnostics.all.filter { $0.severity == .error }.map(\.description), [])
        XCTAssertTrue(try XCTUnwrap(built.site?.texts[Route("voice/index.html")]).contains("url=../our-style/voice-and-tone/index.html"))
    }

    /// Jekyll's own rules for a post's address: the front matter's date over the file name's,
    /// only folders above `_posts/` as categories, a list's items never split; a part of an
    /// address that cannot be worked out makes no alias; files Broadside writes itself are not copied.
    func testJekyllPostAddressesAsJekyllMakesThem() throws {
        try write([
            "_config.yml": "title: Kit\nurl: https://kit.example.org\npermalink: /:categories/:year/:month/:day/:title:output_ext\n",
            "_posts/2020-01-15-daca-update.md": "---\ntitle: DACA\ndate: 2020-02-01 10:00:00 -0800\ncategories: [Legal Aid, news]\n---\nRenew.\n",
            "_posts/2021/2021-04-01-same.md": "---\ntitle: Same\ncategories: news legal\n---\nText.\n",
            "odd.md": "---\ntitle: Odd\npermalink: /:section/odd/\n---\nText.\n",
            "_posts/2022-05-01-same.md": "---\ntitle: Same again\n---\nLater.\n",
            "robots.txt": "User-agent: *\n",
        ])
        let report = try run(.jekyll)
        XCTAssertEqual(try read("Content/posts/daca-update.md"),
                       "---\ntitle: DACA\ndate: 2020-02-01\ntags: [Legal Aid, news]\naliases:\n  - /legal aid/news/2020/02/01/daca-update.html\n---\nRenew.\n")
        XCTAssertEqual(try read("Content/posts/same.md"),
                       "---\ntitle: Same\ndate: 2021-04-01\ntags: [news, legal]\naliases:\n  - /news/legal/2021/04/01/same.html\n---\nText.\n")
        XCTAssertEqual(try read("Content/odd.md"), "---\ntitle: Odd\n---\nText.\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/Content/robots.txt").path))
        XCTAssertEqual(try read("Content/posts/same-2.md"),
                       "---\ntitle: Same again\ndate: 2022-05-01\naliases:\n  - /2022/05/01/same.html\n---\nLater.\n")
        XCTAssertEqual(report.items.filter { [.oldAddress, .generatedFile, .renamed].contains($0.kind) }.map { "\($0.source.path) \($0.text)" }, [
            "robots.txt ",
            "_posts/2022-05-01-same.md posts/same.md → posts/same-2.md: another page of the old site has that name",
            "odd.md /:section/odd/: :section not known, so no alias is made for its old address: add it to the page's `aliases:`",
        ])
    }

    /// Hugo front matter with tables is read as Hugo reads it (a draft stays a draft), and a page
    /// Hugo never rendered (headless, `_build: render: never`) is imported as a draft and listed.
    func testHugoTablesInFrontMatterAndPagesHugoNeverMade() throws {
        try write([
            "hugo.toml": "baseURL = \"https://hub.example.org/\"\ntitle = \"Hub\"\nparams = {author = \"Ana\", n = 2}\n",
            "content/posts/plan.md": "+++\ntitle = \"Unreleased plan\"\ndraft = true\naliases = [\"/old-plan/\"]\n[menu.main]\n  weight = 10\n+++\nNot yet.\n",
            "content/homepage/index.md": "---\ntitle: Blocks\nheadless: true\n---\nParts of the home page.\n",
            "content/posts/hidden.md": "---\ntitle: Hidden\n_build:\n  render: never\n---\nText.\n",
        ])
        let report = try run(.hugo)
        XCTAssertEqual(try read("Content/posts/plan.md"), "---\ntitle: Unreleased plan\ndraft: true\n---\nNot yet.\n")
        XCTAssertEqual(try read("Content/homepage/index.md"), "---\ntitle: Blocks\ndraft: true\n---\nParts of the home page.\n")
        XCTAssertEqual(try read("Content/posts/hidden.md"), "---\ntitle: Hidden\ndraft: true\n---\nText.\n")
        XCTAssertEqual(report.items.filter { $0.kind == .droppedKey }.map { "\($0.source) \($0.text)" }, [
            "content/homepage/index.md:3:1 headless: Hugo made no page of it, so it is imported as a draft",
            "content/posts/hidden.md:3:1 _build: Hugo made no page of it, so it is imported as a draft",
        ])
        XCTAssertEqual(report.themeKeysDropped, 1, "[menu.main]")
    }
}
