@testable import Broadside
import XCTest

/// Lists are in a reader's order of titles. Titles told apart by their letters skip the
/// comparison by language rules; they must come out exactly as it orders them.
final class TitleOrderTests: XCTestCase {
    func testLettersDecideAsTheLocaleWould() {
        let titles = ["Community District 9996", "community motion", "Custody", "ab c", "abd", "ab z", "abc", "Ab", "A", "Page 12a",
                      "Page 12b", "Page 2", "Page 10", "Town hall", "town-hall", "Zeta", "zeta", "Éclair", "Eclair", "Ñandú", "Nube",
                      "§ 1473.7 explained", "Penal Code § 18.5", "Penal code § 1473.7", "(Draft) notes", "Draft notes"]
        var decided = 0
        for first in titles {
            for second in titles where first != second {
                guard let order = SiteAssembler.letterOrder(first, second) else { continue }
                decided += 1
                XCTAssertEqual(order, SiteAssembler.readerOrder(first, second) == .orderedAscending, "\(first) / \(second)")
            }
        }
        XCTAssertGreaterThan(decided, 300, "most pairs are told apart by a letter")
        XCTAssertNil(SiteAssembler.letterOrder("Page 2", "Page 10"), "numbers are left to the locale")
        XCTAssertNil(SiteAssembler.letterOrder("Éclair", "Eclair"), "accents are left to the locale")
        XCTAssertNil(SiteAssembler.letterOrder("Town", "town"), "the same letters say nothing")
        XCTAssertEqual(SiteAssembler.readerOrder("Page 2", "Page 10"), .orderedAscending, "numbers by their value")
        XCTAssertEqual(SiteAssembler.readerOrder("Zealand", "Aalborg"), .orderedDescending, "the same rules whatever this computer's language")
    }
}
