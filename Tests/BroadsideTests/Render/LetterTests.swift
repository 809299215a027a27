@testable import Broadside
import BroadsideTestSupport
import XCTest

/// A page with `letter: {to: officials.csv}`: a page and a printable letter per official, the
/// county picker, CSV values shown as text, and exact messages for what cannot be filled in.
final class LetterTests: XCTestCase {
    private static let officials = """
    name,title,county,address,phone,email
    Ana Flores,District Attorney,Fresno,"1 Sample Plaza
    Fresno, CA 93721",(555) 010-1101,da.fresno@example.org
    Ben Ortiz,District Attorney,Kern,2 Demo Street,(555) 010-1102,da.kern@example.org

    """

    private static let letter = """
    ---
    title: Ask for a policy
    summary: A letter.
    letter:
      to: officials.csv
    call_script: |
      Hello, I live in {{county}}.
      I am calling for {{name}}.
    ---
    Dear {{title}} {{name}},

    I live in {{county}} County. Write \\{{ and }} for braces.

    """

    private func build(_ files: [String: String] = [:]) -> Build.Result {
        TestSite([
            "Site/site.yml": "language: en\nlanguages:\n  es: Español\nchecks:\n  site/base-url: off\n  translations/missing: off\n  readability/grade: off\n",
            "Content/index.md": "---\ntitle: Home\nsummary: Home.\n---\nHome.\n",
            "Content/letters/da.md": Self.letter,
            "Content/letters/officials.csv": Self.officials,
        ].merging(files) { $1 }).build()
    }

    func testEachOfficialGetsAPageAndAPrintedLetter() throws {
        let result = build()
        XCTAssertEqual(result.messages(), [])
        let ana = try result.page("letters/da/ana-flores/index.html")
        XCTAssertTrue(ana.contains("<p>Dear District Attorney Ana Flores,</p>"), ana)
        XCTAssertTrue(ana.contains("I live in Fresno County. Write {{ and }} for braces."), "escaped braces show as written")
        XCTAssertTrue(ana.contains("<a href=\"tel:+15550101101\">(555) 010-1101</a>"), ana)
        XCTAssertTrue(ana.contains("href=\"mailto:da.fresno@example.org?subject=Ask%20for%20a%20policy&amp;body=Dear%20District%20Attorney%20Ana%20Flores%2C"), ana)
        XCTAssertTrue(ana.contains("<p>Hello, I live in Fresno.\nI am calling for Ana Flores.</p>"), "the call script, filled in")
        XCTAssertTrue(ana.contains("1 Sample Plaza<br>Fresno, CA 93721<br>"), "the address, line by line")
        let printed = try result.page("handouts/letters-da-ben-ortiz/index.html")
        XCTAssertTrue(printed.contains("<address class=\"letter-to\">Ben Ortiz<br>District Attorney<br>2 Demo Street<br></address>"), printed)
        XCTAssertTrue(printed.contains("Dear District Attorney Ben Ortiz,"))
    }

    func testTheLettersPageIsTheCountyPickerWithPlaceholders() throws {
        let page = try build().page("letters/da/index.html")
        XCTAssertTrue(page.contains("<option value=\"../../letters/da/ana-flores/index.html\">Fresno</option>"), page)
        XCTAssertTrue(page.contains("<li><a href=\"../../letters/da/ben-ortiz/index.html\"><strong>Kern</strong>: Ben Ortiz, District Attorney</a></li>"), page)
        XCTAssertTrue(page.contains("<form class=\"letter-picker-form\" data-letter-picker hidden>"), "shown by its script only")
        XCTAssertTrue(page.contains("<p>Dear <span class=letter-field>[title]</span> <span class=letter-field>[name]</span>,</p>"), page)
        XCTAssertTrue(page.contains("broadside.js"), "the picker's script")
        XCTAssertFalse(page.contains("{{county}}"))
    }

