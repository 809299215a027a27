@testable import Broadside
import XCTest

/// The form finds each key's own lines as the build reads them: a comment under a key, a line
/// inside a quoted value or a `|` block, a quoted key, a byte-order mark are not lost or doubled.
extension FrontMatterEditTests {
    private func assertEdit(_ fields: [String: FrontMatterValue], _ text: String, gives expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let edited = try FrontMatterEdit.apply(fields, to: text)
        XCTAssertEqual(edited, expected, file: file, line: line)
        XCTAssertEqual(parsed(edited).2, [], file: file, line: line)
    }

    func testACommentUnderAKeyOrInsideAListStays() throws {
        try assertEdit(["title": .text("New")], "---\ntitle: Old\n  # keep this note\nsummary: S\n---\nB",
                       gives: "---\ntitle: New\n  # keep this note\nsummary: S\n---\nB")
        try assertEdit(["tags": .list(["c"])], "---\ntags:\n  # legal asked for these\n  - a\n  # and this one\n  - b\nsummary: S\n---\nB",
                       gives: "---\ntags: [c]\n  # legal asked for these\n  # and this one\nsummary: S\n---\nB")
        try assertEdit(["tags": .list(["c"])], "---\ntags:\n- a  # the first\n- b\t# second\n- \"c # not a comment\"\n---\nB",
                       gives: "---\ntags: [c]\n# the first\n# second\n---\nB")
        try assertEdit(["tags": .list(["c"])], "---\ntags:\n- a\n# between the items\n- b\n\n# after them\ntitle: T\n---\nB",
                       gives: "---\ntags: [c]\n# between the items\n\n# after them\ntitle: T\n---\nB")
    }

    func testTheCommentOnAKeysOwnLineStays() throws {
        try assertEdit(["tags": .list(["b"])], "---\ntags: # shown\n  - a\n---\nB", gives: "---\ntags: [b] # shown\n---\nB")
        try assertEdit(["title": .text("New"), "summary": .text("S")], "---\ntitle: \"Old # not a comment\"  # a comment\nsummary: [x, y] # kept\n---\nB",
                       gives: "---\ntitle: New  # a comment\nsummary: S # kept\n---\nB")
    }

    func testAQuotedKeyIsTheKeyItNames() throws {
        for key in ["\"title\"", "'title'", "title "] {
            let text = "---\n\(key): Old\nsummary: S\n---\nB"
            XCTAssertEqual(FrontMatterEdit.form(of: text)?.fields["title"], .text("Old"), key)
            try assertEdit(["title": .text("New")], text, gives: "---\ntitle: New\nsummary: S\n---\nB")
        }
    }

    func testALineInsideAQuotedValueOrABlockIsNotAKey() throws {
        for value in ["\"first\ntitle: inner\"", "\"say \\\"hi\ntitle: inner\"", "'it''s\ntitle: inner'"] {
            let text = "---\nsummary: \(value)\ntitle: Old\n---\nB"
            XCTAssertEqual(FrontMatterEdit.form(of: text)?.fields["title"], .text("Old"), value)
            try assertEdit(["title": .text("New")], text, gives: "---\nsummary: \(value)\ntitle: New\n---\nB")
            try assertEdit(["summary": .text("S")], text, gives: "---\nsummary: S\ntitle: Old\n---\nB")
        }
        let block = "---\nsummary: |\n  # part of the summary\n  title: inner\n\n  more\ntitle: Old\n---\nB"
        try assertEdit(["title": .text("New")], block, gives: "---\nsummary: |\n  # part of the summary\n  title: inner\n\n  more\ntitle: New\n---\nB")
        try assertEdit(["summary": .text("S")], block, gives: "---\nsummary: S\ntitle: Old\n---\nB")
        // A plain value's next line may start with a quote that opens nothing.
        try assertEdit(["title": .text("New")], "---\nsummary: it is\n  'quoted here\ntitle: Old\n---\nB",
                       gives: "---\nsummary: it is\n  'quoted here\ntitle: New\n---\nB")
    }

    func testAListOverSeveralLinesIsOneValueAndAKeyTheFormCannotPlaceIsRefused() throws {
        try assertEdit(["tags": .list(["x"])], "---\ntags: [a,\n  \"b # c\",\n  'd']\ntitle: Old\n---\nB", gives: "---\ntags: [x]\ntitle: Old\n---\nB")
        try assertEdit(["title": .text("New")], "---\nsummary: !!str &s 'x\n  y'\ntitle: Old\n---\nB", gives: "---\nsummary: !!str &s 'x\n  y'\ntitle: New\n---\nB")
        // A key written the long way (`? title`) is one the build reads but no line starts.
        XCTAssertEqual(FrontMatterEdit.form(of: "---\n? title\n: Old\n---\nB")?.fields["title"], .text("Old"))
        XCTAssertThrowsError(try FrontMatterEdit.apply(["title": .text("New")], to: "---\n? title\n: Old\n---\nB")) { error in
            XCTAssertEqual("\(error)", "the front matter cannot be read: fix it in the text first")
        }
    }

    func testAByteOrderMarkIsSkippedAsTheBuildDoesAndKept() throws {
        let text = "\u{FEFF}---\ntitle: Old\n---\nBody\n"
        XCTAssertEqual(FrontMatterEdit.form(of: text), FrontMatterEdit.Form(fields: ["title": .text("Old")], others: [], body: "Body\n"))
        let edited = try FrontMatterEdit.apply(["title": .text("New")], to: text)
        XCTAssertEqual(edited, "\u{FEFF}---\ntitle: New\n---\nBody\n")
        var diagnostics = Diagnostics()
        let source = PageSource.parse(SourceFile(normalizing: edited, relativePath: "a.md", displayPath: "Content/a.md"), diagnostics: &diagnostics)
        XCTAssertEqual(source.frontMatter.title, "New")
        XCTAssertEqual(try FrontMatterEdit.apply(["title": .text("T")], body: "Cuerpo\n", to: "\u{FEFF}Old\n"), "\u{FEFF}---\ntitle: T\n---\nCuerpo\n")
        XCTAssertEqual(FrontMatterEdit.form(of: "\u{FEFF}Old\n")?.body, "Old\n")
        XCTAssertEqual(try FrontMatterEdit.apply([:], body: "New\n", to: "\u{FEFF}Old\n"), "\u{FEFF}New\n")
    }

    func testWindowsLineEndingsWithCommentsAreKeptAndOldMacOnesAreLeftToTheText() throws {
        try assertEdit(["title": .text("New"), "tags": .list(["b"])], "---\r\ntitle: Old # c\r\n  # note\r\ntags:\r\n  - a\r\n---\r\nB\r\n",
                       gives: "---\r\ntitle: New # c\r\n  # note\r\ntags: [b]\r\n---\r\nB\r\n")
        // The build reads a lone `\r` as a line break, so this page has front matter the form would miss.
        let oldMac = "---\rtitle: Old\r---\rBody\r"
        XCTAssertNil(FrontMatterEdit.form(of: oldMac))
        XCTAssertThrowsError(try FrontMatterEdit.apply(["title": .text("New")], to: oldMac)) { error in
            XCTAssertEqual("\(error)", "the front matter cannot be read: fix it in the text first")
        }
    }
}
