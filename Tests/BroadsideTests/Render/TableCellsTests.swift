@testable import Broadside
import BroadsideTestSupport
import XCTest

/// What readers see of a mixed table: text cells as safe Markdown with checked links, sources
/// as numbered marks, numbers in the page's language, and a quick check of coded columns only.
final class TableCellsTests: XCTestCase {
    private func build(_ files: [String: String]) -> Build.Result {
        TestSite([
            "Site/site.yml": "language: en\nlanguages:\n  es: Español\nchecks:\n  site/base-url: off\n  translations/missing: off\n",
            "Content/index.md": "---\ntitle: Home\n---\n",
            "Content/laws/asylum.md": "---\ntitle: Asylum\nsummary: Asylum.\n---\nAsylum protects people from persecution.\n",
        ].merging(files) { $1 }).build()
    }

    /// The part of `html` from `start` to the first `end` after it.
    private func part(_ html: String, from start: String, to end: String) throws -> String {
        let from = try XCTUnwrap(html.range(of: start), "no \(start)")
        let to = try XCTUnwrap(html.range(of: end, range: from.upperBound..<html.endIndex), "no \(end)")
        return String(html[from.lowerBound..<to.upperBound])
    }

    private let mixed: [String: String] = [
        "Content/data/bars.md": "---\ntitle: Bars\nsummary: Bars.\n---\n## Chart\n\n```table\nsrc: bars.csv\n```\n",
        "Content/data/bars.csv": """
        Relief,Law,Felony,Drugs,Source
        Asylum,"*INA* § 208, see [the summary](../laws/asylum.md)",bar,no bar,https://www.law.cornell.edu/uscode/text/8/1158
        TPS,https://www.ecfr.gov/current/title-8/section-244.4,no bar,bar,https://www.law.cornell.edu/uscode/text/8/1254a https://www.law.cornell.edu/uscode/text/8/1158
        """,
        "Content/data/bars.yml": """
        text: [Law]
        sources: Source
        legend:
          bar: {label: Bars it, symbol: "✖", style: bar}
          no bar: {label: No bar, symbol: "✓", style: ok}
        quick_check: true
        """,
    ]

    func testAMixedTableShowsTextAsMarkdownAndSourcesAsMarks() throws {
        let result = build(mixed)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let html = try result.page("data/bars/index.html")
        XCTAssertEqual(try part(html, from: "<thead>", to: "</tbody>"), """
        <thead>
        <tr><th scope="col">Relief</th><th scope="col">Law</th><th scope="col">Felony</th><th scope="col">Drugs</th></tr>
        </thead>
        <tbody>
        <tr><th scope="row"><span class="row-name">Asylum</span><sup class="source-ref"><a href="#table-bars-source-1" aria-label="Source 1">[1]</a></sup></th><td><em>INA</em> § 208, see <a href="../../laws/asylum/index.html">the summary</a></td><td class="value-bar" data-style="bar"><span class="symbol" aria-hidden="true">✖</span>&nbsp;Bars it</td><td class="value-ok" data-style="ok"><span class="symbol" aria-hidden="true">✓</span>&nbsp;No bar</td></tr>
        <tr><th scope="row"><span class="row-name">TPS</span><sup class="source-ref"><a href="#table-bars-source-2" aria-label="Source 2">[2]</a></sup><sup class="source-ref"><a href="#table-bars-source-1" aria-label="Source 1">[1]</a></sup></th><td><a class="address" href="https://www.ecfr.gov/current/title-8/section-244.4">https://www.ecfr.gov/current/title-8/section-244.4</a></td><td class="value-ok" data-style="ok"><span class="symbol" aria-hidden="true">✓</span>&nbsp;No bar</td><td class="value-bar" data-style="bar"><span class="symbol" aria-hidden="true">✖</span>&nbsp;Bars it</td></tr>
        </tbody>
        """)
        XCTAssertEqual(try part(html, from: "<div class=\"table-sources\">", to: "</div>"), """
        <div class="table-sources">
        <p class="legend-title" id="table-bars-sources">Sources</p>
        <ol aria-labelledby="table-bars-sources">
        <li id="table-bars-source-1"><a href="https://www.law.cornell.edu/uscode/text/8/1158">https://www.law.cornell.edu/uscode/text/8/1158</a></li>
        <li id="table-bars-source-2"><a href="https://www.law.cornell.edu/uscode/text/8/1254a">https://www.law.cornell.edu/uscode/text/8/1254a</a></li>
        </ol>
        </div>
        """)
        // The text column is no choice of the quick check; a box names its column among those shown.
        XCTAssertEqual(try part(html, from: "<fieldset>", to: "</ul>"), """
        <fieldset>
        <legend>What is in the record? Tick every kind that applies.</legend>
        <ul role="list">
        <li><label><input type="checkbox" value="2"> Felony</label></li>
        <li><label><input type="checkbox" value="3"> Drugs</label></li>
        </ul>
        """)
    }

