@testable import Broadside
import XCTest

/// Real-world ways people cite the law, each with the official page it must open, and
/// near misses that must stay plain text.
final class CitationsTests: XCTestCase {
    private let leginfo = "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode="

    private func links(_ text: String) -> [String] {
        Citations.find(in: text).map { "\($0.text) → \($0.url)" }
    }

    func testCaliforniaCodes() {
        let cases: [(String, String, String)] = [
            ("under Penal Code § 1473.7 you may", "Penal Code § 1473.7", "PEN&sectionNum=1473.7"),
            ("PC § 1473.7", "PC § 1473.7", "PEN&sectionNum=1473.7"),
            ("P.C. § 18.5", "P.C. § 18.5", "PEN&sectionNum=18.5"),
            ("Cal. Penal Code section 1203.43", "Cal. Penal Code section 1203.43", "PEN&sectionNum=1203.43"),
            ("California Penal Code § 1016.3(b)", "California Penal Code § 1016.3(b)", "PEN&sectionNum=1016.3"),
            ("Penal Code §§ 1016.2 and 1016.3", "Penal Code §§ 1016.2", "PEN&sectionNum=1016.2"),
            ("Pen. Code, § 745", "Pen. Code, § 745", "PEN&sectionNum=745"),
            ("Penal Code section 1001.95", "Penal Code section 1001.95", "PEN&sectionNum=1001.95"),
            ("Health and Safety Code § 11361.8", "Health and Safety Code § 11361.8", "HSC&sectionNum=11361.8"),
            ("Health & Safety Code § 11350", "Health & Safety Code § 11350", "HSC&sectionNum=11350"),
            ("Gov. Code § 7283.1", "Gov. Code § 7283.1", "GOV&sectionNum=7283.1"),
            ("Government Code section 7283.1(a)", "Government Code section 7283.1(a)", "GOV&sectionNum=7283.1"),
            ("Vehicle Code § 23152", "Vehicle Code § 23152", "VEH&sectionNum=23152"),
            ("Welfare and Institutions Code § 707", "Welfare and Institutions Code § 707", "WIC&sectionNum=707"),
            ("Evidence Code § 1101", "Evidence Code § 1101", "EVID&sectionNum=1101"),
            ("Family Code § 6211", "Family Code § 6211", "FAM&sectionNum=6211"),
            ("Civil Code § 43.54", "Civil Code § 43.54", "CIV&sectionNum=43.54"),
            ("Code of Civil Procedure § 128.5", "Code of Civil Procedure § 128.5", "CCP&sectionNum=128.5"),
            ("Business and Professions Code § 22440", "Business and Professions Code § 22440", "BPC&sectionNum=22440"),
            ("Código Penal § 1473.7", "Código Penal § 1473.7", "PEN&sectionNum=1473.7"),
            ("Penal Code sección 1473.7", "Penal Code sección 1473.7", "PEN&sectionNum=1473.7"),
        ]
        for (text, cited, target) in cases {
            XCTAssertEqual(links(text), ["\(cited) → \(leginfo)\(target)"], text)
        }
    }

    func testFederalLaw() {
        XCTAssertEqual(links("8 U.S.C. § 1227(a)(2)(A)(i) makes"), ["8 U.S.C. § 1227(a)(2)(A)(i) → https://www.law.cornell.edu/uscode/text/8/1227"])
        XCTAssertEqual(links("see 8 U.S.C. § 1101(a)(43)"), ["8 U.S.C. § 1101(a)(43) → https://www.law.cornell.edu/uscode/text/8/1101"])
        XCTAssertEqual(links("8 USC 1229b"), [])  // without periods it is too easy to mistake; we do not guess
        XCTAssertEqual(links("8 U.S.C. 1254a"), ["8 U.S.C. 1254a → https://www.law.cornell.edu/uscode/text/8/1254a"])
        XCTAssertEqual(links("8 C.F.R. § 1003.55 (2024)"), ["8 C.F.R. § 1003.55 → https://www.ecfr.gov/current/title-8/section-1003.55"])
        XCTAssertEqual(links("8 C.F.R. 244.4"), ["8 C.F.R. 244.4 → https://www.ecfr.gov/current/title-8/section-244.4"])
        XCTAssertEqual(links("INA § 212(h)"), ["INA § 212(h) → https://www.law.cornell.edu/uscode/text/8/1182"])
        XCTAssertEqual(links("INA 240A(b)"), ["INA 240A(b) → https://www.law.cornell.edu/uscode/text/8/1229b"])
        XCTAssertEqual(links("INA section 245"), ["INA section 245 → https://www.law.cornell.edu/uscode/text/8/1255"])
        XCTAssertEqual(links("INA § 237(a)(2)"), ["INA § 237(a)(2) → https://www.law.cornell.edu/uscode/text/8/1227"])
    }

