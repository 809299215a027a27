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

    func testOrdersChronologically() {
        XCTAssertLessThan(Day("2025-12-31")!, Day("2026-01-01")!)
    }
}