    /// The script finds a row's cells by their place among the columns shown, which the hidden
    /// source column must not shift.
    func testTheQuickCheckNamesColumnsByTheirPlaceOnThePage() throws {
        var files = mixed
        files["Content/data/bars.csv"] = """
        Law,Relief,Source,Felony
        INA § 208,Asylum,https://www.law.cornell.edu/uscode/text/8/1158,bar
        """
        files["Content/data/bars.yml"] = "key: Relief\ntext: [Law]\nsources: Source\nlegend: {bar: {label: Bars it, style: bar}}\nquick_check: true\n"
        let html = try build(files).page("data/bars/index.html")
        XCTAssertTrue(html.contains("data-key-column=\"1\""), html)
        XCTAssertTrue(html.contains("<li><label><input type=\"checkbox\" value=\"2\"> Felony</label></li>\n</ul>"), html)
        XCTAssertTrue(html.contains("<tr><td>INA § 208</td><th scope=\"row\"><span class=\"row-name\">Asylum</span>"), html)
    }

    func testATranslationGivesTextCellsTheirWordsAndNeedNotGiveAll() throws {
        var files = mixed
        files["Content/data/bars.es.md"] = "---\ntitle: Impedimentos\nsummary: Impedimentos.\n---\n## Tabla\n\n```table\nsrc: bars.csv\n```\n"
        files["Content/data/bars.es.yml"] = """
        columns: {Relief: Alivio, Law: Ley, Felony: Delito grave, Drugs: Drogas}
        legend: {bar: Lo impide, no bar: No lo impide}
        rows: {Asylum: Asilo, TPS: TPS}
        cells:
          "*INA* § 208, see [the summary](../laws/asylum.md)": "*INA* § 208, vea [el resumen](../laws/asylum.md)"
          INA § 999: nada
        """
        let result = build(files)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [
            "Content/data/bars.es.yml:6:3: warning: 'INA § 999' is not a text cell of Content/data/bars.csv, so it translates nothing: copy it exactly from the data",
        ])
        let html = try result.page("es/data/bars/index.html")
        XCTAssertTrue(html.contains("<td><em>INA</em> § 208, vea <a href=\"../../../laws/asylum/index.html\">el resumen</a></td>"), html)
        XCTAssertTrue(html.contains("<td><a class=\"address\" href=\"https://www.ecfr.gov/current/title-8/section-244.4\">"), "an untranslated cell shows as the data has it")
    }

    func testLinksInTextCellsFollowTheRuleForLinksInPages() throws {
        var files = mixed
        files["Content/data/bars.csv"] = """
        Relief,Law,Felony,Drugs,Source
        Asylum,[x](javascript:alert(1)) and <b>bold</b>,bar,no bar,
        TPS,[gone](../laws/gone.md),no bar,bar,
        """
        let result = build(files)
        XCTAssertEqual(result.diagnostics.all.map(\.description).sorted(), [
            "Content/data/bars.csv:2:8: error: link 'javascript:alert(1)': 'javascript:' addresses are not allowed; use https:, http:, mailto:, tel: or a path inside the site (shown on Content/data/bars.md) [safety/url]",
            "Content/data/bars.csv:2:8: warning: raw HTML '<b>' is left out of the page: write it in Markdown, or set raw_html: true in Site/site.yml if every author of the site is trusted (shown on Content/data/bars.md) [markdown/raw-html]",
            "Content/data/bars.csv:3:5: error: broken link: '../laws/gone.md' does not match any page or file in the content folder (shown on Content/data/bars.md) [links/broken]",
        ])
        let html = try result.page("data/bars/index.html")
        XCTAssertFalse(html.contains("javascript:"), "an address the site does not allow is left out")
        XCTAssertFalse(html.contains("<b>"), "author HTML stays out")
    }

    private let numbers: [String: String] = [
        "Content/data/money.md": "---\ntitle: Money\nsummary: Money.\n---\n```table\nsrc: money.csv\n```\n",
        "Content/data/money.es.md": "---\ntitle: Dinero\nsummary: Dinero.\n---\n```table\nsrc: money.csv\n```\n",
        "Content/data/money.csv": """
        Year,Removals,Share,Budget,Euros,Rate,Since,Raw,Ratio
        2019,1470925.0,12.5,1200,3.5,0.4567,2019-01-05,3.0,3.14159
        2020,"2,500",-0.5,99.5,1000,-0.04,2020-11-20,12.25,-0.001
        """,
        "Content/data/money.yml": """
        columns:
          Removals: {format: number}
          Share: {format: percent}
          Budget: {format: currency}
          Euros: {format: "currency:EUR"}
          Rate: {label: Rate (%), format: "percent:1"}
          Since: {format: date}
          Ratio: {format: "number:2"}
        """,
    ]

    private func bodyRows(_ html: String) throws -> [String] {
        try part(html, from: "<tbody>", to: "</tbody>").split(separator: "\n").filter { $0.hasPrefix("<tr>") }.map(String.init)
    }

    func testNumbersAndDatesInEnglish() throws {
        let result = build(numbers)
        XCTAssertEqual(result.diagnostics.all.map(\.description), [])
        let html = try result.page("data/money/index.html")
        XCTAssertEqual(try bodyRows(html), [
            "<tr><th scope=\"row\">2019</th><td class=\"number\">1,470,925</td><td class=\"number\">12.5%</td><td class=\"number\">$1,200.00</td><td class=\"number\">€3.50</td><td class=\"number\">0.5%</td><td>January 5, 2019</td><td class=\"number\">3</td><td class=\"number\">3.14</td></tr>",
            "<tr><th scope=\"row\">2020</th><td class=\"number\">2,500</td><td class=\"number\">−0.5%</td><td class=\"number\">$99.50</td><td class=\"number\">€1,000.00</td><td class=\"number\">0.0%</td><td>November 20, 2020</td><td class=\"number\">12.25</td><td class=\"number\">0.00</td></tr>",
        ])
        XCTAssertTrue(html.contains("<th scope=\"col\" class=\"number\">Removals</th>"), "a number column's header sits over its digits")
    }

    func testNumbersAndDatesInSpanish() throws {
        let result = build(numbers)
        let html = try result.page("es/data/money/index.html")
        XCTAssertEqual(try bodyRows(html), [
            "<tr><th scope=\"row\">2019</th><td class=\"number\">1.470.925</td><td class=\"number\">12,5\u{A0}%</td><td class=\"number\">1200,00\u{A0}$</td><td class=\"number\">3,50\u{A0}€</td><td class=\"number\">0,5\u{A0}%</td><td>5 de enero de 2019</td><td class=\"number\">3</td><td class=\"number\">3,14</td></tr>",
            "<tr><th scope=\"row\">2020</th><td class=\"number\">2500</td><td class=\"number\">−0,5\u{A0}%</td><td class=\"number\">99,50\u{A0}$</td><td class=\"number\">1000,00\u{A0}€</td><td class=\"number\">0,0\u{A0}%</td><td>20 de noviembre de 2020</td><td class=\"number\">12,25</td><td class=\"number\">0,00</td></tr>",
        ])
    }

    /// A column of numbers with no format keeps what the author typed where it carries meaning:
    /// a code's leading zero, and separators, and drops only a `.0`.
    func testNumbersWithoutAFormatKeepTheirLeadingZerosAndSeparators() throws {
        let result = build([
            "Content/data/_index.md": "---\ntitle: Data\nsummary: Tables.\n---\n",
            "Content/data/codes.md": "---\ntitle: Codes\nsummary: County codes.\n---\n\n```table\nsrc: codes.csv\n```\n",
            "Content/data/codes.csv": "County,Code,Removals,Share\nAlameda,06001,\"1,470,925\",2.0\nAlpine,06003,12,0.5\n",
        ])
        XCTAssertEqual(result.diagnostics.all.filter { $0.severity == .error }.map(\.description), [])
        XCTAssertEqual(try bodyRows(try result.page("data/codes/index.html")), [
            "<tr><th scope=\"row\">Alameda</th><td class=\"number\">06001</td><td class=\"number\">1,470,925</td><td class=\"number\">2</td></tr>",
            "<tr><th scope=\"row\">Alpine</th><td class=\"number\">06003</td><td class=\"number\">12</td><td class=\"number\">0.5</td></tr>",
        ])
    }

    /// A page that asks for a quick check its table cannot give is told why, at the option.
    func testAQuickCheckWithoutACodedColumnIsAnErrorAtTheBlock() throws {
        let result = build([
            "Content/data/_index.md": "---\ntitle: Data\nsummary: Tables.\n---\n",
            "Content/data/codes.md": "---\ntitle: Codes\nsummary: County codes.\n---\n\n```table\nsrc: codes.csv\nquick_check: true\n```\n",
            "Content/data/codes.csv": "County,Code\nAlameda,06001\n",
        ])
        XCTAssertEqual(result.diagnostics.all.filter { $0.severity == .error }.map(\.description), [
            "Content/data/codes.md:8:14: error: 'quick_check' cannot be shown here: it needs a `legend` in Content/data/codes.yml that says which values bar relief",
        ])
    }

    /// `check --external` lists the addresses in tables too: text cells' links and sources.
    func testTablesGiveTheirAddressesToTheExternalLinkList() throws {
        let links = try XCTUnwrap(build(mixed).model?.tableLinks).map { "\($0.location) \($0.url)" }.sorted()
        XCTAssertEqual(links, [
            "Content/data/bars.csv:2:71 https://www.law.cornell.edu/uscode/text/8/1158",
            "Content/data/bars.csv:3:5 https://www.ecfr.gov/current/title-8/section-244.4",
            "Content/data/bars.csv:3:67 https://www.law.cornell.edu/uscode/text/8/1158",
            "Content/data/bars.csv:3:67 https://www.law.cornell.edu/uscode/text/8/1254a",
        ])
    }
}
