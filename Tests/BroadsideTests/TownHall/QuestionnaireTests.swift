@testable import Broadside
import BroadsideTestSupport
import XCTest

/// Candidate questionnaires: the comparison page shows every candidate and question the same
/// way, each candidate has a page, and every answer that does not fit is reported where it is.
final class QuestionnaireTests: XCTestCase {
    static let questionnaire = """
        office: District Attorney
        election: 2027-06-08
        collected: 2026-11-30
        answers: answers.csv
        questions:
          - id: plea-policy
            text: Will you write a plea policy?
            scale: [yes, partly, no, declined]
            translations:
              es: ¿Escribirá una política?
          - id: data
            text: What data will you publish?
        candidates:
          - name: Ada Example
          - name: Bo Sample
          - name: Cy Placeholder
            responded: false
        translations:
          es:
            office: Fiscal de distrito

        """
    static let answers = """
        candidate,question,answer,quote,source,date
        Ada Example,plea-policy,yes,"We will publish it.",https://example.org/ada,2026-11-20
        Ada Example,data,Charges by race,,,
        Bo Sample,plea-policy,declined,,,2026-11-21

        """

    private func build(questionnaire: String = questionnaire, answers: String = answers, _ more: [String: String] = [:]) -> Build.Result {
        TestSite([
            "Site/site.yml": "language: en\nlanguages:\n  es: Español\nbase_url: https://kit.example.org/\norganization:\n  name: Test Coalition\nchecks:\n  translations/missing: off\n",
            "Content/index.md": "---\ntitle: Home\n---\nSee [the answers](elections/da.questionnaire.yml).\n",
            "Content/index.es.md": "---\ntitle: Inicio\n---\nVea [las respuestas](elections/da.questionnaire.yml).\n",
            "Content/elections/_index.md": "---\ntitle: Elections\nsummary: Who is running.\n---\n",
            "Content/elections/da.questionnaire.yml": questionnaire,
            "Content/elections/answers.csv": answers,
        ].merging(more) { $1 }).build()
    }

    /// The text of the first element that `start` opens, up to `end`.
    private func part(_ html: String, from start: String, to end: String) throws -> String {
        let from = try XCTUnwrap(html.range(of: start), "no \(start)")
        let to = try XCTUnwrap(html.range(of: end, range: from.upperBound..<html.endIndex), "no \(end)")
        return String(html[from.lowerBound..<to.upperBound])
    }

