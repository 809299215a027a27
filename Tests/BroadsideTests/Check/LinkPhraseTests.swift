@testable import Broadside
import Foundation
import XCTest

/// The vague-link check looks link words up lowercased and without punctuation at the ends;
/// plain ASCII takes a byte-by-byte path that must agree with Foundation's character sets.
final class LinkPhraseTests: XCTestCase {
    func testEveryASCIICharacterAtTheEndsIsTrimmedAsFoundationTrimsIt() {
        for byte in UInt8(0x20)..<0x7F {
            let mark = String(UnicodeScalar(byte))
            for words in [mark + "Click HERE" + mark, mark + mark, "Read " + mark + " more" + mark + mark] {
                XCTAssertEqual(PageChecks.phrase(words), words.lowercased().trimmingCharacters(in: .punctuationCharacters), words)
            }
        }
        XCTAssertEqual(PageChecks.phrase("¡Haga clic AQUÍ!"), "haga clic aquí", "beyond ASCII, Foundation's own trim")
        XCTAssertEqual(PageChecks.phrase("(here)."), "here")
        XCTAssertEqual(PageChecks.phrase("$here+"), "$here+", "symbols are not punctuation")
    }
}
