@testable import Broadside
import BroadsideTestSupport
import XCTest

/// What every page carries around its `<main>`: language, landmarks, trust signals.
/// Built in memory through FileIO, so no disk is touched.
final class PageChromeTests: XCTestCase {
    /// A site without `base_url` is told what that costs: these tests are about other things.
    private func build(_ files: [String: String]) -> Build.Result {
        var files = files
        files["Site/site.yml", default: ""] += "\n\(files["Site/site.yml"]?.contains("checks:") == true ? "" : "checks:\n")  site/base-url: off\n"
        return TestSite(files).build()
    }

    private let site = [
        "Site/site.yml": """
        title: Relief Toolkit
        base_url: https://kit.example.org
        language: en
        organization: {name: Defense Network, phone: "(555) 010-2400", email: help@kit.example.org}
        disclaimer: General information only, not legal advice.
        accent: "#225522"
        """,
        "Site/assets/site.css": "body{}",
        "Content/index.md": "---\ntitle: Relief Toolkit\n---\nHello\n",
        "Content/laws/_index.md": "---\ntitle: Law summaries\nsummary: Laws.\n---\n",
        "Content/laws/pc-18-5.md": "---\ntitle: Penal Code § 18.5\nsummary: Sentences of 364 days.\ntags: [sentencing]\n---\n## One\n\n## Two\n",
    ]

