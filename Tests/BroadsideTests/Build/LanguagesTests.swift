@testable import Broadside
import Foundation
import XCTest

/// A site in several languages: every page names its translations (hreflang) both ways, the
/// switcher lands on the same page or says it is not translated, interface words and dates
/// follow the page's language, and the status report finds missing and outdated translations.
final class LanguagesTests: XCTestCase {
    static let fixture = GoldenSiteTests.sites.appendingPathComponent("languages")
    static let base = "https://lang.example.org/kit/"

    private func fixturePages() throws -> [Route: String] {
        let result = Build(options: BuildOptions(root: Self.fixture.path, today: Day(year: 2026, month: 11, day: 29))).run(write: false)
        return try XCTUnwrap(result.site?.pages)
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
        XCTAssertTrue(forum.contains(#"<li><a href="../../../guides/forum/index.html" lang="en" hreflang="en">English</a></li>"#), forum)
        XCTAssertTrue(forum.contains(#"<span class="language-current" lang="es" aria-current="true">Español</span>"#), forum)

        // Not translated: the link goes to that language's home, saying so in that language;
        // Vietnamese has no words for it, so the site's default language says it.
        let english = try XCTUnwrap(pages[Route("laws/only-english/index.html")])
        XCTAssertTrue(english.contains(#"<a href="../../es/index.html" lang="es" hreflang="es">Español <span class="language-note">(aún no traducida, ir a la página de inicio)</span></a>"#), english)
        XCTAssertTrue(english.contains(#"<a href="../../vi/index.html" lang="vi" hreflang="vi">Tiếng Việt <span class="language-note">(not translated yet, go to the home page)</span></a>"#), english)
        XCTAssertFalse(english.contains(#"rel="alternate""#), "a page in one language has no alternates")
    }

    func testInterfaceWordsAndDatesFollowThePageLanguage() throws {
        let pages = try fixturePages()
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
    }

    /// A site in memory, its pages committed at the given times.
    private func build(_ pages: [String: String], commits: [String: Int] = [:]) -> Build.Result {
        var files = ["Site/site.yml": "title: T\nlanguages: {es: Español}\n"]
        for (path, text) in pages { files["Content/" + path] = text }
        return Build(options: BuildOptions(), io: .memory(files, commitTimes: commits)).run(write: false)
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
            "b.es.md": "---\ntitle: B\nsummary: S.\ntranslation_of: missing.md\n---\n",
            "c.es.md": "---\ntitle: C\nsummary: S.\ntranslation_of: a.md\n---\n",
            "a.es.md": "---\ntitle: A es\nsummary: S.\n---\n",
            "d.md": "---\ntitle: D\nsummary: S.\ntranslation_of: a.md\n---\n",
        ])
        XCTAssertEqual(result.diagnostics.sorted.filter { $0.severity == .error }.map(\.description), [
            "Content/b.es.md:4:17: error: 'missing.md' is not a page in the content folder: `translation_of:` names the page this one translates by its path under Content/, like guides/da-forum.md",
            "Content/c.es.md:4:17: error: Content/a.es.md is already the Español version of a.md: remove one, or point `translation_of:` elsewhere",
            "Content/d.md:4:17: error: this page and 'a.md' are both in English: name a translation NAME.<code>.md, like a.es.md",
        ])
    }
}
