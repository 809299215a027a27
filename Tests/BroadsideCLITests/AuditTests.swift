import BroadsideTestSupport
import Foundation
import XCTest

/// Every page of the starter toolkit through the Nu HTML Checker, and axe-core in headless
/// Chromium on each kind of page at 390 and 1280 px (Tests/browser/audit.py).
final class AuditTests: XCTestCase {
    func testStarterSiteIsValidHTMLWithNoSeriousAccessibilityViolations() throws {
        let project = TestPaths.project
        try BuildCommandTests.requireTools(["/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/java"])
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-audit-\(UUID().uuidString)/Output")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let build = try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf", "--output", output.path], in: project)
        XCTAssertEqual(build.status, 0, build.stderr)
        let audit = try Command.run("/usr/bin/env", ["python3", "Tests/browser/audit.py", output.path], in: project)
        XCTAssertEqual(audit.status, 0, audit.stdout + audit.stderr)
    }
}
