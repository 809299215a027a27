@testable import Broadside
import BroadsideTestSupport
import Foundation
import XCTest

/// Each imported fixture builds with no error, the words of every page of the old site that
/// was published are on a page of the new one, and the old site is as it was.
final class ImportBuildTests: XCTestCase {
    func testImportedFixturesBuildWithEveryPagesText() throws {
        for generator in SiteImport.Generator.allCases {
            let before = ImportFixture.tree(ImportFixture.root.appendingPathComponent(generator.rawValue))
            let fixture = try ImportFixture(generator)
            defer { fixture.remove() }
            let result = Build(options: BuildOptions(root: fixture.into.path, today: Day(year: 2026, month: 12, day: 7))).run(write: false)
            let errors = result.diagnostics.all.filter { $0.severity == .error }
            XCTAssertEqual(errors.map(\.description), [], "\(generator)")
            let pages = try XCTUnwrap(result.site?.texts).values.joined(separator: "\n")
            var checked = 0
            for (path, data) in ImportFixture.tree(fixture.source) where path.hasSuffix(".md") && !path.hasPrefix("_drafts/") && !path.hasPrefix("archetypes/") {
                let text = String(decoding: data, as: UTF8.self)
                // Drafts, and Markdown with no front matter (the repository's own documents), are not published.
                guard !text.contains("published: false"), !text.contains("draft: true"), text.hasPrefix("---") || text.hasPrefix("+++") else { continue }
                // The first words of the body, up to any markup.
                let body = text.components(separatedBy: text.hasPrefix("+++") ? "+++\n" : "---\n").last ?? ""
                let words = try XCTUnwrap(body.split(separator: "\n").lazy.map { line in
                    line.prefix { !"[]{}<>#!`".contains($0) }.trimmingCharacters(in: .whitespaces)
                }.first { $0.count >= 10 }, path)
                XCTAssertTrue(pages.contains(String(words)), "\(path): '\(words)' is on no page")
                checked += 1
            }
            XCTAssertEqual(checked, 9, "\(generator)")
            XCTAssertEqual(ImportFixture.tree(fixture.source), before, "\(generator): the source is untouched")
        }
    }

    /// Every address of the old site answers on the new one: the page itself where the address
    /// is unchanged, else a redirect to it. The addresses are worked out here by hand from each
    /// generator's rules (Jekyll's `date` permalinks under `baseurl: /kit`, collections, `permalink:`,
    /// `redirect_from:`; Hugo's `[permalinks]`, `slug:`, `url:`, `aliases`, language folders).
    func testEveryOldAddressAnswersWithItsPage() throws {
        let expected: [SiteImport.Generator: [String: String]] = [
            .jekyll: [
                "/": "index.html", "/about.html": "about/index.html", "/es/acerca.html": "es/about/index.html",
                "/contact-us/": "contact/index.html", "/reach-us/": "contact/index.html", "/contact.html": "contact/index.html",
                "/guides/green-card/": "guides/green-card/index.html", "/guides/tps/": "guides/tps/index.html",
                "/es/guia-green-card/": "es/guides/green-card/index.html",
                "/news/2019/03/05/know-your-rights.html": "posts/know-your-rights/index.html",
                "/news/legal/2020/01/15/daca-update.html": "posts/daca-update/index.html",
            ],
            .hugo: [
                "/": "index.html", "/es/": "es/index.html", "/guides/": "guides/index.html",
                "/guides/chapter-1/": "guides/chapter-1/index.html", "/guides/chapter-1/steps/": "guides/chapter-1/steps/index.html",
                "/old/steps/": "guides/chapter-1/steps/index.html", "/es/guides/chapter-1/pasos/": "es/guides/chapter-1/steps/index.html",
                "/2024/03/rights-at-work/": "posts/first-post/index.html", "/es/2024/03/derechos-en-el-trabajo/": "es/posts/first-post/index.html",
                "/special/second/": "posts/second/index.html",
            ],
        ]
        for generator in SiteImport.Generator.allCases {
            let fixture = try ImportFixture(generator)
            defer { fixture.remove() }
            let texts = try XCTUnwrap(Build(options: BuildOptions(root: fixture.into.path, today: Day(year: 2026, month: 12, day: 7))).run(write: false).site?.texts)
            for (address, page) in expected[generator]! {
                let route = Route(address.hasSuffix("/") ? String(address.dropFirst()) + "index.html" : String(address.dropFirst()))
                let text = try XCTUnwrap(texts[route], "\(generator): nothing answers at \(address)")
                if route.path == page {
                    XCTAssertFalse(text.contains("http-equiv=\"refresh\""), "\(generator): \(address) is the page itself")
                    continue
                }
                let target = try XCTUnwrap(text.components(separatedBy: "content=\"0; url=").dropFirst().first?.prefix { $0 != "\"" },
                                           "\(generator): \(address) is not a redirect")
                // The refresh's address is relative to the redirect's own folder.
                let landed = Routes.normalize(route.path.parentPath, String(target))
                XCTAssertEqual(landed, page, "\(generator): \(address)")
                XCTAssertNotNil(texts[Route(page)], "\(generator): \(address) leads to \(page), which is not built")
            }
        }
    }
}
