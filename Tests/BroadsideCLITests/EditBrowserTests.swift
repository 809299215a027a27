import BroadsideTestSupport
import Foundation
import XCTest

/// The editor's interface in headless Chromium (Tests/browser/editor.py): the script starts
/// `broadside serve --edit` itself on a copy of the starter site's Content/ and Site/ (made a
/// git repository), then saves a title, marks a page reviewed, adds a row through a CSV's grid,
/// uploads an image with its description, starts a Spanish translation, saves and commits,
/// makes a page by keyboard alone, and runs axe-core in English and Spanish. `make test` installs Chromium, its driver, Selenium and axe.
final class EditBrowserTests: XCTestCase {
    func testAnOrganizerEditsTheStarterSiteInTheBrowser() throws {
        try BuildCommandTests.requireTools(["/usr/bin/chromium", "/usr/bin/chromedriver"])
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-editor-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Site"] {
            try FileManager.default.copyItem(at: TestPaths.project.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let browser = try Command.run("/usr/bin/env", ["python3", "Tests/browser/editor.py", BuildCommandTests.binary.path, root.path],
                                      in: TestPaths.project, deadline: 600)
        XCTAssertEqual(browser.status, 0, browser.stdout + browser.stderr)
    }
}
