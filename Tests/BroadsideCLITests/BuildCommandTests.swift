import BroadsideTestSupport
import Foundation
import XCTest

/// Runs the real `broadside` binary the way a user does, in a scratch copy of a fixture site.
final class BuildCommandTests: XCTestCase {
    /// Skips a test whose outside tools are missing (`make test` installs them all).
    static func requireTools(_ tools: [String]) throws {
        for tool in tools where !FileManager.default.isExecutableFile(atPath: tool) {
            throw XCTSkip("\(tool) is missing: `make test` installs it")
        }
    }

    static let binary: URL = {
        let products = Bundle.main.bundleURL
        let candidates = [products, products.deletingLastPathComponent()].map { $0.appendingPathComponent("broadside") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// A copy of a fixture site (without its golden files) to build in.
    private func site(_ name: String) throws -> URL {
        let copy = scratch.appendingPathComponent(name)
        try FileManager.default.copyItem(at: TestPaths.sites.appendingPathComponent(name), to: copy)
        try? FileManager.default.removeItem(at: copy.appendingPathComponent("expected"))
        return copy
    }

    @discardableResult
    private func broadside(_ arguments: String..., in folder: URL) throws -> Command {
        try Command.run(Self.binary.path, arguments, in: folder)
    }

    /// Every file under a folder with its bytes, to prove a folder was left exactly as it was.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            if let data = try? Data(contentsOf: url) { files[path] = data }
        }
        return files
    }

