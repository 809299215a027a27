@testable import Broadside
import BroadsideTestSupport
import Foundation
import XCTest

/// A site in several languages: every page names its translations (hreflang) both ways, the
/// switcher lands on the same page or says it is not translated, interface words and dates
/// follow the page's language, and the status report finds missing and outdated translations.
final class LanguagesTests: XCTestCase {
    static let fixture = TestPaths.sites.appendingPathComponent("languages")
    static let base = "https://lang.example.org/kit/"

    private func fixturePages() throws -> [Route: String] {
        try XCTUnwrap(TestSite(folder: Self.fixture, today: TestSite.fixedDay).build().site?.texts)
    }

    private static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    /// `https://lang.example.org/kit/es/laws/rule/` → `es/laws/rule/index.html`.
    private static func route(of address: String) -> Route {
        let path = String(address.dropFirst(base.count)).removingPercentEncoding ?? ""
        return Route(path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path)
    }

    func testHreflangAlternatesPointBothWays() throws {
        let pages = try fixturePages()
        var pairs = 0
        for (route, html) in pages where route.path.hasSuffix(".html") {
            let lang = try XCTUnwrap(Self.matches(#"<html lang="([^"]+)">"#, in: html).first?.first)
            let alternates = Self.matches(#"<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">"#, in: html)
            guard !alternates.isEmpty else { continue }
            XCTAssertTrue(alternates.contains([lang, Self.base + Self.address(route)]), "\(route) lists itself")
            XCTAssertEqual(alternates.first { $0[0] == "x-default" }?[1], alternates.first { $0[0] == "en" }?[1], "\(route)")
            for alternate in alternates where alternate[0] != lang && alternate[0] != "x-default" {
                let other = try XCTUnwrap(pages[Self.route(of: alternate[1])], "\(route) → \(alternate[1])")
                XCTAssertTrue(other.contains(#"<html lang="\#(alternate[0])">"#))
                XCTAssertTrue(other.contains(#"<link rel="alternate" hreflang="\#(lang)" href="\#(Self.base + Self.address(route))">"#),
                              "\(alternate[1]) does not point back to \(route)")
                pairs += 1
            }
        }
        // Home (en↔es↔vi), guides, laws, the forum, the rule, topics and print materials.
        XCTAssertGreaterThanOrEqual(pairs, 16)
        let forum = try XCTUnwrap(pages[Route("guides/forum/index.html")])
        XCTAssertTrue(forum.contains(#"<link rel="alternate" hreflang="es" href="https://lang.example.org/kit/es/guides/foro-comunitario/">"#))
    }

    private static func address(_ route: Route) -> String {
        route.path.hasSuffix("index.html") ? String(route.path.dropLast("index.html".count)) : route.path
    }

    func testSwitcherGoesToTheSamePageOrSaysItIsNotTranslated() throws {
        let pages = try fixturePages()
        let forum = try XCTUnwrap(pages[Route("es/guides/foro-comunitario/index.html")])
        XCTAssertTrue(forum.contains(#"<nav class="language-switcher" aria-label="Idioma">"#), forum)
        // Pages the build makes have their counterparts too.
        let search = try XCTUnwrap(pages[Route("es/search/index.html")])
        XCTAssertTrue(search.contains(#"<a href="../../search/index.html" lang="en" hreflang="en">English</a>"#), search)
        XCTAssertTrue(forum.contains(#"<li><a href="../../../guides/forum/index.html" lang="en" hreflang="en">English</a></li>"#), forum)
        XCTAssertTrue(forum.contains(#"<span class="language-current" lang="es" aria-current="true">Español</span>"#), forum)

        // Not translated: the link goes to that language's home, saying so in that language;
        // Vietnamese has no words for it, so the site's default language says it.
        let english = try XCTUnwrap(pages[Route("laws/only-english/index.html")])
        XCTAssertTrue(english.contains(#"<a href="../../es/index.html" lang="es" hreflang="es">Español <span class="language-note">(aún no traducida, ir a la página de inicio)</span></a>"#), english)
        XCTAssertTrue(english.contains(#"<a href="../../vi/index.html" lang="vi" hreflang="vi">Tiếng Việt <span class="language-note">(not translated yet, go to the home page)</span></a>"#), english)
        XCTAssertFalse(english.contains(#"<link rel="alternate" hreflang"#), "a page in one language has no alternates")
    }

    func testInterfaceWordsAndDatesFollowThePageLanguage() throws {
        let pages = try fixturePages()
        let forum = try XCTUnwrap(pages[Route("es/guides/foro-comunitario/index.html")])
        XCTAssertTrue(forum.contains(#"<a href="../../../es/laws/rule/index.html">la regla</a> y "#), "a translated page: no note")
        XCTAssertTrue(forum.contains(#"<a href="../../../laws/only-english/index.html">la página sin traducir</a> <span class="link-language">(en inglés)</span>"#),
                      "a link into English says so, in Spanish")
        let rule = try XCTUnwrap(pages[Route("es/laws/rule/index.html")])
        for words in ["Saltar al contenido principal", "<title>La regla · Kit de prueba</title>", "No es asesoría legal",
                      "1 de octubre de 2026", "Hoja informativa para imprimir"] {
            XCTAssertTrue(rule.contains(words), "es page lacks \(words)")
        }
        let vietnamese = try XCTUnwrap(pages[Route("vi/index.html")])
        XCTAssertTrue(vietnamese.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        // Words vi.yml does not give fall back to the default language's.
        XCTAssertTrue(vietnamese.contains(##"<a class="skip-link" href="#main">Skip to main content</a>"##), vietnamese)

        XCTAssertEqual(Strings(language: Language(code: "es"), values: [:]).date(Day(year: 2026, month: 3, day: 2)), "2 de marzo de 2026")
        XCTAssertEqual(Strings(language: Language(code: "en"), values: [:]).date(Day(year: 2026, month: 3, day: 2)), "March 2, 2026")
        let spanish = Strings(language: Language(code: "es"), values: ["page_n_of_m": "Página {page} de {pages}"])
        XCTAssertEqual(spanish.pieces("page_n_of_m", around: ["page", "pages"]), ["Página ", " de ", ""])
        let reversed = Strings(language: Language(code: "ko"), values: ["page_n_of_m": "{pages}쪽 중 {page}쪽"])
        XCTAssertEqual(reversed.pieces("page_n_of_m", around: ["page", "pages"]), ["", " / ", ""], "another order falls back to 3 / 6")
    }

    /// A site in memory, its pages committed at the given times.
    private func build(_ pages: [String: String], commits: [String: Int] = [:], languages: String = "{es: Español}") -> Build.Result {
        var files = ["Site/site.yml": "title: T\nlanguages: \(languages)\nchecks:\n  site/base-url: off\n"]
        for (path, text) in pages { files["Content/" + path] = text }
        return TestSite(files, commitTimes: commits).build()
    }

    func testUndatedTranslationsAreComparedByTheirLastCommit() {
        let pages = ["a.md": "---\ntitle: A\nsummary: S.\n---\nText.\n", "a.es.md": "---\ntitle: A es\nsummary: S.\n---\nTexto.\n"]
        let day = 86_400
        let behind = build(pages, commits: ["a.md": 20_420 * day, "a.es.md": 20_400 * day])
        XCTAssertEqual(behind.diagnostics.all.map(\.description), [
            "Content/a.es.md:1:1: warning: Content/a.md was last committed on 2025-11-28, after this translation (2025-11-08): update this translation and its `reviewed:` date [translations/outdated]",
        ])
        XCTAssertEqual(build(pages, commits: ["a.md": 20_400 * day, "a.es.md": 20_420 * day]).diagnostics.all, [])
        XCTAssertEqual(build(pages).diagnostics.all, [], "outside git nothing is known")
    }

    func testTranslationLinksAreChecked() {
        let result = build([
            "a.md": "---\ntitle: A\nsummary: S.\n---\n",
            "self.es.md": "---\ntitle: Self\nsummary: S.\ntranslation_of: self.es.md\n---\n",
            "b.es.md": "---\ntitle: B\nsummary: S.\ntranslation_of: missing.md\n---\n",
            "c.es.md": "---\ntitle: C\nsummary: S.\ntranslation_of: a.md\n---\n",
            "a.es.md": "---\ntitle: A es\nsummary: S.\n---\n",
            "d.md": "---\ntitle: D\nsummary: S.\ntranslation_of: a.md\n---\n",
        ])
        XCTAssertEqual(result.diagnostics.sorted.filter { $0.severity == .error }.map(\.description), [
            "Content/b.es.md:4:17: error: 'missing.md' is not a page in the content folder: `translation_of:` names the page this one translates by its path under Content/, like guides/da-forum.md, guides/_index.md or index.md",
            "Content/c.es.md:4:17: error: Content/a.es.md is already the Español version of a.md: remove one, or point `translation_of:` elsewhere",
            "Content/d.md:4:17: error: this page and 'a.md' are both in English: a translation's file name says its language, like a.<code>.md",
            "Content/self.es.md:4:17: error: a page cannot be its own translation: name the page this one translates",
        ])
    }

    func testLinksFollowTheReadersLanguageUnlessTheyNameOne() throws {
        let result = build([
            "index.md": "---\ntitle: Home\n---\n[Spanish forum](guides/forum.es.md)\n",
            "guides/_index.md": "---\ntitle: Guides\nsummary: S.\n---\n",
            "guides/forum.md": "---\ntitle: Forum\nsummary: S.\n---\n",
            "guides/forum.es.md": "---\ntitle: Foro\nsummary: S.\n---\n[todas las guías](_index.md) y [el inicio](../index.md)\n",
            "guides/forum-vi.vi.md": "---\ntitle: Diễn đàn\nsummary: S.\ntranslation_of: guides/forum.es.md\n---\n",
            "faq.de.md": "---\ntitle: FAQ\n---\n",
            "crates.io-default-ranking.md": "---\ntitle: Ranking\nsummary: S.\n---\nWords.\n",
        ], languages: "{es: Español, vi: Tiếng Việt}")
        let pages = try XCTUnwrap(result.site?.texts)
        // Named outright, the Spanish page; from a Spanish page, Spanish pages the build made.
        XCTAssertTrue(try XCTUnwrap(pages[Route("index.html")]).contains(#"<a href="es/guides/forum/index.html">Spanish forum</a>"#))
        let spanish = try XCTUnwrap(pages[Route("es/guides/forum/index.html")])
        XCTAssertTrue(spanish.contains(#"<a href="../../../es/guides/index.html">todas las guías</a>"#), spanish)
        XCTAssertTrue(spanish.contains(#"<a href="../../../es/index.html">el inicio</a>"#), spanish)
        // A translation of a translation joins the page they both translate.
        let vietnamese = try XCTUnwrap(pages[Route("vi/guides/forum-vi/index.html")])
        XCTAssertTrue(vietnamese.contains(#"<link rel="alternate" hreflang="en""#) == false, "no base_url, no hreflang")
        XCTAssertTrue(vietnamese.contains(#"<a href="../../../guides/forum/index.html" lang="en" hreflang="en">English</a>"#), vietnamese)
        XCTAssertNil(pages[Route("faq.de/index.html")], "a page in an unlisted language is left out")
        XCTAssertTrue(result.diagnostics.all.map(\.description).contains(
            "Content/faq.de.md:1:1: warning: this looks like a page in Deutsch (de), which is not one of the site's languages, so it is left out: add `de: Deutsch` under `languages:` in site.yml, or rename the file if '.de' is part of its name"))
        // A dot in a name is not a language: `io-default-ranking` is no language code.
        XCTAssertNotNil(pages[Route("crates.io-default-ranking/index.html")])
    }

    func testBilingualSectionsMustPairAndACustomDisclaimerNeedsItsTranslation() {
        var files = [
            "Site/site.yml": "title: T\ndisclaimer: Call 555-0100 before you act.\nlanguages: {es: Español}\nchecks:\n  site/base-url: off\n",
            "Content/a.md": "---\ntitle: A\nsummary: S.\nhandout: true\nbilingual: es\n---\n## One\n\n## Two\n",
            "Content/a.es.md": "---\ntitle: A es\nsummary: S.\n---\n## Uno\n",
        ]
        let result = TestSite(files).build()
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "warning: site.yml has its own disclaimer, but Español pages show the built-in Español one: add `disclaimer:` in Español to Site/i18n/es.yml [translations/interface]",
            "Content/a.md:5:12: warning: Content/a.md has 2 sections (## headings) and Content/a.es.md has 1: a bilingual handout sets them side by side in order, so give both the same sections",
        ])
        // A default language the tool has no words for is reported too.
        let vietnamese = Build(options: BuildOptions(), io: .memory(["Site/site.yml": "title: T\nlanguage: vi\nchecks:\n  site/base-url: off\n",
                                                                     "Content/index.md": "---\ntitle: T\n---\n"])).run(write: false)
        XCTAssertEqual(vietnamese.diagnostics.all.map(\.description),
                       ["warning: \(InterfaceStrings.keys.count) interface words have no Tiếng Việt (vi) translation (\(InterfaceStrings.keys.sorted().prefix(5).joined(separator: ", ")) and \(InterfaceStrings.keys.count - 5) more): pages show them in English; add them to Site/i18n/vi.yml [translations/interface]"])
        files["Site/i18n/es.yml"] = "disclaimer: Llame al 555-0100 antes de actuar.\n"
        files["Content/a.es.md"] = "---\ntitle: A es\nsummary: S.\n---\n## Uno\n\n## Dos\n"
        XCTAssertEqual(TestSite(files).build().diagnostics.all, [])
    }
}
