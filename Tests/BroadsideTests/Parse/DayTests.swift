@testable import Broadside
import XCTest

final class DayTests: XCTestCase {
    func testAcceptsRealCalendarDates() {
        XCTAssertEqual(Day("2024-02-29")?.description, "2024-02-29")
        XCTAssertEqual(Day("2026-12-31")?.description, "2026-12-31")
    }

    func testRejectsImpossibleOrLooseDates() {
        // Signs, spaces and other scripts' digits are no part of YYYY-MM-DD either.
        for text in ["2026-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-3-2", "26-03-02", "2026/03/02", "", "March 2",
                     "+123-01-01", "2026-+1-01", "2026-01-+1", " 2026-01-1", "２０２６-01-01", "2026-00-10", "2026-01-00", "2026-01-011"] {
            XCTAssertNil(Day(text), text)
        }
    }

    /// Other generators' dates carry a time: RFC 3339, or Jekyll's `YYYY-MM-DD HH:MM:SS -0800`.
    /// The date as written is the day, whatever the offset.
    func testAMomentIsReadAsItsDate() {
        for text in ["2024-03-05T10:00:00-08:00", "2024-03-05T23:30:00Z", "2024-03-05 10:00:00", "2024-03-05 10:00:00 -0800", "2024-03-05T10:00"] {
            XCTAssertEqual(Day(dateOrMoment: text), Day(year: 2024, month: 3, day: 5), text)
        }
        for text in ["2024-03-05T", "2024-03-05 ", "2024-03-05T10", "2024-03-05T24:00:00Z", "2024-03-05T10:00:00+25:00", "2024-03-05T10:00:00ZZ"] {
            XCTAssertNil(Day(dateOrMoment: text), text)
        }
        XCTAssertNil(Day("2024-03-05T10:00:00Z"), "Day(_:) itself stays YYYY-MM-DD")
    }

    func testOrdersChronologically() {
        XCTAssertLessThan(Day("2025-12-31")!, Day("2026-01-01")!)
    }
}