    func testEveryPageHasLanguageLandmarksAndTrustSignals() throws {
        let result = build(site)
        XCTAssertEqual(result.diagnostics.all, [])
        let pages = try XCTUnwrap(result.site?.texts)
        for (route, html) in pages where route.path.hasSuffix(".html") {
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), route.path)
            XCTAssertTrue(html.contains(##"<a class="skip-link" href="#main">Skip to main content</a>"##), route.path)
            XCTAssertTrue(html.contains(#"<main id="main" tabindex="-1">"#), route.path)
            XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1, "\(route.path) must have exactly one h1")
            XCTAssertTrue(html.contains("General information only, not legal advice."), route.path)
            XCTAssertTrue(html.contains(#"<a href="tel:+15550102400">(555) 010-2400</a>"#), route.path)
            XCTAssertTrue(html.contains(":root { --accent: #225522; }"), route.path)
            XCTAssertFalse(html.contains("http://") || html.contains("src=\"https://") || html.contains("href=\"//"),
                           "\(route.path) must not load anything from another site")
        }
    }

    func testLinksAreRelativeAndCanonicalIsAbsolute() throws {
        let page = try XCTUnwrap(build(site).site?.texts[Route("laws/pc-18-5/index.html")])
        XCTAssertTrue(page.contains(#"<link rel="stylesheet" href="../../assets/broadside.css">"#))
        XCTAssertTrue(page.contains(#"<link rel="stylesheet" href="../../assets/site.css">"#))
        XCTAssertTrue(page.contains(#"<link rel="canonical" href="https://kit.example.org/laws/pc-18-5/">"#))
        XCTAssertTrue(page.contains(#"<title>Penal Code § 18.5 · Relief Toolkit</title>"#))
        XCTAssertTrue(page.contains(#"<a href="../../laws/index.html" aria-current="true">Law summaries</a>"#))
        XCTAssertTrue(page.contains(#"<meta name="description" content="Sentences of 364 days.">"#))
    }

    /// A section's pages share the chrome made for the first of them (`SharedChrome`): each
    /// must still show its own title, and the nav must mark the right section.
    func testPagesOfASectionShareItsChromeAndOtherSectionsDoNot() throws {
        var files = site
        files["Content/laws/pc-1473-7.md"] = "---\ntitle: Penal Code § 1473.7\nsummary: Vacating.\n---\nText\n"
        files["Content/guides/forum.md"] = "---\ntitle: Forum guide\nsummary: Questions.\n---\nText\n"
        let pages = try XCTUnwrap(build(files).site?.texts)
        for (path, title) in [("laws/pc-18-5", "Penal Code § 18.5"), ("laws/pc-1473-7", "Penal Code § 1473.7")] {
            let page = try XCTUnwrap(pages[Route(path + "/index.html")])
            XCTAssertTrue(page.contains("<title>\(title) · Relief Toolkit</title>"), path)
            XCTAssertTrue(page.contains("<h1>\(title)</h1>"), path)
            XCTAssertTrue(page.contains(#"<a href="../../laws/index.html" aria-current="true">Law summaries</a>"#), path)
            XCTAssertTrue(page.contains(#"<a href="../../guides/index.html">Guides</a>"#), path)
        }
        let guide = try XCTUnwrap(pages[Route("guides/forum/index.html")])
        XCTAssertTrue(guide.contains(#"<a href="../../guides/index.html" aria-current="true">Guides</a>"#))
        XCTAssertTrue(guide.contains(#"<a href="../../laws/index.html">Law summaries</a>"#))
        let index = try XCTUnwrap(pages[Route("laws/index.html")])
        XCTAssertTrue(index.contains(#"<a href="../laws/index.html" aria-current="page">Law summaries</a>"#))
    }

    func testSiteAssetsCanReplaceTheThemeStylesheet() throws {
        var files = site
        files["Site/assets/broadside.css"] = "body{color:black}"
        let rendered = try XCTUnwrap(build(files).site)
        XCTAssertNil(rendered.texts[Site.stylesheet])
        XCTAssertEqual(rendered.copies[Site.stylesheet], "Site/assets/broadside.css")
        XCTAssertNotNil(build(site).site?.texts[Site.stylesheet])
    }

    func testHandoutsFollowThePaperSize() throws {
        var files = site
        files["Content/laws/pc-18-5.md"] = "---\ntitle: Penal Code § 18.5\nhandout: true\n---\nText\n"
        let letter = try XCTUnwrap(build(files).site?.texts[Route("handouts/laws-pc-18-5/index.html")])
        XCTAssertTrue(letter.contains("@page { size: letter; } @page wide { size: letter landscape; }"))
        files["Site/site.yml"]! += "\npaper: a4\n"
        let a4 = try XCTUnwrap(build(files).site?.texts[Route("handouts/laws-pc-18-5/index.html")])
        XCTAssertTrue(a4.contains("@page { size: A4; } @page wide { size: A4 landscape; }"))
        XCTAssertTrue(a4.contains("QR code: link to https://kit.example.org/laws/pc-18-5/"))
    }

    func testSitesChooseHowEachCheckIsReported() {
        let page = ["Content/index.md": "---\ntitle: Home\n---\n[click here](a.md)\n", "Content/a.md": "---\ntitle: A\n---\nText\n"]
        XCTAssertEqual(build(page).diagnostics.all.map(\.description).sorted(), [
            "Content/a.md:1:1: warning: this page has no summary: add `summary:` with one plain sentence for lists and search [content/summary]",
            "Content/index.md:4:1: warning: 'click here' does not say where the link goes: name the page or what it offers [a11y/vague-link]",
        ])
        var strict = page
        strict["Site/site.yml"] = "checks:\n  content/summary: off\n  a11y/vague-link: error\n  made/up: warning\n  links/broken: loud\n"
        XCTAssertEqual(build(strict).diagnostics.all.map(\.description).sorted(), [
            "Content/index.md:4:1: error: 'click here' does not say where the link goes: name the page or what it offers [a11y/vague-link]",
            "Site/site.yml:4:3: error: 'made/up' is not a check; the checks are " + Rule.tunable.map(\.rawValue).joined(separator: ", "),
            "Site/site.yml:5:17: error: 'links/broken' must be off, warning or error",
        ])
        // YAML's other words for off, written plainly, turn a check off too.
        for off in ["Off", "false", "no"] {
            var quiet = page
            quiet["Site/site.yml"] = "checks:\n  content/summary: \(off)\n"
            XCTAssertEqual(build(quiet).diagnostics.all.map(\.description), [
                "Content/index.md:4:1: warning: 'click here' does not say where the link goes: name the page or what it offers [a11y/vague-link]",
            ], off)
        }
    }

    func testStalePagesSayItToReaders() throws {
        let files = ["Content/index.md": "---\ntitle: Home\n---\n",
                     "Content/law.md": "---\ntitle: Law\nsummary: A law.\nreviewed: 2025-01-01\nhandout: true\n---\nText.\n"]
        let result = Build(options: BuildOptions(today: Day(year: 2026, month: 11, day: 29)), io: .memory(files)).run(write: false)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [
            "Site/site.yml:1:1: warning: the site has no `base_url`, so handouts and flyers print no QR codes, and there is no feed, sitemap or link preview: add `base_url: https://…/` (the site's address online) to site.yml [site/base-url]",
            "Content/law.md:4:11: warning: last reviewed 697 days ago, more than the 365 the site allows: review it and update `reviewed:` [freshness/stale]",
        ])
        let notice = "This summary may be out of date: it was last reviewed 697 days ago."
        XCTAssertTrue(try XCTUnwrap(result.site?.texts[Route("law/index.html")]).contains(notice))
        XCTAssertTrue(try XCTUnwrap(result.site?.texts[Route("handouts/law/index.html")]).contains(notice))
    }

    func testTwoSourcesForOneURLNameBoth() {
        let result = build(["Content/a.md": "---\ntitle: A\nsummary: One.\n---\nText\n", "Content/a/index.md": "---\ntitle: A too\nsummary: Two.\n---\n"])
        XCTAssertEqual(result.diagnostics.all.map(\.description), [
            "Content/a/index.md:1:1: error: Content/a/index.md and Content/a.md would both be written to a/index.html; rename or remove one",
        ])
    }

    func testDraftsAreLeftOutUnlessAskedFor() {
        let files = ["Content/index.md": "---\ntitle: Home\n---\n", "Content/plan.md": "---\ntitle: Plan\ndraft: true\n---\n"]
        XCTAssertNil(build(files).site?.texts[Route("plan/index.html")])
        let withDrafts = Build(options: BuildOptions(includeDrafts: true), io: .memory(files)).run(write: false)
        XCTAssertNotNil(withDrafts.site?.texts[Route("plan/index.html")])
    }

    func testAnEmptyContentFolderIsAnError() {
        XCTAssertEqual(build([:]).diagnostics.all.map(\.description), [
            "Content:1:1: error: no content found: put Markdown pages in this folder (or pass --content DIR)",
        ])
    }
}
