import Broadside
import Foundation
import XCTest

/// `broadside new`: each kind of file builds at once, with no error or warning, an existing
/// file is never overwritten, and a name that cannot be a file is refused.
final class NewCommandTests: XCTestCase {
    func testEveryKindBuildsCleanAndNothingIsOverwritten() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        func new(_ arguments: String...) throws -> Command {
            try Command.run(BuildCommandTests.binary.path, ["new"] + arguments, in: root)
        }
        for (kind, files) in [("law", ["laws/pc-1203-4.md"]), ("guide", ["guides/plan-a-forum.md"]),
                              ("chart", ["charts/arrests.md", "charts/arrests.csv", "charts/arrests.yml"]),
                              ("event", ["events/town-hall.md"]), ("packet", ["packets/kit.yml"])] {
            let name = files[0].split(separator: "/")[1].split(separator: ".")[0]
            let run = try new(kind, String(name))
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(run.stdout.split(separator: "\n").filter { $0.hasPrefix("Created") }, files.map { "Created Content/\($0)"[...] })
        }
        // The packet lists the handout that exists.
        let packet = try String(contentsOf: root.appendingPathComponent("Content/packets/kit.yml"), encoding: .utf8)
        XCTAssertTrue(packet.contains("  - laws/pc-1203-4.md"), packet)

        try FileManager.default.createDirectory(at: root.appendingPathComponent("Site"), withIntermediateDirectories: true)
        try Data("title: Kit\nbase_url: https://kit.example.org/\n".utf8).write(to: root.appendingPathComponent("Site/site.yml"))
        let build = try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf"], in: root)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertEqual(build.stderr, "", "a new file builds without a warning")

        let law = root.appendingPathComponent("Content/laws/pc-1203-4.md")
        try Data("mine".utf8).write(to: law)
        let again = try new("law", "pc-1203-4")
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "error: Content/laws/pc-1203-4.md already exists: choose another name, or edit that file\n")
        XCTAssertEqual(try String(contentsOf: law, encoding: .utf8), "mine")

        let bad = try new("guide", "Town Hall")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("'Town Hall' cannot name a file: use lowercase letters, digits and hyphens"), bad.stderr)
        XCTAssertEqual(try new("poster", "x").status, 2, "an unknown kind is a usage error")
    }

    /// A new site builds at once, told only that it has no address online yet, and carries the
    /// workflow that publishes it to GitHub Pages; a second `new site` of that name writes nothing.
    func testANewSiteBuildsAndCanBePublished() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-new-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let made = try Command.run(BuildCommandTests.binary.path, ["new", "site", "my-kit"], in: root)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(made.stdout.split(separator: "\n").filter { $0.hasPrefix("Created") },
                       ["Created my-kit/Site/site.yml", "Created my-kit/Content/index.md", "Created my-kit/.github/workflows/broadside-pages.yml"])
        let site = root.appendingPathComponent("my-kit")
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent(PublishingFiles.pagesWorkflowPath), encoding: .utf8), PublishingFiles.pagesWorkflow)

        let build = try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf"], in: site)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertEqual(build.stderr, "Site/site.yml:1:1: warning: the site has no `base_url`, so handouts and flyers print no QR codes, and there is no feed, sitemap or link preview: add `base_url: https://…/` (the site's address online) to site.yml [site/base-url]\n")
        XCTAssertTrue(try String(contentsOf: site.appendingPathComponent("Output/index.html"), encoding: .utf8).contains("<h1>My kit</h1>"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/.nojekyll").path))

        let again = try Command.run(BuildCommandTests.binary.path, ["new", "site", "my-kit"], in: root)
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "error: my-kit/Site/site.yml already exists: choose another name, or edit that file\n")
    }
}
