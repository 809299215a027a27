import BroadsideTestSupport
import Foundation
import XCTest

/// `broadside check` as an advocate runs it before publishing: exact findings, exit codes,
/// `--strict`, JSON for other tools, and the list of external links.
final class CheckCommandTests: XCTestCase {
    private func check(_ site: String, _ arguments: String...) throws -> Command {
        try Command.run(BuildCommandTests.binary.path, ["check", "--root", site] + arguments, in: TestPaths.sites,
                        environment: ["SOURCE_DATE_EPOCH": "1795910400"])  // 2026-11-29, as the golden files assume
    }

    func testReportsEveryPlantedDefectAndFails() throws {
        let run = try check("checks")
        XCTAssertEqual(run.status, 1)
        let expected = try String(contentsOf: TestPaths.sites.appendingPathComponent("checks/expected/diagnostics.txt"), encoding: .utf8)
        XCTAssertEqual(run.stdout, expected.replacingOccurrences(of: "Content/", with: "checks/Content/").replacingOccurrences(of: "Site/", with: "checks/Site/")
                       + "5 errors, 9 warnings in 10 pages\n")
    }

    func testACleanSitePassesEvenWhenStrict() throws {
        let run = try check("checks-clean", "--strict")
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(run.stdout, "0 errors, 0 warnings in 5 pages\n")
    }

    func testStrictFailsOnWarnings() throws {
        XCTAssertEqual(try check("theme-override").status, 0)
        XCTAssertEqual(try check("theme-override", "--strict").status, 1)
    }

    func testJSONAndExternalLinks() throws {
        let run = try check("checks-clean", "--format", "json", "--external")
        XCTAssertEqual(run.status, 0)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["errors"] as? Int, 0)
        let external = try XCTUnwrap(report["external"] as? [[String: Any]])
        XCTAssertEqual(external.count, 1)
        XCTAssertEqual(external.first?["url"] as? String, "https://www.law.cornell.edu/uscode/text/8/1101")
        XCTAssertEqual(external.first?["path"] as? String, "checks-clean/Content/laws/sentence.md")
        XCTAssertEqual(external.first?["line"] as? Int, 15)

        let broken = try check("checks", "--format", "json")
        let findings = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        let alt = try XCTUnwrap(findings.first { $0["rule"] as? String == "a11y/img-alt" })
        XCTAssertEqual(alt["path"] as? String, "checks/Content/guides/a11y.md")
        XCTAssertEqual(alt["line"] as? Int, 7)
        XCTAssertEqual(alt["severity"] as? String, "error")
    }
}
