import BroadsideTestSupport
import Foundation
import XCTest

/// Charts of real data in a real browser: builds Tests/Fixtures/charts/site (line, column,
/// stacked and bar charts of 3 to 150 points, with dates and county names) with the
/// `broadside` binary, then Tests/browser/chart_overlap.py measures every chart label in
/// headless Chromium at 390 and 1280 px. `make test` installs Chromium, its driver and Selenium.
final class ChartOverlapBrowserTests: XCTestCase {
    private var output: URL!

    override func setUpWithError() throws {
        try BuildCommandTests.requireTools(["/usr/bin/chromium", "/usr/bin/chromedriver"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-charts-\(UUID().uuidString)")
        output = folder.appendingPathComponent("Output")
        // Built from a copy: a build leaves its cache beside the site, which is not for the repository.
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.project.appendingPathComponent("Tests/Fixtures/charts/site"), to: site)
        let build = try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf", "--root", site.path, "--output", output.path],
                                    in: TestPaths.project)
        XCTAssertEqual(build.status, 0, build.stderr)
    }

    override func tearDownWithError() throws {
        if let output { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
    }

    /// No two labels overprint, none is under 11 px or off the screen, at a phone's and a
    /// desktop's width; each chart shows one drawing and keeps its text alternative.
    func testNoChartLabelOverlapsAnotherAtPhoneOrDesktopWidth() throws {
        let browser = try Command.run("/usr/bin/env", ["python3", "Tests/browser/chart_overlap.py", output.path,
                                                       "charts/long-series/index.html"], in: TestPaths.project)
        XCTAssertEqual(browser.status, 0, browser.stdout + browser.stderr)
    }
}
