import BroadsideTestSupport
import Foundation
import XCTest

/// The calendar files as a calendar app reads them: Tests/formats/read_ics.py parses each with
/// the `icalendar` library (which `make test` installs) and reports the instants it finds.
final class CalendarFileTests: XCTestCase {
    func testCalendarAppsReadTheRightInstants() throws {
        guard (try? Command.run("/usr/bin/env", ["python3", "-c", "import icalendar"], in: TestPaths.sites))?.status == 0 else {
            throw XCTSkip("the icalendar library is missing: `make test` installs it")
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-ics-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: TestPaths.sites.appendingPathComponent("languages"), to: root)
        let build = try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf"], in: root)
        XCTAssertEqual(build.status, 0, build.stderr)
        let project = TestPaths.project
        func read(_ path: String) throws -> [String: String?] {
            let run = try Command.run("/usr/bin/env", ["python3", "Tests/formats/read_ics.py", root.appendingPathComponent("Output/" + path).path],
                                      in: project)
            XCTAssertEqual(run.status, 0, run.stderr)
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout)
            return object.mapValues { $0 as? String }
        }
        // 6:30 PM in Oakland on March 20, 2027 is 1:30 the next morning in UTC (daylight time).
        XCTAssertEqual(try read("events/forum-night/forum-night.ics"), [
            "summary": "Forum night; candidates, questions, answers", "location": "Hall A, Main Library, 100 Example Way, Oakland, CA",
            "start": "2027-03-21T01:30:00Z", "end": "2027-03-21T03:00:00Z", "tzid": "America/Los_Angeles",
        ])
        XCTAssertEqual(try read("es/events/forum-night/forum-night.ics")["summary"], .some("Noche del foro"))
        // An online event in New York, with no end: 10 AM Eastern daylight time.
        let online = try read("events/old-meeting/old-meeting.ics")
        XCTAssertEqual(online["start"], .some("2026-10-10T14:00:00Z"))
        XCTAssertEqual(online["end"], .some(nil))
        XCTAssertEqual(online["location"], .some("https://lang.example.org/live/"))
    }
}
