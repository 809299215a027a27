@testable import Broadside
import XCTest

final class FrontMatterTests: XCTestCase {
    private func parse(_ text: String) -> (PageSource, [String]) {
        var diagnostics = Diagnostics()
        let file = SourceFile(relativePath: "laws/a.md", displayPath: "Content/laws/a.md", text: text)
        let page = PageSource.parse(file, diagnostics: &diagnostics)
        return (page, diagnostics.sorted.map(\.description))
    }

    func testReadsEveryContractKey() {
        let (page, problems) = parse("""
        ---
        title: "Vacating a conviction: PC § 1473.7"
        summary: A motion to erase a conviction.
        date: 2026-03-02
        reviewed: 2026-11-20
        tags: [vacatur, motions]
        draft: false
        handout: true
        weight: 3
        layout: page
        ---
        Body line
        """)
        XCTAssertEqual(problems, [])
        let fm = page.frontMatter
        XCTAssertEqual(fm.title, "Vacating a conviction: PC § 1473.7")
        XCTAssertEqual(fm.summary, "A motion to erase a conviction.")
        XCTAssertEqual(fm.date, Day("2026-03-02"))
        XCTAssertEqual(fm.reviewed, Day("2026-11-20"))
        XCTAssertEqual(fm.tags, ["vacatur", "motions"])
        XCTAssertEqual(fm.draft, false)
        XCTAssertEqual(fm.handout, true)
        XCTAssertEqual(fm.weight, 3)
        XCTAssertEqual(fm.layout, "page")
        XCTAssertEqual(page.body, "Body line")
        XCTAssertEqual(page.bodyLineOffset, 11)
    }

    func testNoFrontMatterMeansTheWholeFileIsBody() {
        let (page, problems) = parse("Just text\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(page.body, "Just text\n")
        XCTAssertEqual(page.bodyLineOffset, 0)
    }

    func testYAMLSyntaxErrorsPointAtTheLineInTheFile() {
        let (_, problems) = parse("---\ntitle: Ok\ntags: [a, b\n---\nbody\n")
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].hasPrefix("Content/laws/a.md:4:1: error: YAML: "), problems[0])
    }

    func testWrongValuesAreReportedAtTheirValue() {
        let (_, problems) = parse("""
        ---
        title: Law
        date: 2026-02-30
        reviewed: last week
        draft: maybe
        weight: first
        color: blue
        ---
        Body
        """)
        XCTAssertEqual(problems, [
            "Content/laws/a.md:3:7: error: 'date' must be a date written YYYY-MM-DD, like 2026-03-02",
            "Content/laws/a.md:4:11: error: 'reviewed' must be a date written YYYY-MM-DD, like 2026-03-02",
            "Content/laws/a.md:5:8: error: 'draft' must be true or false",
            "Content/laws/a.md:6:9: error: 'weight' must be a whole number",
            "Content/laws/a.md:7:1: warning: unknown front-matter key 'color' is ignored (known keys: title, summary, date, reviewed, tags, draft, handout, pages, weight, layout, legal, translation_of, bilingual, event, call_script, letter, aliases) [front-matter/unknown-key]",
        ])
    }

    /// YAML's words for true and false, and numbers, count only written plain: a quoted
    /// value is text, as YAML has it.
    func testTrueFalseAndNumbersAreYAMLsPlainWords() {
        let (page, clean) = parse("---\ntitle: Law\ndraft: yes\nhandout: On\nlegal: FALSE\nweight: -3\n---\n")
        XCTAssertEqual(clean, [])
        XCTAssertEqual([page.frontMatter.draft, page.frontMatter.handout, page.frontMatter.legal], [true, true, false])
        XCTAssertEqual(page.frontMatter.weight, -3)
        let (_, problems) = parse("---\ntitle: Law\ndraft: \"yes\"\nweight: '2'\nsummary:\nlegal: tRuE\n---\nBody\n")
        XCTAssertEqual(problems, [
            "Content/laws/a.md:3:8: error: 'draft' must be true or false",
            "Content/laws/a.md:4:9: error: 'weight' must be a whole number",
            "Content/laws/a.md:5:9: error: 'summary' must be text",
            "Content/laws/a.md:6:8: error: 'legal' must be true or false",
        ])
    }

    func testUnclosedFrontMatter() {
        let (_, problems) = parse("---\ntitle: Law\n\nBody\n")
        XCTAssertEqual(problems, [
            "Content/laws/a.md:1:1: error: front matter starts with '---' but never ends: add a line with only '---' after the last key",
        ])
    }

    func testFrontMatterThatIsNotAMapping() {
        let (_, problems) = parse("---\n- a\n- b\n---\n")
        XCTAssertEqual(problems, ["Content/laws/a.md:2:1: error: front matter must be a list of `key: value` lines"])
    }

    /// Past sixteen keys they are found by a dictionary, not looked through: each is still
    /// read, and each unknown one reported where it is, in order.
    func testManyKeysAreEachReadWhereTheyAre() {
        let unknown = (1...18).map { "extra\($0): x" }
        let (page, problems) = parse("---\n" + unknown.joined(separator: "\n") + "\ntitle: Many\ndate: 2026-03-02\ntags: [a, b]\n---\nBody\n")
        XCTAssertEqual(page.frontMatter.title, "Many")
        XCTAssertEqual(page.frontMatter.date, Day("2026-03-02"))
        XCTAssertEqual(page.frontMatter.tags, ["a", "b"])
        XCTAssertEqual(problems.count, 18)
        XCTAssertTrue(problems[17].hasPrefix("Content/laws/a.md:19:1: warning: unknown front-matter key 'extra18' is ignored"), problems[17])
    }

    func testDuplicateKeys() {
        let (_, problems) = parse("---\ntitle: A\ntitle: B\n---\n")
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].contains("error: YAML: the key 'title' appears more than once"), problems[0])
    }
}
