@testable import Broadside
import BroadsideTestSupport
import Foundation
import XCTest

/// Builds every golden case under Tests/Fixtures/sites (a folder with `expected/` beside its
/// Content/; cases may be grouped in folders, as in `links/fragment-missing`) and compares
/// every page's `<main>` with `expected/<page path>`, the list of written files with
/// `expected/files.txt`, and for broken sites the diagnostics with `expected/diagnostics.txt`.
/// A page whose `<main>` is the same as in `basic` is recorded in `basic` alone.
/// Adding a case is adding its folder, with Content/ and an empty `expected/` folder:
/// `BROADSIDE_RECORD=1 swift test --filter GoldenSiteTests` fills `expected/` (and fails, so a
/// person reviews what it wrote). A site with no `expected/` (one only the CLI tests use) is not a case.
final class GoldenSiteTests: XCTestCase {
    func testEveryCaseBuildsAsRecorded() throws {
        let cases = try Self.cases()
        // The cases the other tests lean on: if discovery lost them, nothing here would fail.
        XCTAssertTrue(Set(["basic", "broken", "languages"]).isSubset(of: cases), "golden cases found: \(cases)")
        // A page whose `<main>` is the same as in `basic` (the search page, in one language) is
        // recorded there alone: each case's folder holds what that case shows of its own.
        let basic = made("basic")
        // Every case is checked, whichever fails; each failure names its case.
        for name in cases {
            do {
                var actual = name == "basic" ? basic : made(name)
                if name != "basic" {
                    actual = actual.filter { path, text in !path.hasSuffix(".html") || basic[path] != text }
                }
                try assertGolden(actual, in: TestPaths.sites.appendingPathComponent(name).appendingPathComponent("expected"), name: name)
            } catch {
                XCTFail("\(name): \(error)")
            }
        }
    }

    /// The folders under `sites` that hold an `expected/` folder, as paths from `sites`, in order.
    static func cases(under sites: URL = TestPaths.sites) throws -> [String] {
        var found: [String] = []
        func look(in folder: URL, named name: String) throws {
            let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            if entries.contains("expected") {
                found.append(name)
                return
            }
            for entry in entries where !entry.hasPrefix(".") && isFolder(folder.appendingPathComponent(entry)) {
                // A site without a golden record (one the CLI tests use) is not a group of cases.
                guard !["Content", "Site"].contains(entry) else { continue }
                try look(in: folder.appendingPathComponent(entry), named: name.isEmpty ? entry : name + "/" + entry)
            }
        }
        try look(in: sites, named: "")
        return found
    }

    private static func isFolder(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true
    }

    /// What the case's build makes, as its golden files: the diagnostics, the files written,
    /// and each page's `<main>`.
    private func made(_ name: String) -> [String: String] {
        let root = TestPaths.sites.appendingPathComponent(name)
        let result = TestSite(folder: root, today: TestSite.fixedDay).build()
        var actual: [String: String] = [:]
        actual["diagnostics.txt"] = result.messages(in: root).joined(separator: "\n") + "\n"
        if !result.diagnostics.hasErrors, let site = result.site {
            actual["files.txt"] = (Array(site.pages.keys) + Array(site.copies.keys)).map(\.path).sorted().joined(separator: "\n") + "\n"
            for (route, html) in site.texts where route.path.hasSuffix(".html") {
                actual[route.path] = Golden.main(of: html)
            }
        }
        return actual
    }
}
