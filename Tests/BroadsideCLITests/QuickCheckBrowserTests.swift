import BroadsideTestSupport
import Foundation
import XCTest

/// The site's scripts in a real browser: builds the starter toolkit with the `broadside`
/// binary, then a script in Tests/browser/ drives headless Chromium from disk (file://).
/// `make test` installs Chromium, its driver and Selenium.
final class QuickCheckBrowserTests: XCTestCase {
    private var output: URL!

    override func setUpWithError() throws {
        try BuildCommandTests.requireTools(["/usr/bin/chromium", "/usr/bin/chromedriver"])
        output = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-browser-\(UUID().uuidString)/Output")
        let build = try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf", "--output", output.path], in: TestPaths.project)
        XCTAssertEqual(build.status, 0, build.stderr)
    }

    override func tearDownWithError() throws {
        if let output { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
    }

    /// By keyboard, comparing the answers with the CSV.
    func testQuickCheckWorksByKeyboardFromDisk() throws {
        let browser = try Command.run("/usr/bin/env", ["python3", "Tests/browser/quick_check.py", output.path,
                                                       "Content/charts/relief-bars.csv"], in: TestPaths.project)
        XCTAssertEqual(browser.status, 0, browser.stdout + browser.stderr)
    }

    /// Results as you type in English and Spanish, accents or not, and the header's search box.
    func testSearchWorksFromDiskInEveryLanguage() throws {
        let browser = try Command.run("/usr/bin/env", ["python3", "Tests/browser/search.py", output.path], in: TestPaths.project)
        XCTAssertEqual(browser.status, 0, browser.stdout + browser.stderr)
    }

    /// Past 500 pages the index comes in parts, which the search page loads before searching.
    func testALargeSitesSearchSeesEveryPart() throws {
        let root = output.deletingLastPathComponent().appendingPathComponent("large")
        let notes = root.appendingPathComponent("Content/notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        for number in 1...1100 {
            try Data("---\ntitle: Note \(number)\n---\nWhat note \(number) says.\n".utf8)
                .write(to: notes.appendingPathComponent("note-\(number).md"))
        }
        let large = root.appendingPathComponent("Output")
        let build = try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf", "--root", root.path, "--output", large.path], in: TestPaths.project)
        XCTAssertEqual(build.status, 0, build.stderr)
        let browser = try Command.run("/usr/bin/env", ["python3", "Tests/browser/search_parts.py", large.path, "1100"], in: TestPaths.project)
        XCTAssertEqual(browser.status, 0, browser.stdout + browser.stderr)
    }
}