    func testComparisonShowsEveryCandidateAndQuestionAsMarkAndWord() throws {
        let result = build()
        XCTAssertEqual(result.messages(), [])
        let page = try result.page("elections/da/index.html")
        let table = try part(page, from: "<table>", to: "</table>")
        for name in ["Ada Example", "Bo Sample", "Cy Placeholder"] {
            XCTAssertTrue(table.contains(#"<th scope="col"><a href="#), "a column header per candidate")
            XCTAssertTrue(table.contains(">\(name)</a>"), "\(name) has a column")
        }
        XCTAssertTrue(table.contains(#"<th scope="row">1. Will you write a plea policy?</th>"#))
        XCTAssertTrue(table.contains(#"<th scope="row">2. What data will you publish?</th>"#))
        // Every answer is a word; its mark is hidden from screen readers, which read the word.
        XCTAssertTrue(table.contains(#"<span class="answer-word"><span class="answer-symbol" aria-hidden="true">✓</span> Yes</span>"#))
        XCTAssertTrue(table.contains(#"<span class="answer-word"><span class="answer-symbol" aria-hidden="true">–</span> Declined to answer</span>"#))
        XCTAssertTrue(table.contains(#"<span class="answer-word">Charges by race</span>"#), "an open question's answer, as written")
        // The candidate who sent nothing, and the one who skipped a question, are shown alike.
        XCTAssertEqual(table.components(separatedBy: #"aria-hidden="true">○</span> Did not respond"#).count - 1, 3)
        // The candidate's own words on demand, with the source.
        XCTAssertTrue(table.contains("<summary>In their words"))
        XCTAssertTrue(table.contains("<blockquote><p>We will publish it.</p></blockquote>"))
        XCTAssertTrue(table.contains(#"<a href="https://example.org/ada">Source"#))
        XCTAssertTrue(page.contains("We do not support or oppose any candidate or party."), "the nonpartisan statement")
        XCTAssertTrue(page.contains("Answers collected by Test Coalition; answers were due November 30, 2026."))
        XCTAssertTrue(page.contains(#"href="../../handouts/elections-da-voter-guide"#), "the voter guide is linked")
        XCTAssertTrue(page.contains(#"href="../../elections/answers.csv""#), "the answers are there to download")
        let section = try result.page("elections/index.html")
        XCTAssertTrue(section.contains(#"<a href="../elections/da/index.html">Candidates for District Attorney: their answers</a>"#),
                      "the section lists its questionnaire")
    }

    func testEachCandidateHasAPageWithEveryAnswer() throws {
        let result = build()
        let bo = try result.page("elections/da/bo-sample/index.html")
        XCTAssertTrue(bo.contains("<h1>Bo Sample</h1>"))
        XCTAssertTrue(bo.contains(#"<h2>1. Will you write a plea policy?</h2>"#))
        XCTAssertTrue(bo.contains("Declined to answer"))
        XCTAssertTrue(bo.contains("Did not respond"), "the question Bo skipped")
        XCTAssertTrue(bo.contains(#"<a href="../../../elections/da/ada-example/index.html">Ada Example</a>"#), "the other candidates are linked")
        XCTAssertNotNil(result.site?.texts[Route("elections/da/cy-placeholder/index.html")])
    }

    /// A candidate's address is their name made as a heading's id is: punctuation dropped.
    func testACandidatesAddressIsTheirNameAsAHeadingId() throws {
        let result = build(questionnaire: Self.questionnaire.replacingOccurrences(of: "Cy Placeholder", with: "Cy O'Brien-Smith"))
        XCTAssertEqual(result.messages(), [])
        XCTAssertNotNil(result.site?.texts[Route("elections/da/cy-obrien-smith/index.html")])
    }

    func testTranslationGetsItsOwnPagesAndGuide() throws {
        let result = build()
        let page = try result.page("es/elections/da/index.html")
        XCTAssertTrue(page.contains(#"<th scope="row">1. ¿Escribirá una política?</th>"#))
        // A question without Spanish words is asked in English, and says so.
        XCTAssertTrue(page.contains(#"<th scope="row" lang="en">2. What data will you publish?</th>"#))
        XCTAssertTrue(page.contains("Fiscal de distrito"))
        XCTAssertTrue(page.contains("No respondió"))
        XCTAssertNotNil(result.site?.texts[Route("es/handouts/elections-da-voter-guide/index.html")])
        XCTAssertNotNil(result.site?.texts[Route("handouts/elections-da-voter-guide/index.html")])
        // Links to the questionnaire's file reach the comparison in the page's own language.
        XCTAssertTrue(try result.page("index.html").contains(#"<a href="elections/da/index.html">the answers</a>"#))
        XCTAssertTrue(try result.page("es/index.html").contains(#"<a href="../es/elections/da/index.html">las respuestas</a>"#))
        XCTAssertTrue(page.contains(#"<link rel="alternate" hreflang="en" href="https://kit.example.org/elections/da/">"#), "the English page is its alternate")
    }

    func testMissingQuestionTranslationIsReported() {
        let result = TestSite([
            "Site/site.yml": "language: en\nlanguages:\n  es: Español\nbase_url: https://kit.example.org/\n",
            "Content/index.md": "---\ntitle: Home\n---\n",
            "Content/elections/da.questionnaire.yml": Self.questionnaire,
            "Content/elections/answers.csv": Self.answers,
        ]).build()
        XCTAssertTrue(result.messages().contains(
            "Content/elections/da.questionnaire.yml:12:11: warning: question 'data' has no Español text, so the Español pages ask it in English: add `translations: {es: …}` to it [translations/missing]"),
            "\(result.messages())")
    }

    func testBadAnswersAreReportedAtTheirCells() {
        let answers = """
            candidate,question,answer,quote,source,date
            Ada Exampel,plea-policy,yes,,,
            Ada Example,plea-polcy,yes,,,
            Ada Example,plea-policy,maybe,,,
            Ada Example,plea-policy,yes,"\(String(repeating: "word ", count: 70))",javascript:alert(1),2026-13-01
            Ada Example,plea-policy,no,,,
            Bo Sample,data,,,,

            """
        let result = build(answers: answers)
        XCTAssertEqual(result.messages(), [
            "Content/elections/answers.csv:2:1: error: 'Ada Exampel' is not a candidate in Content/elections/da.questionnaire.yml (did you mean 'Ada Example'?): add them under `candidates:`, or fix the name [questionnaire/unknown-candidate]",
            "Content/elections/answers.csv:3:13: error: there is no question 'plea-polcy' in Content/elections/da.questionnaire.yml (did you mean 'plea-policy'?): use a question's `id:` [questionnaire/unknown-question]",
            "Content/elections/answers.csv:4:25: error: 'maybe' is not an answer to 'plea-policy': write one of yes, partly, no, declined (leave the row out for a candidate who did not answer)",
            "Content/elections/answers.csv:5:1: error: Ada Example already answers 'plea-policy' on line 4: keep one answer per candidate and question",
            "Content/elections/answers.csv:5:29: error: this quote is 349 characters; every candidate gets the same space, at most 300 (`quote_limit:` in Content/elections/da.questionnaire.yml): shorten it, marking cuts with …, and link the full answer in the source column [questionnaire/quote-length]",
            "Content/elections/answers.csv:5:382: error: 'source': 'javascript:' addresses are not allowed; use https:, http:, mailto:, tel: or a path inside the site [safety/url]",
            "Content/elections/answers.csv:5:402: error: '2026-13-01' is not a date: write the day the candidate answered as YYYY-MM-DD",
            "Content/elections/answers.csv:6:1: error: Ada Example already answers 'plea-policy' on line 4: keep one answer per candidate and question",
            "Content/elections/answers.csv:7:16: error: this answer is empty: give the candidate's answer or quote, or leave the row out for a candidate who did not answer",
        ])
    }

    func testBadQuestionnaireFileIsReported() {
        let questionnaire = """
            office: District Attorney
            election: June 2027
            answers: answers.csv
            questions:
              - id: Plea Policy
                text: Will you?
              - id: data
                text: Data?
              - id: data
                txt: Data again?
            candidates:
              - name: Ada Example
              - name: ada example
            colour: blue

            """
        // Pages that link to it find nothing to link to, and say so; the rest is about the file.
        XCTAssertEqual(build(questionnaire: questionnaire).messages().filter { $0.hasPrefix("Content/elections/") }, [
            "Content/elections/da.questionnaire.yml:1:1: error: this questionnaire has no `collected:`: add the day answers were due, like `collected: 2026-03-15`",
            "Content/elections/da.questionnaire.yml:2:11: error: 'election' must be a date written YYYY-MM-DD, like 2026-03-02",
            "Content/elections/da.questionnaire.yml:9:5: error: each question needs an `id:` (a short name the answers CSV uses, like plea-policy) and its `text:`",
            "Content/elections/da.questionnaire.yml:10:5: warning: unknown question key 'txt' is ignored: did you mean `text`?",
            "Content/elections/da.questionnaire.yml:13:11: error: 'ada example' and 'Ada Example' (line 12) would share one page address (ada-example): list each candidate once",
            "Content/elections/da.questionnaire.yml:14:1: warning: unknown questionnaire key 'colour' is ignored (known keys: title, office, election, collected, intro, answers, quote_limit, questions, candidates, translations)",
        ])
    }

    func testAnswersFileMustExistAndHaveTheColumns() {
        var messages = build(questionnaire: Self.questionnaire.replacingOccurrences(of: "answers: answers.csv", with: "answers: missing.csv")).messages()
        XCTAssertTrue(messages.contains("Content/elections/da.questionnaire.yml:4:10: error: there is no elections/missing.csv in the content folder: put the answers CSV beside this file (columns candidate,question,answer,quote,source,date)"),
                      "\(messages)")
        messages = build(answers: "candidate,question,answer,notes\nAda Example,data,yes,x\n").messages()
        XCTAssertEqual(Array(messages.prefix(2)), [
            "Content/elections/answers.csv:1:1: error: the answers have no 'quote', 'source', 'date' column: the first line must be candidate,question,answer,quote,source,date",
            "Content/elections/answers.csv:1:27: warning: column 'notes' is not one a questionnaire reads, so it is not shown (columns: candidate, question, answer, quote, source, date)",
        ])
    }

    func testInvitedCandidateWithoutAnswersIsReported() {
        let questionnaire = Self.questionnaire.replacingOccurrences(of: "    responded: false\n", with: "")
        XCTAssertEqual(build(questionnaire: questionnaire).messages(), [
            "Content/elections/da.questionnaire.yml:16:11: warning: Cy Placeholder has no answers in Content/elections/answers.csv, so every question shows \"did not respond\": add their answers, or write `responded: false` under their name if they sent none [questionnaire/no-response]",
        ])
    }

    /// Names and quotes are text: markup in them is shown as written, on the page and in print.
    func testMarkupInAnswersIsShownAsText() throws {
        let questionnaire = Self.questionnaire.replacingOccurrences(of: "  - name: Bo Sample", with: "  - name: \"Bo <b onmouseover=alert(1)>Sample\"")
        let answers = Self.answers.replacingOccurrences(of: "Bo Sample,plea-policy,declined,,,", with: "Bo <b onmouseover=alert(1)>Sample,plea-policy,no,\"<script>alert(1)</script> *not* [x](javascript:alert(1))\",,")
        let result = build(questionnaire: questionnaire, answers: answers)
        XCTAssertEqual(result.messages(), [])
        for route in ["elections/da/index.html", "elections/da/bo-b-onmouseoveralert1sample/index.html", "handouts/elections-da-voter-guide/index.html"] {
            let page = try result.page(route)
            XCTAssertFalse(page.contains("<script>alert"), route)
            XCTAssertFalse(page.contains("<b onmouseover"), route)
            XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; *not* [x](javascript:alert(1))"), route)
        }
    }

    /// A site language the questionnaire has no words in still gets its pages, in the site's
    /// words for everything but the questions, and one message says so.
    func testLanguageWithoutWordsIsMadeAndReportedOnce() throws {
        let questionnaire = Self.questionnaire.replacingOccurrences(of: "    translations:\n      es: ¿Escribirá una política?\n", with: "")
            .replacingOccurrences(of: "translations:\n  es:\n    office: Fiscal de distrito\n", with: "")
        let result = build(questionnaire: questionnaire, ["Site/site.yml": "language: en\nlanguages:\n  es: Español\nbase_url: https://kit.example.org/\n"])
        XCTAssertEqual(result.messages().filter { $0.contains("questionnaire") }, [
            "Content/elections/da.questionnaire.yml:1:1: warning: this questionnaire has no Español words yet, so its Español pages and voter guide ask every question in English: add `translations: {es: …}` to each question, and `translations:` with es: title and office [translations/missing]",
        ])
        let page = try result.page("es/elections/da/index.html")
        XCTAssertTrue(page.contains(#"<th scope="row" lang="en">1. Will you write a plea policy?</th>"#))
        XCTAssertTrue(page.contains(#"<span lang="en">District Attorney</span>"#))
        XCTAssertTrue(page.contains("<h1>Candidatos a District Attorney: sus respuestas</h1>"))
        XCTAssertNotNil(result.site?.texts[Route("es/handouts/elections-da-voter-guide/index.html")])
    }

    /// A rule a site tunes changes how a problem is reported, never what the guide shows: an
    /// answer with a long quote is still the candidate's answer.
    func testTunedQuoteLengthKeepsTheAnswer() throws {
        let long = String(repeating: "word ", count: 70)
        let result = build(answers: Self.answers.replacingOccurrences(of: "We will publish it.", with: long), [
            "Site/site.yml": "language: en\nlanguages:\n  es: Español\nbase_url: https://kit.example.org/\nchecks:\n  translations/missing: off\n  questionnaire/quote-length: warning\n",
        ])
        XCTAssertEqual(result.messages().map { $0.contains("[questionnaire/quote-length]") }, [true], "\(result.messages())")
        let page = try result.page("elections/da/ada-example/index.html")
        XCTAssertEqual(page.components(separatedBy: "Did not respond").count - 1, 1, "only the legend: Ada answered both")
    }

    func testSourcesMustBeFullAddressesAndColumnsNamedOnce() {
        let answers = """
            candidate,question,answer,quote,source,date,quote
            Ada Example,plea-policy,yes,,docs/reply.pdf,,
            Ada Example,data,Charges,,,,,extra

            """
        XCTAssertEqual(build(answers: answers).messages(), [
            "Content/elections/answers.csv:1:45: error: there are two 'quote' columns (the first is column 4): keep one",
            "Content/elections/answers.csv:2:30: error: 'docs/reply.pdf' is not a full web address: write where the candidate said it, starting with https://",
            "Content/elections/answers.csv:3:30: warning: this row has 8 cells but the first line names 7 columns, so the cells from here on are not shown: remove them, or quote a cell that holds a comma",
            "Content/elections/da.questionnaire.yml:15:11: warning: Bo Sample has no answers in Content/elections/answers.csv, so every question shows \"did not respond\": add their answers, or write `responded: false` under their name if they sent none [questionnaire/no-response]",
        ])
    }

    /// A questionnaire in the packets folder is a questionnaire, not a packet.
    func testQuestionnaireBesidePacketsIsNotAPacket() {
        let result = TestSite([
            "Site/site.yml": "language: en\nbase_url: https://kit.example.org/\n",
            "Content/index.md": "---\ntitle: Home\nsummary: Home.\n---\n",
            "Content/packets/da.questionnaire.yml": Self.questionnaire.replacingOccurrences(of: "translations:\n  es:\n    office: Fiscal de distrito\n", with: "")
                .replacingOccurrences(of: "    translations:\n      es: ¿Escribirá una política?\n", with: ""),
            "Content/packets/answers.csv": Self.answers,
        ]).build()
        XCTAssertEqual(result.messages(), [])
        XCTAssertNotNil(result.site?.texts[Route("packets/da/index.html")])
    }

    /// More than five candidates: each question lists every candidate on a line of its own,
    /// in the same order, instead of columns too narrow to read.
    func testManyCandidatesPrintAsALinePerCandidate() throws {
        let names = (1...8).map { "Candidate Number \($0)" }
        let questionnaire = Self.questionnaire.replacingOccurrences(of: "  - name: Cy Placeholder\n    responded: false\n",
                                                                    with: names.map { "  - name: \($0)\n    responded: false\n" }.joined())
        let result = build(questionnaire: questionnaire)
        XCTAssertEqual(result.messages(), [])
        let guide = try result.page("handouts/elections-da-voter-guide/index.html")
        XCTAssertFalse(guide.contains(#"class="guide-answers""#))
        XCTAssertEqual(guide.components(separatedBy: #"<section class="guide-question">"#).count - 1, 2)
        XCTAssertEqual(guide.components(separatedBy: #"<tr><th scope="row">Candidate Number 8</th>"#).count - 1, 2, "a line in each question")
    }

    func testRespondedFalseWithAnswersIsAnError() {
        let answers = Self.answers + "Cy Placeholder,data,Nothing,,,\n"
        XCTAssertEqual(build(answers: answers).messages(), [
            "Content/elections/da.questionnaire.yml:16:11: error: Cy Placeholder has `responded: false`, but Content/elections/answers.csv has 1 answers from them: remove one or the other",
        ])
    }
}
