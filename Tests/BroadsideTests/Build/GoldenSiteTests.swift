@testable import Broadside
import Foundation
import XCTest

/// Builds each fixture site under Tests/Fixtures/sites and compares every page's `<main>` with
/// `expected/<page path>`, the list of written files with `expected/files.txt`, and for broken
/// sites the diagnostics with `expected/diagnostics.txt`.
/// Re-record with `BROADSIDE_RECORD=1 swift test`; recording fails the test so a person reviews the diff.
final class GoldenSiteTests: XCTestCase {
    static let sites = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sites")
    let recording = ProcessInfo.processInfo.environment["BROADSIDE_RECORD"] != nil

    func testBasicSite() throws { try check("basic") }
    func testSiteWithOnlyContent() throws { try check("defaults-only") }
    func testRawHTMLOptIn() throws { try check("raw-html") }
    func testThemeOverrides() throws { try check("theme-override") }
    func testBrokenSiteReportsEveryProblem() throws { try check("broken") }
    func testTables() throws { try check("tables") }
    func testHandoutsAndPackets() throws { try check("handouts") }
    func testEveryCheckFiresOnItsDefect() throws { try check("checks") }
    func testNoCheckFiresOnACleanSite() throws { try check("checks-clean") }
    func testBrokenTablesReportEveryProblem() throws { try check("tables-broken") }
    func testLanguages() throws { try check("languages") }
    func testGitHubMarkdown() throws { try check("github-markdown") }

    private func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let root = Self.sites.appendingPathComponent(name)
        let expected = root.appendingPathComponent("expected")
        // A fixed day, so freshness findings do not change with the calendar.
        let result = Build(options: BuildOptions(root: root.path, today: Day(year: 2026, month: 11, day: 29))).run(write: false)
        var actual: [String: String] = [:]
        let prefix = root.path + "/"
        actual["diagnostics.txt"] = result.diagnostics.sorted
            .map { $0.description.replacingOccurrences(of: prefix, with: "") }.joined(separator: "\n") + "\n"
        if !result.diagnostics.hasErrors, let site = result.site {
            actual["files.txt"] = (Array(site.pages.keys) + Array(site.copies.keys)).map(\.path).sorted().joined(separator: "\n") + "\n"
            for (route, html) in site.texts where route.path.hasSuffix(".html") {
                actual[route.path] = Self.main(of: html)
            }
        }
        if recording {
            try? FileManager.default.removeItem(at: expected)
            for (path, text) in actual {
                let url = expected.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            XCTFail("recorded \(actual.count) golden files for \(name): review them with git diff", file: file, line: line)
            return
        }
        let recorded = try FileManager.default.subpathsOfDirectory(atPath: expected.path)
            .filter { !$0.hasSuffix("/") && !isFolder(expected.appendingPathComponent($0)) }
        XCTAssertEqual(Set(recorded), Set(actual.keys), "golden files differ from the pages built for \(name)", file: file, line: line)
        for (path, text) in actual {
            guard let golden = try? String(contentsOf: expected.appendingPathComponent(path), encoding: .utf8) else { continue }
            XCTAssertEqual(text, golden, "\(name)/\(path) differs from its golden file", file: file, line: line)
        }
    }

    private func isFolder(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true
    }

    /// The `<main>` element: the page's own content, without the chrome every page repeats.
    static func main(of html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>", range: start.upperBound..<html.endIndex) else {
            return html
        }
        return String(html[start.lowerBound..<end.upperBound]) + "\n"
    }
}
