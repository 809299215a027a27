@testable import Broadside
import BroadsideTestSupport
import XCTest

/// Front matter as Jekyll and Hugo write it (issue 26): read where Broadside has the same
/// thing, and otherwise a message at the key saying what to do, never a silent loss.
final class FrontMatterCompatibilityTests: XCTestCase {
    private func parse(_ text: String, path: String = "laws/a.md") -> (PageSource, [String]) {
        var diagnostics = Diagnostics()
        let file = SourceFile(relativePath: path, displayPath: "Content/" + path, text: text)
        let page = PageSource.parse(file, diagnostics: &diagnostics)
        return (page, diagnostics.sorted.map(\.description))
    }

    // MARK: published, description

    func testPublishedFalseMakesADraft() {
        let (hidden, quiet) = parse("---\ntitle: Old news\npublished: false\n---\nText\n")
        XCTAssertEqual(quiet, [])
        XCTAssertTrue(hidden.frontMatter.draft)
        let (shown, clean) = parse("---\ntitle: News\npublished: true\n---\nText\n")
        XCTAssertEqual(clean, [])
        XCTAssertFalse(shown.frontMatter.draft)
        let (_, problems) = parse("---\ntitle: News\npublished: maybe\n---\nText\n")
        XCTAssertEqual(problems, ["Content/laws/a.md:3:12: error: 'published' must be true or false"])
    }

    /// Not built, not listed, and a link to it is a draft link, as with `draft: true`.
    func testAnUnpublishedPageIsLeftOutOfTheSiteAsADraftIs() throws {
        let result = Build(options: BuildOptions(pdf: .off), io: .memory([
            "Content/index.md": "---\ntitle: Home\nsummary: Home.\n---\nSee [old news](news/old.md).\n",
            "Content/news/old.md": "---\ntitle: Old news\nsummary: Old.\npublished: false\n---\nText\n",
        ])).run(write: false)
        XCTAssertEqual(result.diagnostics.all.filter { $0.rule == .draftLink }.map(\.description), [
            "Content/index.md:5:5: error: broken link: 'news/old.md' is a draft page; publish it (published: true) or build with --drafts [content/draft-link]",
        ])
        let drafts = try XCTUnwrap(Build(options: BuildOptions(includeDrafts: true, pdf: .off), io: .memory([
            "Content/news/old.md": "---\ntitle: Old news\nsummary: Old.\npublished: false\n---\nText\n",
        ])).run(write: false).site)
        XCTAssertNotNil(drafts.texts[Route("news/old/index.html")])
    }