    /// In alt text a placeholder is words alone: a screen reader reads no markup.
    func testAPlaceholderInAnImagesAltTextIsWordsAlone() throws {
        let text = Self.letter + "![The office of {{name}}](office.png)\n"
        let result = build(["Content/letters/da.md": text, "Content/letters/office.png": "PNG"])
        XCTAssertEqual(result.messages(), [])
        XCTAssertTrue(try result.page("letters/da/index.html").contains("alt=\"The office of [name]\""))
        XCTAssertTrue(try result.page("letters/da/ben-ortiz/index.html").contains("alt=\"The office of Ben Ortiz\""))
    }

    func testASpanishLetterMakesTheSpanishSet() throws {
        let result = build(["Content/letters/da.es.md": "---\ntitle: Pida una política\nsummary: Una carta.\nletter: {to: officials.csv}\n---\nEstimada {{name}}:\n"])
        XCTAssertEqual(result.messages(), [])
        XCTAssertTrue(try result.page("es/letters/da/ana-flores/index.html").contains("<p>Estimada Ana Flores:</p>"))
        XCTAssertTrue(try result.page("es/handouts/letters-da-ben-ortiz/index.html").contains("Atentamente,"))
    }

    func testAFieldTheCSVLacksIsAnErrorWhereItIsWritten() {
        let text = Self.letter.replacingOccurrences(of: "I live in {{county}} County", with: "I live in {{conty}} County")
            .replacingOccurrences(of: "I am calling for {{name}}", with: "I am calling for {{district}}")
        XCTAssertEqual(build(["Content/letters/da.md": text]).messages(), [
            "Content/letters/da.md:8:20: error: the call script uses {{district}}, but officials.csv has no such column (columns: name, title, county, address, phone, email) [letter/unknown-field]",
            "Content/letters/da.md:12:11: error: the letter uses {{conty}}, but officials.csv has no such column (columns: name, title, county, address, phone, email); did you mean {{county}}? [letter/unknown-field]",
        ])
    }

    /// The script is Markdown on every official's page: its links are checked once, where written.
    func testTheCallScriptsLinksAreChecked() {
        let text = Self.letter.replacingOccurrences(of: "I am calling for {{name}}.", with: "See [the law](javascript:alert(1)) and [a page](nowhere.md).")
        XCTAssertEqual(build(["Content/letters/da.md": text]).messages(), [
            "Content/letters/da.md:8:7: error: link 'javascript:alert(1)': \(AuthorURL.problem("javascript:alert(1)", image: false)!) [safety/url]",
            "Content/letters/da.md:8:42: error: broken link: 'nowhere.md' does not match any page or file in the content folder [links/broken]",
        ])
    }

    func testBracesThatStartNoFieldAreAnError() {
        let text = Self.letter.replacingOccurrences(of: "Write \\{{ and }}", with: "Write {{ and")
        XCTAssertEqual(build(["Content/letters/da.md": text]).messages(), [
            "Content/letters/da.md:12:36: error: the letter has {{ and for braces., which fills in no column: write a column's name between the braces, like {{county}}, or \\{{ to show the braces themselves [letter/braces]",
        ])
    }

    /// Markdown, HTML and script in a cell are the official's words, shown as typed.
    func testHostileValuesShowAsText() throws {
        let csv = """
        name,title,county,address,phone,email
        "<script>alert(1)</script> *Bold* [x](javascript:alert(1))",DA `code` <b>,Kern & **Co**,"# Heading
        - item",(555) 010-1102,da@example.org

        """
        let result = build(["Content/letters/officials.csv": csv])
        XCTAssertEqual(result.messages(), [])
        let page = try result.page("letters/da/scriptalert1script-bold-xjavascriptalert1/index.html")
        XCTAssertTrue(page.contains("<p>Dear DA `code` &lt;b&gt; &lt;script&gt;alert(1)&lt;/script&gt; *Bold* [x](javascript:alert(1)),</p>"), page)
        XCTAssertTrue(page.contains("I live in Kern &amp; **Co** County."), page)
        XCTAssertFalse(page.contains("<script>alert"))
        XCTAssertFalse(page.contains("href=\"javascript"))
        let printed = try result.page("handouts/letters-da-scriptalert1script-bold-xjavascriptalert1/index.html")
        XCTAssertTrue(printed.contains("# Heading<br>- item<br>"), "an address's lines stay text")
        XCTAssertFalse(printed.contains("<script>alert"))
    }

