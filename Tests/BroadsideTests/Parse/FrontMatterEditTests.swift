@testable import Broadside
import XCTest

/// The editor's form writes front matter back into the page's own text: what it writes must
/// read back, through the build's own parser, as what the form sent, and leave the rest alone.
final class FrontMatterEditTests: XCTestCase {
    private let page = """
        ---
        # Checked by the legal team every six months.
        title: "Vacating a conviction"
        summary: A motion to erase a conviction.  # short
        date: 2026-03-02
        tags:
          - vacatur
          - motions

        # reviewed: YYYY-MM-DD   (a lawyer fills this in)
        handout: true
        ---

        Body line
        """

    func parsed(_ text: String) -> (FrontMatter, String, [String]) {
        var diagnostics = Diagnostics()
        let source = PageSource.parse(SourceFile(relativePath: "laws/a.md", displayPath: "Content/laws/a.md", text: text), diagnostics: &diagnostics)
        return (source.frontMatter, String(source.body), diagnostics.sorted.filter { $0.severity == .error }.map(\.description))
    }

    func testChangedKeysReadBackAndEveryOtherLineIsKept() throws {
        let edited = try FrontMatterEdit.apply(["title": .text("Vacatur: PC § 1473.7"), "tags": .list(["vacatur", "b: c", "a,b"]),
                                                "reviewed": .text("2026-11-20"), "handout": .none], to: page)
        XCTAssertEqual(edited, """
            ---
            # Checked by the legal team every six months.
            title: "Vacatur: PC § 1473.7"
            summary: A motion to erase a conviction.  # short
            date: 2026-03-02
            tags: [vacatur, "b: c", "a,b"]

            # reviewed: YYYY-MM-DD   (a lawyer fills this in)
            reviewed: 2026-11-20
            ---

            Body line
            """)
        let (frontMatter, body, errors) = parsed(edited)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(frontMatter.title, "Vacatur: PC § 1473.7")
        XCTAssertEqual(frontMatter.tags, ["vacatur", "b: c", "a,b"])
        XCTAssertEqual(frontMatter.reviewed, Day("2026-11-20"))
        XCTAssertFalse(frontMatter.handout)
        XCTAssertEqual(body, "\nBody line")
    }

    func testHostileTextReadsBackAsWritten() throws {
        let values = ["a\nb", "# not a comment", "say \"hi\" and 'bye'", "key: value", "[not a list]", "{x}", "*alias", "&anchor",
                      "!tag", "'quoted'", "yes", "No", "true", "null", "~", "12", "3.5", "-1", " padded ", "trailing ", "",
                      "Información para inmigrantes — ¿qué hacer?", "日本語 🙂", "tab\there", "back\\slash", "a #b", "ends:",
                      "- item", "? key", "| block", "> folded", "%TAG", "@at", "`tick`", "\u{2028}", "2026-03-02", "0x1F"]
        for value in values {
            let edited = try FrontMatterEdit.apply(["title": .text(value), "summary": .text(value)], to: page)
            let (frontMatter, _, errors) = parsed(edited)
            XCTAssertEqual(errors, [], "\(value.debugDescription) wrote \(edited)")
            XCTAssertEqual(frontMatter.title, value, "\(value.debugDescription) wrote \(edited)")
            XCTAssertEqual(frontMatter.summary, value)
            XCTAssertEqual(FrontMatterEdit.form(of: edited)?.fields["title"], .text(value))
            // Nothing else moved.
            XCTAssertTrue(edited.contains("# reviewed: YYYY-MM-DD   (a lawyer fills this in)\nhandout: true\n---\n\nBody line"))
            let (tagged, _, tagErrors) = parsed(try FrontMatterEdit.apply(["tags": .list([value, "plain"])], to: page))
            XCTAssertEqual(tagErrors, [])
            XCTAssertEqual(tagged.tags, [value, "plain"], value.debugDescription)
        }
    }

    func testFormReadsKeysAsTheBuildDoes() {
        let form = FrontMatterEdit.form(of: """
            ---
            title: "yes"
            draft: yes
            pages: 2
            weight: "3"
            reviewed:
            tags: [a, b]
            event:
              starts: 2026-05-01 18:00
            ---
            Text
            """)
        XCTAssertEqual(form?.fields, ["title": .text("yes"), "draft": .flag(true), "pages": .number(2), "weight": .text("3"),
                                      "reviewed": FrontMatterValue.none, "tags": .list(["a", "b"])])
        XCTAssertEqual(form?.others, ["event"])
        XCTAssertEqual(form?.body, "Text")
        XCTAssertNil(FrontMatterEdit.form(of: "---\ntitle: [unclosed\n---\n"))
    }

    func testWrongValueIsRefusedNamingTheKey() {
        let cases: [(String, FrontMatterValue, String)] = [
            ("date", .text("next week"), "'date': must be a date written YYYY-MM-DD, like 2026-03-02"),
            ("draft", .text("yes"), "'draft': must be true or false"),
            ("pages", .text("two"), "'pages': must be a whole number or a list of text"),
            ("title", .list(["a"]), "'title': must be text"),
            ("event", .unsupported, "'event': the form writes text, true or false, whole numbers and lists of text: edit this key in the page's text"),
            ("bad key", .text("x"), "'bad key': a key is letters, digits, _ and -, starting with a letter"),
        ]
        for (key, value, message) in cases {
            XCTAssertThrowsError(try FrontMatterEdit.apply([key: value], to: page)) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
    }

    func testPageWithoutFrontMatterGetsOneAndTOMLIsRefused() throws {
        let edited = try FrontMatterEdit.apply(["title": .text("Hola, ¿qué tal?"), "draft": .flag(true), "weight": .number(2)],
                                               body: "Cuerpo\n", to: "Old body\n")
        XCTAssertEqual(edited, "---\ntitle: Hola, ¿qué tal?\ndraft: true\nweight: 2\n---\nCuerpo\n")
        XCTAssertEqual(parsed(edited).0.title, "Hola, ¿qué tal?")
        XCTAssertThrowsError(try FrontMatterEdit.apply(["title": .text("x")], to: "+++\ntitle = \"a\"\n+++\nBody")) { error in
            XCTAssertEqual("\(error)", "this page's front matter is TOML (between +++ lines), which the form does not write: edit its text instead")
        }
    }

    func testOneTagOrAMomentComesBackAsTheFormSendsItAndUnreadableFrontMatterIsLeftToTheText() throws {
        XCTAssertEqual(FrontMatterEdit.form(of: "---\ntags: organizing\ndate: 2026-03-05T10:00:00-08:00\n---\n")?.fields,
                       ["tags": .list(["organizing"]), "date": .text("2026-03-05")])
        let twice = "---\ntitle: First\ntitle: Second\n---\nBody\n"
        XCTAssertNil(FrontMatterEdit.form(of: twice))
        XCTAssertThrowsError(try FrontMatterEdit.apply(["title": .text("Third")], to: twice)) { error in
            XCTAssertEqual("\(error)", "the front matter cannot be read: fix it in the text first")
        }
    }

    func testWindowsLineEndingsAreKept() throws {
        let edited = try FrontMatterEdit.apply(["title": .text("New"), "summary": .text("Added")], to: "---\r\ntitle: Old\r\ndate: 2026-01-02\r\n---\r\nBody\r\n")
        XCTAssertEqual(edited, "---\r\ntitle: New\r\ndate: 2026-01-02\r\nsummary: Added\r\n---\r\nBody\r\n")
    }
}
