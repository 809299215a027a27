@testable import Broadside
import BroadsideTestSupport
import XCTest

/// A broken link says which page it most likely meant, and a missing `#fragment` the nearest
/// heading of its page: one suggestion, not every path or every heading.
final class SuggestionTests: XCTestCase {
    private let site = [
        "Site/site.yml": "title: Kit\nlanguage: en\n",
        "Content/index.md": "---\ntitle: Kit\n---\nHello\n",
        "Content/laws/_index.md": "---\ntitle: Laws\nsummary: Laws.\n---\n",
        "Content/laws/vacatur.md": "---\ntitle: Vacatur\nsummary: Vacating a conviction.\npermalink: /know-your-rights/vacatur/\n---\n"
            + (1...60).map { "## Step \($0)\n" }.joined() + "## Court fees\n",
        "Content/guides/forum.md": "---\ntitle: Forum\nsummary: A forum.\n---\n",
    ]

    private func messages(linking body: String) -> [String] {
        var files = site
        files["Content/guides/start.md"] = "---\ntitle: Start\nsummary: Start here.\n---\n" + body
        let result = TestSite(files).build()
        return result.diagnostics.sorted.filter { $0.rule == .brokenLink || $0.rule == .fragment }.map(\.description)
    }

    func testABrokenLinkSuggestsTheNearestPageByPath() {
        XCTAssertEqual(messages(linking: "[a](../laws/vacatr.md) [b](../vacatur.md) [c](../laws/nothing-like-it.md)\n"), [
            "Content/guides/start.md:5:1: error: broken link: '../laws/vacatr.md' does not match any page or file in the content folder; did you mean `../laws/vacatur.md`? [links/broken]",
            "Content/guides/start.md:5:24: error: broken link: '../vacatur.md' does not match any page or file in the content folder; did you mean `../laws/vacatur.md`? [links/broken]",
            "Content/guides/start.md:5:43: error: broken link: '../laws/nothing-like-it.md' does not match any page or file in the content folder [links/broken]",
        ])
    }

    func testABrokenLinkToAnOldPermalinkSuggestsThePageThatDeclaresIt() {
        XCTAssertEqual(messages(linking: "See [vacatur](/know-your-rights/vacatur/).\n"), [
            "Content/guides/start.md:5:5: error: broken link: '/know-your-rights/vacatur/' does not match any page or file in the content folder; did you mean `../laws/vacatur.md`? [links/broken]",
        ])
    }

    func testOldAddressesAreReadFromJekyllAndHugoKeys() {
        let yaml = "---\ntitle: A\npermalink: /rights/a/\nurl: https://example.org/x\naliases:\n  - /old/a/\n  - \"/older/a.html\"\nredirect_from: [/a-1/, '/a-2/']\n---\n"
        XCTAssertEqual(Routes.oldAddresses(inFrontMatter: yaml[...]), ["/rights/a/", "/old/a/", "/older/a.html", "/a-1/", "/a-2/"])
        let toml = "+++\ntitle = \"A\"\nurl = \"/laws/a/\"\naliases = [\"/b/\", \"/c/\"]\n+++\n"
        XCTAssertEqual(Routes.oldAddresses(inFrontMatter: toml[...]), ["/laws/a/", "/b/", "/c/"])
        XCTAssertEqual(Routes.oldAddresses(inFrontMatter: "---\ntitle: The url of it\n---\n"), [])
    }

    func testAMissingFragmentSuggestsTheNearestHeadingNotAllSixty() {
        XCTAssertEqual(messages(linking: "[fees](../laws/vacatur.md#court-fee) [x](../laws/vacatur.md#appeals) [y](forum.md#top-of-it)\n"), [
            "Content/guides/start.md:5:1: warning: '#court-fee' matches no heading in Content/laws/vacatur.md; did you mean #court-fees? [links/fragment]",
            "Content/guides/start.md:5:38: warning: '#appeals' matches no heading in Content/laws/vacatur.md (its headings are #step-1, #step-2, #step-3, #step-4, #step-5 and 56 more) [links/fragment]",
            "Content/guides/start.md:5:70: warning: '#top-of-it' matches no heading in Content/guides/forum.md (it has no headings) [links/fragment]",
        ])
    }

    func testDistanceStopsAtItsLimit() {
        XCTAssertEqual(EditDistance.between(Array("vacatur".utf8), Array("vacatr".utf8), limit: 3), 1)
        XCTAssertEqual(EditDistance.between(Array("kitten".utf8), Array("sitting".utf8), limit: 5), 3)
        XCTAssertEqual(EditDistance.between(Array("abcdef".utf8), Array("uvwxyz".utf8), limit: 2), 3)
        // Two neighbours swapped are one slip, for keys (`reveiwed`) and paths alike.
        XCTAssertEqual(EditDistance.between(Array("reveiwed".utf8), Array("reviewed".utf8)), 1)
        XCTAssertEqual(EditDistance.between(Array("vacatur".utf8), Array("vaactur".utf8), limit: 0), 1)
        XCTAssertEqual(Routes.comparable("/know-your-rights/vacatur/"), "know-your-rights/vacatur")
        XCTAssertEqual(Routes.comparable("laws/_index.md"), "laws")
        XCTAssertEqual(Routes.relative("laws/vacatur.md", from: "guides"), "../laws/vacatur.md")
        XCTAssertEqual(Routes.relative("laws/vacatur.md", from: ""), "laws/vacatur.md")
    }
}