    func testOfficialsThatCannotBeWrittenToAreErrors() {
        let csv = """
        name,title,county,address,phone,email
        Ana Flores,DA,Fresno,1 Main,(555) 010-1101,da.fresno(at)example.org
        ANA FLORES,DA,,1 Main,call us,da@example.org

        """
        XCTAssertEqual(build(["Content/letters/officials.csv": csv]).messages(), [
            "Content/letters/officials.csv:2:44: error: 'da.fresno(at)example.org' is not an e-mail address a reader could write to: write it like da@example.org, or leave the cell empty [letter/contact]",
            "Content/letters/officials.csv:3:1: error: 'ANA FLORES' and 'Ana Flores' (line 2) would share the address ana-flores/: each official needs a name of their own (add a middle initial) [letter/official]",
            "Content/letters/officials.csv:3:15: error: this official has no county: every letter is addressed to a named official of a county [letter/official]",
            "Content/letters/officials.csv:3:23: error: 'call us' is not a phone number a reader could call: write its digits, like (555) 010-2400, or leave the cell empty [letter/contact]",
        ])
    }

    /// `name` names the CSV's rows, so the table itself refuses a row without one.
    func testAnOfficialWithoutANameIsAnError() {
        XCTAssertEqual(build(["Content/letters/officials.csv": Self.officials + " ,DA,Kern,1 Main,,\n"]).messages(), [
            "Content/letters/officials.csv:5:1: error: this row has no value in the column 'name', which names the rows",
        ])
    }

    func testAMissingColumnOrCSVIsAnError() {
        XCTAssertEqual(build(["Content/letters/officials.csv": "name,title,county,address,phone\nAna,DA,Fresno,1 Main,(555) 010-1101\n"]).messages(), [
            "Content/letters/officials.csv:1:1: error: a CSV of officials needs a 'email' column, and this one has none (columns: name, title, county, address, phone): add it to the first line [letter/missing-column]",
        ])
        let text = Self.letter.replacingOccurrences(of: "to: officials.csv", with: "to: oficials.csv")
        XCTAssertEqual(build(["Content/letters/da.md": text]).messages(), [
            "Content/letters/da.md:5:7: error: the letter is to the officials in 'oficials.csv', but there is no Content/letters/oficials.csv: put the CSV of officials (columns: name, title, county, address, phone, email) beside this page [letter/officials]",
        ])
    }

    /// An official's address is their name made as a heading's id is: punctuation dropped.
    func testAnOfficialsAddressIsTheirNameAsAHeadingId() throws {
        let result = build(["Content/letters/officials.csv": Self.officials + "Ana O'Brien,District Attorney,Kings,3 Test Road,,\n"])
        XCTAssertEqual(result.messages(), [])
        XCTAssertNotNil(result.site?.texts[Route("letters/da/ana-obrien/index.html")])
        XCTAssertNotNil(result.site?.texts[Route("handouts/letters-da-ana-obrien/index.html")])
    }

    /// A field the letter uses that an official's row leaves empty is reported at the cell.
    func testAnEmptyCellTheLetterUsesIsAnError() {
        let officials = Self.officials.replacingOccurrences(of: "Ben Ortiz,District Attorney,Kern", with: "Ben Ortiz,,Kern")
        XCTAssertEqual(build(["Content/letters/officials.csv": officials]).messages(), [
            "Content/letters/officials.csv:4:11: error: Ben Ortiz has no title, and the letter uses {{title}} (Content/letters/da.md:10:6), which would fill in nothing: fill in the cell, or take the field out of the letter [letter/official]",
        ])
    }

    /// A value that looks like an address stays text: only the letter's author makes links.
    func testAValueThatLooksLikeAnAddressIsNotALink() throws {
        let officials = Self.officials.replacingOccurrences(of: "Ben Ortiz,District Attorney", with: "Ben Ortiz,www.evil.example or a@b.example")
        let result = build(["Content/letters/officials.csv": officials])
        let page = try result.page("letters/da/ben-ortiz/index.html")
        XCTAssertTrue(page.contains("<p>Dear www.evil.example or a@b.example Ben Ortiz,</p>"), page)
        XCTAssertFalse(page.contains("evil.example\">"), "no link to it")
    }
}