    func testNearMissesStayText() {
        for text in ["In 2019 the law changed.", "Call 1-800-898-7180.", "She lives in section 8 housing.",
                     "The Penal Code is long.", "Read § 1473.7 first.", "AB 2542 (2020) added a ground.",
                     "INA 999 does not exist.", "Matter of Pickering, 23 I&N Dec. 621", "Prop 47 (2014)",
                     "We met at 8 p.m. in room 1473.", "PCs § 12 are computers.", "HPC § 5"] {
            XCTAssertEqual(links(text), [], text)
        }
    }

    func testSpacesAndWordEdgesAsWritten() {
        // A no-break space after the sign, as word processors put it, and a line break inside.
        XCTAssertEqual(links("Penal Code §\u{00A0}1473.7"), ["Penal Code §\u{00A0}1473.7 → \(leginfo)PEN&sectionNum=1473.7"])
        XCTAssertEqual(links("8 U.S.C.\n§ 1101"), ["8 U.S.C.\n§ 1101 → https://www.law.cornell.edu/uscode/text/8/1101"])
        // Every script's spaces, of two and three bytes (a narrow no-break space, an ideographic
        // space, Ogham's space mark), and not a letter of the same length.
        for space in ["\u{202F}", "\u{3000}", "\u{1680}", "\u{2009}"] {
            XCTAssertEqual(links("Penal Code §\(space)18.5"), ["Penal Code §\(space)18.5 → \(leginfo)PEN&sectionNum=18.5"])
        }
        XCTAssertEqual(links("Penal Code §\u{2010}18.5"), [], "a hyphen is no space")
        // A code's short name inside a longer word, accented letters included, is not one.
        XCTAssertEqual(links("éPC § 5"), [])
        XCTAssertEqual(links("(PC § 5)"), ["PC § 5 → \(leginfo)PEN&sectionNum=5"])
        XCTAssertEqual(links("INA 2120"), [], "a four-digit number is not an INA section")
        // Word's line break (a vertical tab) is a space; a soft hyphen or zero-width space
        // does not start a word, so the word before it goes on.
        XCTAssertEqual(links("Penal Code\u{0B}§ 1473.7"), ["Penal Code\u{0B}§ 1473.7 → \(leginfo)PEN&sectionNum=1473.7"])
        XCTAssertEqual(links("x\u{00AD}PC § 5"), [])
        XCTAssertEqual(links("see\u{200B}8 U.S.C. § 1101"), [])
        XCTAssertEqual(links("８ U.S.C. § 1101"), [], "digits of other widths and scripts would make a broken address")
        XCTAssertEqual(links("Cal. Code § 5"), [], "no code named")
        XCTAssertEqual(links("Penal Code § 1473.7(a)(1)(abcde)"), ["Penal Code § 1473.7(a)(1) → \(leginfo)PEN&sectionNum=1473.7"])
    }

    func testSeveralInOneSentenceKeepTheirOrder() {
        XCTAssertEqual(Citations.find(in: "Penal Code § 18.5 and 8 U.S.C. § 1101(a)(43) and INA § 212(h)").map(\.name),
                       ["Cal. Penal Code § 18.5", "8 U.S.C. § 1101", "INA § 212 (8 U.S.C. § 1182)"])
    }
}
