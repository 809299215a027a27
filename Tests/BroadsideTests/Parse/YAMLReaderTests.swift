@testable import Broadside
import XCTest

/// A reader knows the keys its code asks for: an unknown key's warning lists them in the order
/// asked, and a key the reader would skip because of another key's value is still known.
final class YAMLReaderTests: XCTestCase {
    private func reader(_ yaml: String) -> YAMLReader {
        var diagnostics = Diagnostics()
        let fields = YAMLFields(yaml: yaml, path: "Site/x.yml", lineOffset: 0, what: "x", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        return YAMLReader(fields!)
    }

    func testWarnsOfEachKeyNotAskedForListingTheKnownOnesInOrder() {
        var fields = reader("title: 1\nzzz: 2\ntitel: 3\n")
        var diagnostics = Diagnostics()
        _ = fields.string("title", diagnostics: &diagnostics)
        _ = fields.string("a", diagnostics: &diagnostics)
        _ = fields.string("title", diagnostics: &diagnostics)
        fields.finish(what: "x", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [
            "Site/x.yml:2:1: warning: unknown x key 'zzz' is ignored (known keys: title, a)",
            "Site/x.yml:3:1: warning: unknown x key 'titel' is ignored: did you mean `title`?",
        ])
    }

    func testAPeekOrAnUnlistedKeyIsNeitherUnknownNorSuggested() {
        var fields = reader("link: x\nurl: /a/\nlinks: y\n")
        var diagnostics = Diagnostics()
        XCTAssertEqual(fields.peek("url")?.text, "/a/")
        fields.readUnlisted(["link"])
        _ = fields.string("title", diagnostics: &diagnostics)
        fields.finish(what: "x", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [
            "Site/x.yml:2:1: warning: unknown x key 'url' is ignored (known keys: title)",
            "Site/x.yml:3:1: warning: unknown x key 'links' is ignored (known keys: title)",
        ])
    }

    /// A packet without a title is not made, but its other keys are known all the same.
    func testAPacketThatFailsStillKnowsItsKeys() {
        var diagnostics = Diagnostics()
        let file = SourceFile(relativePath: "packets/a.yml", displayPath: "Content/packets/a.yml", text: "subtitle: S\nduplex: true\ncolour: red\n")
        XCTAssertNil(PacketSource.parse(file, diagnostics: &diagnostics))
        XCTAssertEqual(diagnostics.sorted.map(\.description), [
            "Content/packets/a.yml:1:1: error: this packet has no title: add `title: …`",
            "Content/packets/a.yml:3:1: warning: unknown packet key 'colour' is ignored (known keys: title, subtitle, lang, pages, cover, duplex, bilingual)",
        ])
    }
}