    func testDescriptionIsTheSummaryWhenThereIsNone() {
        let (page, problems) = parse("---\ntitle: Law\ndescription: What the law does.\n---\nText\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(page.frontMatter.summary, "What the law does.")
    }

    func testDescriptionBesideSummaryIsIgnoredWithAWarning() {
        let (page, problems) = parse("---\ntitle: Law\nsummary: Short.\ndescription: Longer.\n---\nText\n")
        XCTAssertEqual(page.frontMatter.summary, "Short.")
        XCTAssertEqual(problems, [
            "Content/laws/a.md:4:1: warning: 'description' is ignored because the page has `summary:`: merge what it says into `summary` and remove it [front-matter/ignored-content]",
        ])
    }

    // MARK: Dates

    func testDatesWithATimeOfDayKeepTheirDate() {
        for written in ["2024-03-05T10:00:00-08:00", "2024-03-05T10:00:00Z", "2024-03-05T23:59:59.5+05:30", "2024-03-05 10:00:00",
                        "2024-03-05 10:00:00 -0800", "2024-03-05 10:00:00 +01:00", "2024-03-05t10:00z", "2024-03-05"] {
            XCTAssertEqual(Day(dateOrMoment: written)?.description, "2024-03-05", written)
            let (page, problems) = parse("---\ntitle: Law\ndate: \(written)\nreviewed: \"\(written)\"\n---\nText\n")
            XCTAssertEqual(problems, [], written)
            XCTAssertEqual(page.frontMatter.date?.description, "2024-03-05", written)
            XCTAssertEqual(page.frontMatter.reviewed?.description, "2024-03-05", written)
        }
    }

    func testMomentsThatAreNotTimesAreStillRefused() {
        for written in ["2024-03-05T25:00:00Z", "2024-03-05T10:00:00+8", "2024-03-05 10", "2024-03-05T10:00:00 Z", "2024-02-30T10:00:00Z",
                        "2024-03-05x10:00:00", "2024-03-05T10:00:00-0800 PST", "2024-03-05T10:61"] {
            XCTAssertNil(Day(dateOrMoment: written), written)
        }
        let (_, problems) = parse("---\ntitle: Law\ndate: 2024-03-05T25:00:00Z\n---\nText\n")
        XCTAssertEqual(problems, ["Content/laws/a.md:3:7: error: 'date' must be a date written YYYY-MM-DD, like 2026-03-02"])
    }

    // MARK: A colon in a value

    func testAnUnquotedColonSaysToQuoteTheValue() {
        let (_, problems) = parse("---\ndate: 2026-01-02\ntitle: Relief: what to know\n---\nText\n")
        XCTAssertEqual(problems, [
            #"Content/laws/a.md:3:8: error: the title has a colon in it, which YAML reads as the start of another key: put the title in quotes: title: "Relief: what to know""#,
        ])
        let (_, summary) = parse("---\ntitle: Law\nsummary: Two steps: file, then wait \"weeks\"\n---\nText\n")
        XCTAssertEqual(summary, [
            #"Content/laws/a.md:3:10: error: the summary has a colon in it, which YAML reads as the start of another key: put the summary in quotes: summary: 'Two steps: file, then wait "weeks"'"#,
        ])
    }

    // MARK: Unknown keys

    func testUnknownKeysNameTheKeyMeant() {
        let (_, problems) = parse("""
        ---
        title: Law
        reviwed: 2026-01-02
        lastmod: 2026-01-02
        categories: [a]
        excerpt: Short.
        Title-Case: x
        permalink: /laws/a/
        slug: a
        author: Ana
        aliases: [/old/]
        color: blue
        ---
        Text
        """)
        XCTAssertEqual(problems, [
            "Content/laws/a.md:3:1: warning: unknown front-matter key 'reviwed' is ignored: did you mean `reviewed`? [front-matter/unknown-key]",
            "Content/laws/a.md:4:1: warning: unknown front-matter key 'lastmod' is ignored: did you mean `reviewed`? [front-matter/unknown-key]",
            "Content/laws/a.md:5:1: warning: unknown front-matter key 'categories' is ignored: did you mean `tags`? [front-matter/unknown-key]",
            "Content/laws/a.md:6:1: warning: unknown front-matter key 'excerpt' is ignored: did you mean `summary`? [front-matter/unknown-key]",
            "Content/laws/a.md:7:1: warning: unknown front-matter key 'Title-Case' is ignored (known keys: title, summary, date, reviewed, tags, draft, handout, pages, weight, layout, legal, translation_of, bilingual, event, call_script, letter, aliases) [front-matter/unknown-key]",
            "Content/laws/a.md:8:1: warning: front-matter key 'permalink' is ignored: Broadside has no equivalent; a page's address comes from its file's path under Content/: rename or move the file to change it, and list its old address under `aliases:` so links to it keep working [front-matter/unknown-key]",
            "Content/laws/a.md:9:1: warning: front-matter key 'slug' is ignored: Broadside has no equivalent; a page's address comes from its file's path under Content/: rename or move the file to change it, and list its old address under `aliases:` so links to it keep working [front-matter/unknown-key]",
            "Content/laws/a.md:10:1: warning: front-matter key 'author' is ignored: Broadside has no equivalent; no author is shown: write a byline in the text if readers need one [front-matter/unknown-key]",
            "Content/laws/a.md:12:1: warning: unknown front-matter key 'color' is ignored (known keys: title, summary, date, reviewed, tags, draft, handout, pages, weight, layout, legal, translation_of, bilingual, event, call_script, letter, aliases) [front-matter/unknown-key]",
        ])
    }

    func testKeyAdvice() {
        let frontMatterKeys = ["title", "summary", "date", "reviewed", "tags", "draft", "handout", "pages", "weight", "layout", "legal",
                               "translation_of", "bilingual", "event", "aliases"]
        XCTAssertEqual(KeyAdvice.about("translation-of", known: frontMatterKeys), .meant("translation_of"))
        XCTAssertEqual(KeyAdvice.about("reveiwed", known: frontMatterKeys), .meant("reviewed"))
        XCTAssertEqual(KeyAdvice.about("Summary", known: frontMatterKeys), .meant("summary"))
        XCTAssertEqual(KeyAdvice.about("last_modified_at", known: frontMatterKeys, otherGenerators: KeyAdvice.frontMatter), .meant("reviewed"))
        XCTAssertEqual(KeyAdvice.about("publishDate", known: frontMatterKeys, otherGenerators: KeyAdvice.frontMatter), .meant("date"))
        XCTAssertNil(KeyAdvice.about("colour", known: frontMatterKeys))
        XCTAssertNil(KeyAdvice.about("x", known: frontMatterKeys))
    }

    /// The rule is tunable in site.yml like any other.
    func testUnknownKeyWarningsCanBeTurnedOff() {
        let files = [
            "Content/index.md": "---\ntitle: Home\nsummary: Home.\nauthor: Ana\n---\nText\n",
            "Site/site.yml": "title: T\nchecks:\n  front-matter/unknown-key: off\n  site/base-url: off\n",
        ]
        XCTAssertEqual(Build(options: BuildOptions(pdf: .off), io: .memory(files)).run(write: false).diagnostics.all.map(\.description), [])
        var noisy = files
        noisy["Site/site.yml"] = "title: T\nchecks:\n  front-matter/unknown-key: error\n  site/base-url: off\n"
        XCTAssertEqual(Build(options: BuildOptions(pdf: .off), io: .memory(noisy)).run(write: false).diagnostics.all.map(\.description), [
            "Content/index.md:4:1: error: front-matter key 'author' is ignored: Broadside has no equivalent; no author is shown: write a byline in the text if readers need one [front-matter/unknown-key]",
        ])
    }

    // MARK: Keys that carry content

    func testALinkKeySaysToPutTheLinkInTheText() {
        for key in ["link", "url", "redirect_to", "external_url"] {
            let (_, problems) = parse("---\ntitle: Law\n\(key): https://example.org/law\n---\nText\n")
            XCTAssertEqual(problems, [
                "Content/laws/a.md:3:1: warning: '\(key)' is not shown: the page's text is what shows; put the link in the text as [text](https://example.org/law) [front-matter/ignored-content]",
            ])
        }
    }

    /// Hugo's `url:` as a path is the page's address, which Broadside takes from its file name.
    func testAURLThatIsAPathIsAnAddressNotALink() {
        let (page, problems) = parse("---\ntitle: Law\nurl: /laws/old-name/\n---\nText\n")
        XCTAssertNil(page.frontMatter.ignoredLink)
        XCTAssertEqual(problems, [
            "Content/laws/a.md:3:1: warning: front-matter key 'url' is ignored: Broadside has no equivalent; a page's address comes from its file's path under Content/: rename or move the file to change it, and list its old address under `aliases:` so links to it keep working [front-matter/unknown-key]",
        ])
    }

    func testAPageWithNoBodyWillBeEmpty() {
        let (_, problems) = parse("---\ntitle: Law\nsummary: Short.\n---\n\n  \n")
        XCTAssertEqual(problems, [
            "Content/laws/a.md:4:1: warning: this page has no text after its front matter, so it will be empty: write what readers should know below the front matter [content/empty-page]",
        ])
        let (_, linked) = parse("---\ntitle: Law\nlink: https://example.org/law\n---")
        XCTAssertEqual(linked, [
            "Content/laws/a.md:4:1: warning: this page has no text after its front matter, so it will be empty, and its `link:` is not shown: write a sentence or two below the front matter, with the link in it as [text](https://example.org/law) [content/empty-page]",
        ])
    }

    func testPagesThatListOthersOrAreNotBuiltMayHaveNoBody() {
        for path in ["index.md", "index.es.md", "laws/_index.md", "laws/index.md", "laws/_index.es.md"] {
            XCTAssertEqual(parse("---\ntitle: Laws\n---\n", path: path).1, [], path)
        }
        XCTAssertEqual(parse("---\ntitle: Laws\ndraft: true\n---\n").1, [])
        XCTAssertEqual(parse("---\ntitle: Later\n---\n", path: "laws/more/index.md").1, [
            "Content/laws/more/index.md:3:1: warning: this page has no text after its front matter, so it will be empty: write what readers should know below the front matter [content/empty-page]",
        ])
    }

    /// Found from the headings the Markdown gave, as one finding: not also "start at ##".
    func testAFirstHeadingThatRepeatsTheTitle() {
        func headingFindings(_ body: String) -> [String] {
            Build(options: BuildOptions(pdf: .off), io: .memory([
                "Content/laws/a.md": "---\ntitle: \"Relief: what to know\"\nsummary: S.\n---\n" + body,
            ])).run(write: false).diagnostics.all.map(\.description).filter { $0.contains("heading") }
        }
        XCTAssertEqual(headingFindings("\n  # *Relief*:  what to KNOW ##\n\nText\n"), [
            "Content/laws/a.md:6:3: warning: this heading repeats the page's title, which the page shows above it already: remove the `#` line, or change it to say something new [content/repeated-title]",
        ])
        // Another first heading is the heading-order finding it was; a `##`, a `#` in code, or `#tag` are not the title again.
        XCTAssertEqual(headingFindings("# Overview\n\n# Relief: what to know\n").count, 2)
        XCTAssertFalse(headingFindings("# Overview\n\n# Relief: what to know\n").contains { $0.contains("repeated-title") })
        for body in ["## Relief: what to know\n", "```\n# Relief: what to know\n```\n", "#Relief: what to know\n", "    # Relief: what to know\n"] {
            XCTAssertEqual(headingFindings(body), [], body)
        }
    }

    // MARK: TOML

    func testTOMLFrontMatterIsReadLikeYAML() {
        let (page, problems) = parse("""
        +++
        # Moved from Hugo
        title = "Vacating a conviction: PC \\u00A7 1473.7"
        summary = 'A motion to erase C:\\path-like text.'
        date = 2024-03-05T10:00:00-08:00
        reviewed = 2026-11-20
        tags = ["vacatur", 'motions',]
        categories = [
          "relief", # a comment
        ]
        draft = false
        weight = 3
        handout = true   # printable
        +++
        Body line
        """)
        XCTAssertEqual(problems, [
            "Content/laws/a.md:8:1: warning: unknown front-matter key 'categories' is ignored: did you mean `tags`? [front-matter/unknown-key]",
        ])
        let fm = page.frontMatter
        XCTAssertEqual(fm.title, "Vacating a conviction: PC § 1473.7")
        XCTAssertEqual(fm.summary, "A motion to erase C:\\path-like text.")
        XCTAssertEqual(fm.date, Day("2024-03-05"))
        XCTAssertEqual(fm.reviewed, Day("2026-11-20"))
        XCTAssertEqual(fm.tags, ["vacatur", "motions"])
        XCTAssertEqual(fm.draft, false)
        XCTAssertEqual(fm.handout, true)
        XCTAssertEqual(fm.weight, 3)
        XCTAssertTrue(fm.isTOML)
        XCTAssertEqual(page.body, "Body line")
        XCTAssertEqual(page.bodyLineOffset, 14)
    }

    func testTOMLValuesAreCheckedWhereTheyAreWritten() {
        let (page, problems) = parse("+++\ntitle = \"\"\"\nTwo \\\n   lines\"\"\"\ndate = 1979-05-27 07:32:00Z\ndraft = \"true\"\nweight = 1.5\n+++\nText\n")
        XCTAssertEqual(page.frontMatter.title, "Two lines")
        XCTAssertEqual(page.frontMatter.date, Day("1979-05-27"))
        XCTAssertEqual(problems, [
            "Content/laws/a.md:6:9: error: 'draft' must be true or false",
            "Content/laws/a.md:7:10: error: 'weight' must be a whole number",
        ])
    }

    func testTOMLThatBroadsideCannotReadSaysWhatToDo() {
        let cases: [(String, String)] = [
            ("+++\ntitle = \"Law\"\n\n[params]\nauthor = \"Ana\"\n+++\nText\n",
             "Content/laws/a.md:4:1: error: TOML front matter: a table header ('[params]') groups the keys after it, which Broadside's front matter has no use for: write Broadside's keys as `key = value` lines above it, or convert the front matter to YAML between `---` lines"),
            ("+++\ntitle = \"Law\"\n[[menu.main]]\n+++\n",
             "Content/laws/a.md:3:1: error: TOML front matter: an array of tables ('[[menu.main]]') groups the keys after it, which Broadside's front matter has no use for: write Broadside's keys as `key = value` lines above it, or convert the front matter to YAML between `---` lines"),
            ("+++\ntitle = Law\n+++\n",
             "Content/laws/a.md:2:9: error: TOML front matter: the value of 'title' is not a TOML value: put text in quotes, like title = \"Law\""),
            ("+++\ntitle: \"Law\"\n+++\n",
             "Content/laws/a.md:2:6: error: TOML front matter: expected `=` after the key 'title': write key = value, one to a line"),
            ("+++\nparams.author = \"Ana\"\n+++\n",
             "Content/laws/a.md:2:7: error: TOML front matter: a dotted key ('params.…') makes a table, which Broadside's front matter has no use for: write `key = value` with a plain key, or convert the front matter to YAML between `---` lines"),
            ("+++\nevent = { start = \"2027-01-01 18:00\" }\n+++\n",
             "Content/laws/a.md:2:9: error: TOML front matter: 'event' is an inline table ({ … }), which Broadside's front matter has no use for: convert the front matter to YAML between `---` lines"),
            ("+++\ntitle = \"Law\nsummary = \"x\"\n+++\n",
             "Content/laws/a.md:2:9: error: TOML front matter: this text is not closed on its line: end it with \""),
            ("+++\ntags = [\"a\", \"b\"\ntitle = \"Law\"\n+++\n",
             "Content/laws/a.md:3:1: error: TOML front matter: expected `,` or `]` after an item of 'tags': write the list as [\"one\", \"two\"]"),
            ("+++\ntitle = \"Law\" \"again\"\n+++\n",
             "Content/laws/a.md:2:15: error: TOML front matter: more follows the value of 'title' on its line: write one `key = value` to a line, and text in quotes"),
            ("+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n",
             "Content/laws/a.md:3:1: error: TOML front matter: the key 'title' appears more than once: keep one"),
            ("+++\ntitle = \"C:\\path\"\n+++\n",
             "Content/laws/a.md:2:12: error: TOML front matter: '\\p' is not a TOML escape: write \\\\ for a backslash, or use 'single quotes', which take text as written"),
            ("+++\ntitle = \"Law\"\n",
             "Content/laws/a.md:1:1: error: front matter starts with '+++' but never ends: add a line with only '+++' after the last key"),
        ]
        for (text, message) in cases {
            XCTAssertEqual(parse(text).1, [message], text)
        }
    }

    /// Cut anywhere, front matter is read or reported, never a crash: every prefix of TOML
    /// with each construct, and of the front-matter lines the other checks read.
    func testEveryPrefixIsReadOrReported() {
        let samples = [
            #"""
            +++
            title = "A \u00E9 \" b" # c
            s = '''
            x'''
            t = """
              y \
               z"""""
            tags = [
             'a', # c
             "b",
            ]
            date = 1979-05-27 07:32:00.5-07:00
            n = -1_000
            [x]
            +++
            # Title
            """#,
            "---\ntitle: Relief: what to know\ndate: 2024-03-05T10:00:00-08:00\nlink: https://a.org\n---\n```\n# Relief\n```\n  # Relief: what to know #\n",
        ]
        for sample in samples {
            let scalars = Array(sample.unicodeScalars)
            for end in 0...scalars.count {
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars[..<end])
                _ = parse(text)
            }
        }
        // The whole TOML sample reads up to its table, which is the one error.
        XCTAssertEqual(parse(samples[0]).1, [
            "Content/laws/a.md:14:1: error: TOML front matter: a table header ('[x]') groups the keys after it, which Broadside's front matter has no use for: write Broadside's keys as `key = value` lines above it, or convert the front matter to YAML between `---` lines",
        ])
        let read = TOMLFrontMatter.entries(String(samples[0].dropFirst(4).components(separatedBy: "[x]")[0]), path: "a", lineOffset: 1, diagnostics: &ignored)
        XCTAssertEqual(ignored.all.map(\.description), [])
        XCTAssertEqual(read?.map { $0.key.text ?? "" }, ["title", "s", "t", "tags", "date", "n"])
        XCTAssertEqual(read?.map { $0.value.text ?? $0.value.list?.compactMap(\.text).joined(separator: "|") ?? "" },
                       ["A é \" b", "x", "  y z\"\"", "a|b", "1979-05-27 07:32:00.5-07:00", "-1_000"])
    }

    private var ignored = Diagnostics()

    func testTOMLBetweenYAMLFencesSaysToChangeTheFences() {
        XCTAssertEqual(parse("---\ntitle = \"Law\"\ntags = [\n  \"a\",\n]\ndraft = false\n---\nText\n").1, [
            "Content/laws/a.md:2:1: error: front matter: this is TOML (`key = value`), which goes between `+++` lines: change both `---` lines to `+++`, or write each line as `key: value`",
        ])
    }

    /// A TOML page that could not be read says why, not that it has no title; one read
    /// without a title is told to add it in TOML.
    func testATOMLPageWithoutATitleIsToldInTOML() {
        let unreadable = Build(options: BuildOptions(pdf: .off), io: .memory([
            "Site/site.yml": "checks:\n  site/base-url: off\n",
            "Content/a.md": "+++\n[params]\ntitle = \"A\"\n+++\nText\n",
            "Content/b.md": "+++\nsummary = \"B.\"\n+++\nText\n",
        ])).run(write: false)
        XCTAssertEqual(unreadable.diagnostics.sorted.map(\.description), [
            "Content/a.md:2:1: error: TOML front matter: a table header ('[params]') groups the keys after it, which Broadside's front matter has no use for: write Broadside's keys as `key = value` lines above it, or convert the front matter to YAML between `---` lines",
            "Content/b.md:1:1: error: this page has no title: add `title = \"…\"` to its front matter",
        ])
    }
}