    /// Output/ as it was `before` a failed build, and no staging folder left beside it.
    private func assertUntouched(_ output: URL, since before: [String: Data], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try snapshot(output), before, file: file, line: line)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).filter { $0.hasPrefix(".Output") }
        XCTAssertEqual(leftovers, [], "a failed build must not leave its staging folder behind", file: file, line: line)
    }

    func testBuildWritesTheSiteAndPrintsASummary() throws {
        let root = try site("basic")
        let run = try broadside("build", in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        XCTAssertNotNil(run.stdout.range(of: #"^Built 13 pages, 24 files, 0 warnings in \d+\.\d\d s → Output/index.html\n$"#,
                                         options: .regularExpression), run.stdout)
        let output = root.appendingPathComponent("Output")
        for path in ["index.html", "guides/forum/index.html", "guides/room.png", "laws/bars.csv", "assets/broadside.css", ".broadside-output", ".nojekyll"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), path)
        }
    }

    func testBrokenSiteExitsOneWithEveryDiagnosticAndLeavesOutputUntouched() throws {
        let root = try site("broken")
        let output = root.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("previous build\n".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data().write(to: output.appendingPathComponent(".broadside-output"))
        let before = try snapshot(output)

        let run = try broadside("build", in: root)

        XCTAssertEqual(run.status, 1)
        let expected = try String(contentsOf: TestPaths.sites.appendingPathComponent("broken/expected/diagnostics.txt"), encoding: .utf8)
        XCTAssertEqual(run.stderr, expected + "Build failed: 10 errors, 6 warnings; Output was not changed.\n")
        try assertUntouched(output, since: before)
    }

    /// Builds the basic site, adds a page at `path` under Content/ and builds again: that build
    /// fails, and must leave Output/ as the first left it. Its messages, for the test to check.
    private func failedRebuild(adding path: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let root = try site("basic")
        XCTAssertEqual(try broadside("build", in: root).status, 0, file: file, line: line)
        let output = root.appendingPathComponent("Output")
        let before = try snapshot(output)
        let page = root.appendingPathComponent("Content/" + path)
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: page)

        let run = try broadside("build", in: root)

        XCTAssertEqual(run.status, 1, file: file, line: line)
        try assertUntouched(output, since: before, file: file, line: line)
        return run.stderr
    }

    /// A clean build writes pages into its staging folder while it is still rendering; an error
    /// found only then (a broken link) must still leave Output/ exactly as the last build left it.
    func testAnErrorFoundWhilePagesAreWrittenLeavesOutputUntouched() throws {
        let stderr = try failedRebuild(adding: "guides/late.md", "---\ntitle: Late\nsummary: A page with a broken link.\n---\nSee [the guide](nowhere.md).\n")
        XCTAssertEqual(stderr, "Content/guides/late.md:5:5: error: broken link: 'nowhere.md' does not match any page or file in the content folder [links/broken]\n"
                               + "Build failed: 1 error, 0 warnings; Output was not changed.\n")
    }

    /// The staging folder is opened, and pages' folders made in it, while the site is still
    /// being assembled; an error found then (two pages for one address) must leave no trace.
    func testAnErrorFoundWhileAssemblingLeavesOutputUntouched() throws {
        let stderr = try failedRebuild(adding: "guides/forum/index.md", "---\ntitle: Twin\nsummary: The same address as the forum guide.\n---\nWords.\n")
        XCTAssertTrue(stderr.hasPrefix("Content/guides/forum/index.md:1:1: error: Content/guides/forum/index.md and Content/guides/forum.md "
                                       + "would both be written to guides/forum/index.html; rename or remove one\n"), stderr)
        XCTAssertTrue(stderr.hasSuffix("Build failed: 1 error, 1 warning; Output was not changed.\n"), stderr)
    }

    /// A build prints ten warnings of a rule and sums up the rest; `check` lists every one.
    func testBuildPrintsTenWarningsOfARuleAndCheckListsThemAll() throws {
        let root = try site("basic")
        for number in 1...12 {
            try Data("---\ntitle: Note \(number)\n---\nA short note.\n".utf8)
                .write(to: root.appendingPathComponent("Content/guides/note-\(String(format: "%02d", number)).md"))
        }
        let run = try broadside("build", in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        let summary = "warning: this page has no summary: add `summary:` with one plain sentence for lists and search [content/summary]\n"
        XCTAssertEqual(run.stderr, (1...10).map { "Content/guides/note-\(String(format: "%02d", $0)).md:1:1: " + summary }.joined()
                                   + "note: … and 2 more [content/summary] warnings not shown (`broadside check` lists them all); tune with `checks:` in site.yml\n")
        XCTAssertTrue(run.stdout.contains(", 12 warnings in "), run.stdout)
        let check = try broadside("check", in: root)
        XCTAssertEqual(check.stdout.components(separatedBy: "[content/summary]\n").count - 1, 12, check.stdout)
    }

    func testRootFlagMakesPathsRelativeToWhereTheUserIs() throws {
        _ = try site("broken")
        let run = try broadside("build", "--root", "broken", in: scratch)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("\nbroken/Content/guides/bad-yaml.md:4:1: error: YAML: "), run.stderr)
    }

    func testRebuildReplacesThePreviousOutputWhole() throws {
        let root = try site("basic")
        XCTAssertEqual(try broadside("build", in: root).status, 0)
        let stale = root.appendingPathComponent("Output/removed-page/index.html")
        try FileManager.default.createDirectory(at: stale.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: stale)
        XCTAssertEqual(try broadside("build", in: root).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/index.html").path))
    }

    func testContentAndOutputFlags() throws {
        let root = try site("basic")
        try FileManager.default.moveItem(at: root.appendingPathComponent("Content"), to: root.appendingPathComponent("pages"))
        let run = try broadside("build", "--content", "pages", "--output", "public", "--drafts", in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/laws/secret/index.html").path))
    }

    func testRefusesOutputFoldersItMustNotReplace() throws {
        let root = try site("basic")
        let content = try snapshot(root.appendingPathComponent("Content"))
        // Inside Content/ or Site/, each build would copy the last output into itself.
        for folder in ["Content", "Site", ".", "..", "Content/out", "Site/public/site", "./Content/../Content/x"] {
            let run = try broadside("build", "--output", folder, in: root)
            XCTAssertEqual(run.status, 2, folder)
            XCTAssertTrue(run.stderr.hasPrefix("error: refusing to write the site to "), run.stderr)
        }
        let foreign = root.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: foreign.appendingPathComponent("letter.txt"))
        let run = try broadside("build", "--output", "Documents", in: root)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("it holds files that Broadside did not write"), run.stderr)
        XCTAssertEqual(try snapshot(foreign), ["letter.txt": Data("keep me".utf8)])
        XCTAssertEqual(try snapshot(root.appendingPathComponent("Content")), content)
        let inside = try broadside("build", "--output", "Content/out", in: root)
        XCTAssertTrue(inside.stderr.contains("it is inside the content folder, whose files are the site's sources"), inside.stderr)
        let serve = try broadside("serve", "--output", "Site/out", "--port", "0", in: root)
        XCTAssertEqual(serve.status, 2, "serve refuses it before serving: \(serve.stderr)")
    }

    func testUsageErrorsExitTwoAndHelpDescribesEveryFlag() throws {
        let unknown = try broadside("build", "--colour", in: scratch)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("Unknown option '--colour'"), unknown.stderr)
        let help = try broadside("build", "--help", in: scratch)
        XCTAssertEqual(help.status, 0)
        for flag in ["--root", "--content", "--site", "--output", "--drafts", "--verbose"] {
            XCTAssertTrue(help.stdout.contains(flag), flag)
        }
        let version = try broadside("--version", in: scratch)
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout, "0.1.0\n")
    }

    func testVerboseListsTimedSteps() throws {
        let root = try site("basic")
        let run = try broadside("build", "--verbose", in: root)
        XCTAssertEqual(run.status, 0)
        let steps = run.stdout.split(separator: "\n").filter { $0.hasPrefix("[") }.map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        XCTAssertEqual(steps, ["[1/8] load", "[2/8] parse", "[3/8] assemble", "[4/8] render", "[5/8] check", "[6/8] write", "[7/8] print", "[8/8] publish"])
    }
}
