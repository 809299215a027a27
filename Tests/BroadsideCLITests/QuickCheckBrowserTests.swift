import Foundation
import XCTest

/// The quick check in a real browser: builds the starter toolkit with the `broadside` binary,
/// then Tests/browser/quick_check.py drives headless Chromium by keyboard and compares the
/// answers with the CSV. `make test` installs Chromium, its driver and Selenium.
final class QuickCheckBrowserTests: XCTestCase {
    func testQuickCheckWorksByKeyboardFromDisk() throws {
        let project = BuildCommandTests.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw XCTSkip("\(tool) is missing: `make test` installs it")
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-browser-\(UUID().uuidString)/Output")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }

        let build = try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf", "--output", output.path], in: project)
        XCTAssertEqual(build.status, 0, build.stderr)
        let browser = try Command.run("/usr/bin/env", ["python3", "Tests/browser/quick_check.py", output.path,
                                                       "Content/charts/relief-bars.csv"], in: project)
        XCTAssertEqual(browser.status, 0, browser.stdout + browser.stderr)
    }
}
