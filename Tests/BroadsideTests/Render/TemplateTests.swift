@testable import Broadside
import XCTest

/// Broadside's Mustache: what a theme's template renders, including the whitespace rules
/// themes written for swift-mustache rely on, and the messages a broken template gets.
final class TemplateTests: XCTestCase {
    private func render(_ text: String, _ values: TemplateFields, partials: [String: String] = [:],
                        file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            var templates = ["main": try Template(text)]
            for (name, partial) in partials { templates[name] = try Template(partial) }
            return String(decoding: TemplateRenderer.render("main", templates: templates, values: .object(values)), as: UTF8.self)
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return ""
        }
    }

    private func failure(_ text: String) -> String {
        do {
            _ = try Template(text)
            return "no error"
        } catch {
            return "\(error.line):\(error.column): \(error.message)"
        }
    }

    func testValuesAreEscapedUnlessTripled() {
        let values: TemplateFields = ["name": "Ana & <Luis> \"q\" 'a'"]
        XCTAssertEqual(render("{{name}}|{{{name}}}|{{& name}}|{{ name }}", values),
                       "Ana &amp; &lt;Luis&gt; &quot;q&quot; &#39;a&#39;|Ana & <Luis> \"q\" 'a'|Ana & <Luis> \"q\" 'a'|Ana &amp; &lt;Luis&gt; &quot;q&quot; &#39;a&#39;")
        XCTAssertEqual(render("[{{missing}}]{{flag}}", ["flag": true]), "[]true")
    }

    /// A page's body comes as HTML bytes (`TemplateValue.html`): shown as text is, as it is
    /// when tripled, escaped when not, and as `.` inside a section over it.
    func testHTMLBytesShowAsTextDoes() {
        let values: TemplateFields = ["body": .html(Array("<p>Ana &amp; Luis</p>".utf8))]
        XCTAssertEqual(render("{{{body}}}|{{body}}|{{#body}}[{{{.}}}]{{/body}}{{^body}}none{{/body}}", values),
                       "<p>Ana &amp; Luis</p>|&lt;p&gt;Ana &amp;amp; Luis&lt;/p&gt;|[<p>Ana &amp; Luis</p>]")
    }

    /// How `base` shows a page: `main` names the page's template, which renders where it is
    /// shown with the values the rendering began with, not those of a section around it.
    func testATemplateValueRendersInPlaceWithTheOuterValues() {
        let values: TemplateFields = ["main": .template("page"), "title": "Bars & relief", "nav": [["title": "Guides"]]]
        let page = "<h1>{{title}}</h1>{{{main}}}"
        XCTAssertEqual(render("<main>{{{main}}}</main>", values, partials: ["page": page]), "<main><h1>Bars &amp; relief</h1></main>",
                       "the page cannot show itself")
        XCTAssertEqual(render("{{#nav}}{{{main}}}{{/nav}}", values, partials: ["page": page]), "<h1>Bars &amp; relief</h1>")
        XCTAssertEqual(render("{{main}}", values, partials: ["page": page]), "&lt;h1&gt;Bars &amp;amp; relief&lt;/h1&gt;")
        XCTAssertEqual(render("[{{{main}}}]", ["main": .template("gone")]), "[]")
        XCTAssertEqual(render("[{{{main}}}]", values, partials: ["page": "{{^main}}no main here{{/main}}{{#main}}main{{/main}}"]), "[no main here]",
                       "inside the page, `main` is not there, as when pages were rendered on their own first")
    }

    /// A section's pages share their chrome: a template is rendered ahead with the shared
    /// values, and each page renders only the pieces that look up names of its own. Whichever
    /// names are shared and whichever a page adds or changes, a page comes out as it would
    /// rendered whole.
    func testATemplateRenderedAheadWithSharedValuesMakesWhatTheWholeMakes() {
        let names: [(String, TemplateValue)] = [
            ("lang", "en"), ("nav", [["title": "Guides", "current": true], ["title": "Laws"]]), ("site", ["title": "Toolkit"]),
            ("t", ["skip": "Skip"]), ("title", "Bars & relief"), ("main", .template("page")), ("handout", ["url": "h.pdf"]),
            ("hasToc", false), ("note", "the page's"),
        ]
        let template = """
            <html lang="{{lang}}">
              {{> head}}
            {{#nav}}<a{{#current}} aria-current="page"{{/current}}>{{title}}</a> {{note}}
            {{/nav}}
            {{site.title}} {{^handout}}no handout{{/handout}}{{#handout}}<a href="{{url}}">{{/handout}}
            <main>{{{main}}}</main>[{{.}}]{{#hasToc}}toc{{/hasToc}}{{^hasToc}}no toc{{/hasToc}}{{^note}}-{{/note}}{{#.}}{{.note}}{{/.}}
            </html>
            """
        let partials = ["head": "<title>{{title}} · {{site.title}}</title>\n<meta charset=\"utf-8\">\n", "page": "<h1>{{title}}</h1>{{t.skip}}"]
        for split in 0...names.count {
            var whole = TemplateFields()
            for (name, value) in names { whole[name] = value }
            var shared = TemplateFields()
            for (name, value) in names.prefix(split) { shared[name] = value }
            shared.share()
            var page = shared
            for (name, value) in names.dropFirst(split) { page[name] = value }
            XCTAssertNotNil(page.shared, "adding names keeps what the values began as")
            XCTAssertEqual(render(template, page, partials: partials), render(template, whole, partials: partials), "\(split) names shared")
            for (name, _) in names.prefix(split) {
                var changed = page, wholeChanged = whole
                changed[name] = "changed"
                wholeChanged[name] = "changed"
                XCTAssertNil(changed.shared, "changing a shared name (\(name)) renders the page whole")
                XCTAssertEqual(render(template, changed, partials: partials), render(template, wholeChanged, partials: partials))
            }
        }
    }

    func testTwoDotsStandForTheCurrentValueAsOneDoes() {
        XCTAssertEqual(render("{{#list}}<{{..}}|{{.}}>{{/list}}[{{..}}]", ["list": ["a", "b"]]), "<a|a><b|b>[]")
    }

    func testDottedNamesAndTheCurrentValue() {
        let values: TemplateFields = ["site": ["title": "Toolkit", "org": ["name": "Clinic"]], "list": ["a", "b"]]
        XCTAssertEqual(render("{{site.title}}/{{site.org.name}}/{{site.nothing.name}}", values), "Toolkit/Clinic/")
        XCTAssertEqual(render("{{#list}}<{{.}}>{{/list}}", values), "<a><b>")
    }

    func testSections() {
        let values: TemplateFields = [
            "title": "Page", "yes": true, "no": false, "none": [], "text": "words",
            "items": [["title": "One"], ["title": "Two", "summary": "Second"], ["summary": false]],
        ]
        XCTAssertEqual(render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#none}}E{{/none}}{{#missing}}M{{/missing}}", values), "Y")
        XCTAssertEqual(render("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^none}}E{{/none}}{{^missing}}M{{/missing}}{{^text}}T{{/text}}", values), "NEM")
        XCTAssertEqual(render("{{#text}}({{.}}){{/text}}", values), "(words)")
        // A name missing from an item is looked up outside it; `false` stops the lookup.
        XCTAssertEqual(render("{{#items}}[{{title}}{{#summary}}: {{summary}}{{/summary}}]{{/items}}", values),
                       "[One][Two: Second][Page]")
        XCTAssertEqual(render("{{#items}}{{.title}},{{/items}}", values), "One,Two,,")
    }

    func testTagsAloneOnTheirLinesLeaveNoLine() {
        let template = """
        <ul>
          {{#items}}
          <li>{{.}}</li>
          {{/items}}
          {{! a comment }}
        </ul>
        {{^items}}
        none
        {{/items}}
        """
        XCTAssertEqual(render(template, ["items": ["a", "b"]]), "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        // Not alone: the line and its blanks stay.
        XCTAssertEqual(render("a {{#yes}}\nb{{/yes}} c\n", ["yes": true]), "a \nb c\n")
    }

    func testPartialsAreIndentedAsSwiftMustacheIndentsThem() {
        let partials = ["list": "<ul>\n{{#items}}\n<li>{{.}}</li>\n{{/items}}\n</ul>\n"]
        let output = render("<main>\n  {{> list}}\n</main>\n", ["items": ["a", "b"]], partials: partials)
        // The first line follows the indentation before the tag, the partial's later lines get
        // it too; each item of a list starts its own piece of output, so the items after the
        // first are not indented (swift-mustache's rule, which themes were written against).
        XCTAssertEqual(output, "<main>\n  <ul>\n  <li>a</li>\n<li>b</li>\n  </ul>\n</main>\n")
        XCTAssertEqual(render("<p>{{> inline}}</p>", ["x": "1"], partials: ["inline": "[{{x}}]"]), "<p>[1]</p>")
        XCTAssertEqual(render("a{{> nothing}}b", [:]), "ab")
    }

    func testDelimitersCanChange() {
        XCTAssertEqual(render("{{=<% %>=}}\n<% name %> {{name}} <%={{ }}=%>{{name}}", ["name": "x"]), "x {{name}} x")
        // Set inside a section, they hold until it closes.
        XCTAssertEqual(render("{{#yes}}{{=<% %>=}}<% name %><%/yes%>{{name}}", ["yes": true, "name": "x"]), "xx")
    }

    /// Where swift-mustache's rules are particular, themes written for it render the same.
    func testEdgesOfLinesAsSwiftMustacheHasThem() {
        // Blanks after a tag at the very end: not a line of its own, so they stay.
        XCTAssertEqual(render("{{#yes}}a\n{{/yes}}  ", ["yes": true]), "a\n  ")
        // Windows line ends: a partial's later lines are not indented after "\r\n".
        XCTAssertEqual(render("<div>\r\n  {{> list}}\r\n</div>", [:], partials: ["list": "<ul>\r\n</ul>\r\n"]),
                       "<div>\r\n  <ul>\r\n</ul>\r\n</div>")
    }

    func testBrokenTemplatesSayWhereAndWhatToDo() {
        XCTAssertEqual(failure("<h1>{{title}}</h1>\n{{#items}}\n<p>{{title}}</p>\n"),
                       "2:1: {{#items}} is never closed: add {{/items}} where the section ends")
        XCTAssertEqual(failure("a\n  é {{/items}}"),
                       "2:5: {{/items}} closes a section that is not open: remove it, or add {{#items}} where the section starts")
        XCTAssertEqual(failure("{{#a}}\n{{#b}}\n{{/a}}"),
                       "3:1: {{/a}} does not close {{#b}} from line 2: close {{#b}} first, with {{/b}}")
        XCTAssertEqual(failure("x\n{{title"), "2:1: a tag is not closed with }}")
        XCTAssertEqual(failure("{{! never closed"), "1:1: a tag is not closed with }}")
        XCTAssertEqual(failure("{{}}"), "1:1: a tag has no name: write {{name}}")
        XCTAssertEqual(failure("{{=<%>=}}"), "1:1: {{= … =}} sets two delimiters, as in {{=<% %>=}}")
        XCTAssertEqual(failure("{{<base}}{{/base}}"),
                       "1:1: {{<…}} is not supported: Broadside's templates have sections, partials ({{> name}}) and values")
    }

    func testPartialsAreListedWithTheirPlace() throws {
        let template = try Template("a\n  {{> one}}\n{{#x}}{{>two}}{{/x}}")
        XCTAssertEqual(template.partials.map { "\($0.name)@\($0.line):\($0.column)" }, ["one@2:3", "two@3:7"])
        do {
            _ = try Template("{{> kept}}\n{{#open}}")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.partials.map(\.name), ["kept"])
        }
    }
}
