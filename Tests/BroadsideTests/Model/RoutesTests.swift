@testable import Broadside
import XCTest

final class RoutesTests: XCTestCase {
    func testPagesLandInFoldersOfTheirOwn() {
        XCTAssertEqual(Route(page: "index.md").path, "index.html")
        XCTAssertEqual(Route(page: "guides/_index.md").path, "guides/index.html")
        XCTAssertEqual(Route(page: "guides/index.md").path, "guides/index.html")
        XCTAssertEqual(Route(page: "guides/da-forum.md").path, "guides/da-forum/index.html")
        XCTAssertEqual(Route(page: "about.md").path, "about/index.html")
    }

    func testLinksAreRelativeSoTheSiteWorksFromDisk() {
        let from = Route("guides/da-forum/index.html")
        XCTAssertEqual(from.link(to: Route("laws/pc-18-5/index.html")), "../../laws/pc-18-5/index.html")
        XCTAssertEqual(Route("index.html").link(to: Route("assets/broadside.css")), "assets/broadside.css")
        XCTAssertEqual(Route("404.html").link(to: Route("charts/relief bars.csv")), "charts/relief%20bars.csv")
    }

    private let routes: Routes = {
        var routes = Routes()
        routes.pages = ["index.md": Route("index.html"), "laws/_index.md": Route("laws/index.html"),
                        "laws/pc-18-5.md": Route("laws/pc-18-5/index.html"), "guides/da-forum.md": Route("guides/da-forum/index.html")]
        routes.files = ["charts/bars.csv": Route("charts/bars.csv")]
        routes.drafts = ["laws/secret.md"]
        return routes
    }()

    func testResolvesRelativeLinksToPagesFilesAndFolders() {
        let from = "guides/da-forum.md"
        XCTAssertEqual(routes.resolve("../laws/pc-18-5.md#who-it-helps", from: from),
                       .page(Route("laws/pc-18-5/index.html"), fragment: "who-it-helps"))
        XCTAssertEqual(routes.resolve("/laws/pc-18-5.md", from: from), .page(Route("laws/pc-18-5/index.html"), fragment: nil))
        XCTAssertEqual(routes.resolve("./../charts/bars.csv", from: from), .file(Route("charts/bars.csv")))
        XCTAssertEqual(routes.resolve("../laws/", from: from), .page(Route("laws/index.html"), fragment: nil))
        XCTAssertEqual(routes.resolve("#timeline", from: from), .page(Route("guides/da-forum/index.html"), fragment: "timeline"))
        // Cut at the first `#`, then at `?`, whatever characters are around them.
        XCTAssertEqual(routes.resolve("../laws/pc-18-5.md?lang=es#sección-2#ñ", from: from),
                       .page(Route("laws/pc-18-5/index.html"), fragment: "sección-2#ñ"))
        // Percent-encoded as an editor may write it; without a `%` the path is taken as written.
        XCTAssertEqual(routes.resolve("../charts/%62ars.csv", from: from), .file(Route("charts/bars.csv")))
    }

    func testNormalizingJoinsAndTidiesDotsAndSlashes() {
        XCTAssertEqual(Routes.normalize("guides", "../laws/pc-18-5.md"), "laws/pc-18-5.md")
        XCTAssertEqual(Routes.normalize("guides/deep", "./.././../index.md"), "index.md")
        XCTAssertEqual(Routes.normalize("", "laws//pc-18-5.md/"), "laws/pc-18-5.md")
        XCTAssertEqual(Routes.normalize("a/b", "../../.."), nil, "above the content folder")
        XCTAssertEqual(Routes.normalize("a", ".."), "")
        XCTAssertEqual(Routes.normalize("a", "../b/c/../d"), "b/d")
        XCTAssertEqual(Routes.normalize("guías", "../leyes/código.md"), "leyes/código.md")
    }

    func testLeavesOtherSchemesAlone() {
        for url in ["https://leginfo.legislature.ca.gov/", "mailto:a@b.org", "tel:+15550100", "//cdn.example/x.js", "javascript:alert(1)"] {
            XCTAssertEqual(routes.resolve(url, from: "index.md"), .external, url)
        }
    }

    func testExplainsLinksThatCannotResolve() {
        XCTAssertEqual(routes.resolve("../laws/pc-99.md", from: "guides/da-forum.md"),
                       .missing("'../laws/pc-99.md' does not match any page or file in the content folder"))
        XCTAssertEqual(routes.resolve("../../../etc/passwd", from: "guides/da-forum.md"),
                       .missing("'../../../etc/passwd' points outside the content folder"))
        XCTAssertEqual(routes.resolve("../laws/secret.md", from: "guides/da-forum.md"),
                       .missing("'../laws/secret.md' is a draft page; publish it (draft: false) or build with --drafts", isDraft: true))
    }
}
