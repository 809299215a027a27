import BroadsideTestSupport
import Foundation
import XCTest

/// `broadside import`: a site imports and builds, what it printed, and each refusal with its
/// exit code and message.
final class ImportCommandTests: XCTestCase {
    static let fixtures = TestPaths.fixtures.appendingPathComponent("import")

    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-import-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func broadside(_ arguments: String...) throws -> Command {
        try Command.run(BuildCommandTests.binary.path, arguments, in: scratch, deadline: 120)
    }

    func testImportPrintsASummaryAndTheSiteBuilds() throws {
        let jekyll = Self.fixtures.appendingPathComponent("jekyll").path
        let run = try broadside("import", "jekyll", jekyll, "--into", "site")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(run.stdout, """
            Imported the Jekyll site \(jekyll): 11 pages (3 posts, 2 translations), 2 sections, 1 static file, 2 data files; \
            10 links rewritten, 8 old addresses kept as aliases.
            7 places need a person, each listed in the report.
            Report: \(scratch.appendingPathComponent("site/IMPORT-REPORT.md").path)
            Next: `broadside build --root site`, then open site/Output/index.html.

            """)
        let build = try broadside("build", "--no-pdf", "--root", "site")
        XCTAssertEqual(build.status, 0, build.stderr)

        // Without --into, the project is made in the current folder.
        let here = scratch.appendingPathComponent("here")
        try FileManager.default.createDirectory(at: here, withIntermediateDirectories: true)
        let hugo = try Command.run(BuildCommandTests.binary.path, ["import", "hugo", Self.fixtures.appendingPathComponent("hugo").path], in: here, deadline: 120)
        XCTAssertEqual(hugo.status, 0, hugo.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: here.appendingPathComponent("Content/index.md").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: here.appendingPathComponent("Site/site.yml").path))
        XCTAssertTrue(hugo.stdout.contains("\n6 places need a person, each listed in the report.\n"), hugo.stdout)
    }

    func testRefusals() throws {
        let jekyll = Self.fixtures.appendingPathComponent("jekyll").path
        let hugo = Self.fixtures.appendingPathComponent("hugo").path

        let notHugo = try broadside("import", "hugo", jekyll, "--into", "a")
        XCTAssertEqual(notHugo.status, 2)
        XCTAssertEqual(notHugo.stderr.trimmingCharacters(in: .newlines), "error: \(jekyll) is not a Hugo site: it has none of hugo.toml, hugo.yaml, hugo.yml, config.toml, config.yaml, config.yml or config/_default/")
        let notJekyll = try broadside("import", "jekyll", hugo, "--into", "a")
        XCTAssertEqual(notJekyll.status, 2)
        XCTAssertEqual(notJekyll.stderr.trimmingCharacters(in: .newlines), "error: \(hugo) is not a Jekyll site: it has no _config.yml")

        let itself = try broadside("import", "jekyll", jekyll, "--into", jekyll)
        XCTAssertEqual(itself.status, 2)
        XCTAssertTrue(itself.stderr.hasPrefix("error: --into is the Jekyll site's own folder"), itself.stderr)

        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("full/Content"), withIntermediateDirectories: true)
        try Data("---\ntitle: Mine\n---\n".utf8).write(to: scratch.appendingPathComponent("full/Content/index.md"))
        let full = try broadside("import", "jekyll", jekyll, "--into", "full")
        XCTAssertEqual(full.status, 2)
        XCTAssertEqual(full.stderr.trimmingCharacters(in: .newlines), "error: full/Content already has files: import into a new folder with --into DIR")

        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("configured/Site"), withIntermediateDirectories: true)
        try Data("title: Mine\n".utf8).write(to: scratch.appendingPathComponent("configured/Site/site.yml"))
        let configured = try broadside("import", "hugo", hugo, "--into", "configured")
        XCTAssertEqual(configured.status, 2)
        XCTAssertEqual(configured.stderr.trimmingCharacters(in: .newlines), "error: configured/Site/site.yml already exists: import into a new folder with --into DIR")

        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("data/Data"), withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: scratch.appendingPathComponent("data/Data/offices.csv"))
        let data = try broadside("import", "jekyll", jekyll, "--into", "data")
        XCTAssertEqual(data.status, 2)
        XCTAssertEqual(data.stderr.trimmingCharacters(in: .newlines), "error: data/Data/offices.csv already exists: import into a new folder with --into DIR")
        XCTAssertEqual(try String(contentsOf: scratch.appendingPathComponent("data/Data/offices.csv"), encoding: .utf8), "mine\n")

        XCTAssertEqual(try broadside("import", "gatsby", jekyll).status, 2, "an unknown generator is a usage error")
        XCTAssertEqual(try broadside("import", "jekyll", scratch.appendingPathComponent("missing").path).status, 2)
        // Nothing was written by a refusal.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted(), ["configured", "data", "full"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("data").path), ["Data"])
    }
}
