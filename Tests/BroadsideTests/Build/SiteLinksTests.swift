@testable import Broadside
import BroadsideTestSupport
import Foundation
import XCTest

/// Follows every relative `href` and `src` of a built site, as a browser opening Output/ from
/// disk would, and checks that the file and the `#fragment` exist.
final class SiteLinksTests: XCTestCase {
    func testStarterToolkitHasNoBrokenLinksOrWarnings() throws {
        let result = TestSite(folder: TestPaths.project).build()
        // The only findings are the translation status report: one per English page that has
        // no Spanish file beside it, and no other.
        let content = TestPaths.project.appendingPathComponent("Content")
        let pages = try FileManager.default.subpathsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".md") }
        let untranslated = pages.filter { !$0.hasSuffix(".es.md") && !pages.contains(String($0.dropLast(3)) + ".es.md") }
        XCTAssertEqual(result.diagnostics.all.filter { $0.rule != .missingTranslation }.map(\.description), [])
        XCTAssertEqual(result.diagnostics.all.compactMap { $0.location?.path }.sorted(),
                       untranslated.map { content.appendingPathComponent($0).path }.sorted())
        let site = try XCTUnwrap(result.site)
        XCTAssertGreaterThan(site.pages.count, 25)
        XCTAssertEqual(Self.brokenLinks(in: site), [])
    }

    func testFixtureSiteLinksResolve() throws {
        for name in ["basic", "languages"] {
            let site = try XCTUnwrap(TestSite(folder: TestPaths.sites.appendingPathComponent(name)).build().site)
            XCTAssertEqual(Self.brokenLinks(in: site), [], name)
        }
    }

    static func brokenLinks(in site: RenderedSite) -> [String] {
        let files = Set(site.pages.keys.map(\.path) + site.copies.keys.map(\.path))
        let ids = site.texts.mapValues { html in Set(matches(of: #"id="([^"]+)""#, in: html)) }
        var broken: [String] = []
        for (route, html) in site.texts where route.path.hasSuffix(".html") {
            for url in matches(of: #"(?:href|src)="([^"]*)""#, in: html) {
                if url.isEmpty || url.contains(":") || url.hasPrefix("//") { continue }
                let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                let folder = route.path.parentPath
                let target = path.isEmpty ? route.path : Routes.normalize(folder, path) ?? "(outside Output)"
                if !files.contains(target) {
                    broken.append("\(route.path): \(url) → missing \(target)")
                } else if parts.count == 2, let known = ids[Route(target)],
                          // Browsers match a fragment as written and percent-decoded (`#después`).
                          !known.contains(String(parts[1])), !known.contains(String(parts[1]).removingPercentEncoding ?? "") {
                    broken.append("\(route.path): \(url) → no id \(parts[1]) in \(target)")
                }
            }
        }
        return broken.sorted()
    }

    private static func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
