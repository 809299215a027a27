@testable import Broadside
import BroadsideTestSupport
import Foundation
import XCTest

/// `forum:` on an event page: the five documents of its print kit beside the flyer, in every
/// language, its run of show timed from the event, and exact messages for what is wrong.
final class ForumKitTests: XCTestCase {
    static let site = "languages:\n  en: English\n  es: Español\nchecks:\n  site/base-url: off\n  translations/missing: off\n"
    static let event = "event:\n  start: 2027-02-18 18:00\n  end: 2027-02-18 20:00\n"

    private func build(_ files: [String: String]) -> Build.Result {
        TestSite(files.merging(["Site/site.yml": Self.site]) { mine, _ in mine }).build()
    }

    func testForumTrueMakesTheWholeKitWithDefaultsInEveryLanguage() throws {
        let result = build([
            "Content/events/town-hall.md": "---\ntitle: Town hall\nsummary: S.\n\(Self.event)forum: true\n---\nBody.\n",
            "Content/events/town-hall.es.md": "---\ntitle: Foro\nsummary: S.\n---\nCuerpo.\n",
        ])
        XCTAssertEqual(result.messages(), [])
        for prefix in ["", "es/"] {
            for part in ["agenda", "question-cards", "sign-in", "timer-cards", "interpreter-packet"] {
                XCTAssertNoThrow(try result.page("\(prefix)flyers/events-town-hall-\(part)/index.html"), "\(prefix)\(part)")
            }
        }
        // Print materials lists the kit under the event's title, in each language.
        for (prefix, title) in [("", "Town hall"), ("es/", "Foro")] {
            let materials = try result.page("\(prefix)print/index.html")
            let group = try XCTUnwrap(materials.range(of: "<h3>\(title)</h3>"), materials)
            XCTAssertTrue(materials[group.upperBound...].contains("flyers/events-town-hall-timer-cards/index.html"), materials)
        }
        // Two hours: the usual shape of a forum, fitted to the event's length.
        let agenda = try result.page("flyers/events-town-hall-agenda/index.html")
        for row in ["<td class=\"forum-clock\">6:00\u{202F}PM</td><td class=\"forum-length\">10 min</td><td>Welcome and ground rules</td><td>Moderator</td>",
                    "<td class=\"forum-clock\">6:25\u{202F}PM</td><td class=\"forum-length\">80 min</td><td>Questions from the audience</td>",
                    "<td class=\"forum-clock\">7:55\u{202F}PM</td><td class=\"forum-length\">5 min</td><td>Thank you and next steps</td>",
                    "No campaign signs, buttons, flyers or literature in the room."] {
            XCTAssertTrue(agenda.contains(row), "\(row)\n\(agenda)")
        }
        let spanish = try result.page("es/flyers/events-town-hall-agenda/index.html")
        XCTAssertTrue(spanish.contains("<td class=\"forum-clock\">18:10</td><td class=\"forum-length\">15 min</td><td>Palabras de apertura de los candidatos</td>"), spanish)
        let timer = try result.page("flyers/events-town-hall-timer-cards/index.html")
        XCTAssertEqual(timer.components(separatedBy: "<section class=\"forum-timer-card").count - 1, 4)
        for card in ["<p class=\"forum-timer-number\">2</p>\n  <p class=\"forum-timer-unit\">minutes</p>",
                     "<p class=\"forum-timer-number\">1</p>\n  <p class=\"forum-timer-unit\">minute</p>",
                     "<p class=\"forum-timer-number\">30</p>\n  <p class=\"forum-timer-unit\">seconds</p>", "<p class=\"forum-timer-unit\">Time</p>"] {
            XCTAssertTrue(timer.contains(card), "\(card)\n\(timer)")
        }
        // The event page lists the kit (the HTML, when no PDFs are made).
        let page = try result.page("events/town-hall/index.html")
        XCTAssertTrue(page.contains("<a href=\"../../flyers/events-town-hall-sign-in/index.html\">Sign-in sheet</a>"), page)
    }

    func testTheAgendaIsTimedFromTheEventAndReportedWhereItDoesNotFit() throws {
        let forum = """
            forum:
              agenda:
                - {time: "17:30", minutes: 10, item: Doors}
                - {minutes: 30, item: Openings}
                - {time: "18:00", item: Questions}
                - {time: "19:50", minutes: 20, item: Closing}
              timer: ["3:00", "1:00"]
            """
        let result = build(["Content/events/a.md": "---\ntitle: A\nsummary: S.\n\(Self.event)\(forum)\n---\nBody.\n"])
        XCTAssertEqual(result.messages(), [
            "Content/events/a.md:9:14: warning: this item starts at 17:30, before the event starts (18:00): change its `time`, or the event's `start` [forum/agenda]",
            "Content/events/a.md:11:14: warning: this item starts at 18:00, before the item above it ends (18:10): change its `time`, or shorten the item above [forum/agenda]",
            "Content/events/a.md:12:32: warning: this item ends at 20:10, after the event ends (20:00): shorten it, or change the event's `end` [forum/agenda]",
        ])
        let agenda = try result.page("flyers/events-a-agenda/index.html")
        // An item without `minutes` lasts until the next item's time.
        XCTAssertTrue(agenda.contains("<td class=\"forum-clock\">6:00\u{202F}PM</td><td class=\"forum-length\">110 min</td><td>Questions</td></tr>"), agenda)
        XCTAssertFalse(agenda.contains(">Who</th>"), "no item says who leads it: no empty column")
        let timer = try result.page("flyers/events-a-timer-cards/index.html")
        XCTAssertTrue(timer.contains("<p class=\"forum-timer-number\">3</p>"), timer)
        XCTAssertEqual(timer.components(separatedBy: "<section class=\"forum-timer-card").count - 1, 3)
    }

    func testAWrongForumIsReportedAtItsValue() {
        let forum = """
            forum:
              agenda:
                - {time: 6pm, minutes: 10, item: Welcome}
                - {minutes: ten, item: Openings}
                - {minutes: 0, item: Questions}
                - {who: Moderator}
                - Closing
                - {item: Last, speaker: Rosa}
              timer: ["2", "0:75"]
              pages: [guides/missing.md]
              rules: Be kind
              agneda: []
            """
        let result = build([
            "Content/events/a.md": "---\ntitle: A\nsummary: S.\n\(Self.event)\(forum)\n---\nBody.\n",
            "Content/events/b.md": "---\ntitle: B\nsummary: S.\n\(Self.event)forum: maybe\n---\nBody.\n",
            "Content/guides/c.md": "---\ntitle: C\nsummary: S.\nforum: {}\n---\nBody.\n",
        ])
        XCTAssertEqual(result.messages(), [
            "Content/events/a.md:9:14: error: '6pm' is not a time: write it on a 24-hour clock, like \"18:00\"",
            "Content/events/a.md:10:17: error: 'minutes' must be a whole number",
            "Content/events/a.md:11:17: error: 'minutes' must be 1 or more",
            "Content/events/a.md:12:7: error: this agenda item has no `item:`: say what happens, like `item: Opening statements`",
            "Content/events/a.md:13:7: error: each agenda item must be a group of keys, like `{time: \"18:00\", minutes: 10, item: Welcome}`",
            "Content/events/a.md:14:20: warning: unknown agenda item key 'speaker' is ignored (known keys: time, minutes, item, who) [front-matter/unknown-key]",
            "Content/events/a.md:15:11: error: '2' is not a time left on the clock: write minutes and seconds, like \"2:00\" or \"0:30\"",
            "Content/events/a.md:15:16: error: '0:75' is not a time left on the clock: write minutes and seconds, like \"2:00\" or \"0:30\"",
            "Content/events/a.md:16:11: error: 'guides/missing.md' is not a page in the content folder: list pages by their path under Content/, like guides/da-forum.md",
            "Content/events/a.md:18:3: warning: unknown forum key 'agneda' is ignored: did you mean `agenda`? [front-matter/unknown-key]",
            "Content/events/b.md:7:8: error: 'forum' must be true, or a group of keys like `agenda:` (see README, \"Forum print kit\")",
            "Content/guides/c.md:4:1: warning: `forum:` makes a print kit only for an event: add `event:` with the forum's `start`, or remove `forum:` [forum/kit]",
        ])
    }

    func testAKitDocumentAtAnotherEventsFlyerIsAnError() {
        let result = build([
            "Content/events/a.md": "---\ntitle: A\nsummary: S.\n\(Self.event)forum: true\n---\nBody.\n",
            "Content/events/a-agenda.md": "---\ntitle: B\nsummary: S.\n\(Self.event)---\nBody.\n",
        ])
        XCTAssertEqual(result.messages(), [
            "Content/events/a.md:7:1: error: the forum run of show PDF of Content/events/a.md and the flyer PDF of Content/events/a-agenda.md would both be written to flyers/events-a-agenda.pdf; rename or remove one",
            "Content/events/a.md:7:1: error: the forum run of show of Content/events/a.md and the flyer of Content/events/a-agenda.md would both be written to flyers/events-a-agenda/index.html; rename or remove one",
        ])
    }

    func testATranslationThatBorrowsTheAgendaIsToldSo() throws {
        let forum = "forum:\n  agenda:\n    - {minutes: 30, item: Welcome}\n  rules: [Be fair.]\n"
        let result = build([
            "Content/events/a.md": "---\ntitle: A\nsummary: S.\n\(Self.event)\(forum)---\nBody.\n",
            "Content/events/a.es.md": "---\ntitle: A es\nsummary: S.\n---\nCuerpo.\n",
            "Content/events/b.md": "---\ntitle: B\nsummary: S.\n\(Self.event)\(forum)---\nBody.\n",
            "Content/events/b.es.md": "---\ntitle: B es\nsummary: S.\nforum:\n  agenda: [{minutes: 30, item: Bienvenida}]\n---\nCuerpo.\n",
            "Site/site.yml": "languages:\n  en: English\n  es: Español\nchecks:\n  site/base-url: off\n",
        ])
        XCTAssertEqual(result.messages(), [
            "Content/events/a.es.md:1:1: warning: this page's forum kit prints the `agenda`, `rules` of events/a.md in that page's words: add them under `forum:` here, in Español [translations/missing]",
            "Content/events/b.es.md:4:1: warning: this page's forum kit prints the `rules` of events/b.md in that page's words: add them under `forum:` here, in Español [translations/missing]",
        ])
        XCTAssertTrue(try result.page("es/flyers/events-b-agenda/index.html").contains("<td>Bienvenida</td>"))
    }

    func testTheInterpreterPacketSetsEachTermBesideItsTranslation() throws {
        let result = build([
            "Content/events/a.md": "---\ntitle: A\nsummary: S.\n\(Self.event)forum: {pages: [laws/b.md]}\n---\nSee [the guide](../guides/g.md).\n",
            "Content/events/a.es.md": "---\ntitle: A es\nsummary: S.\n---\nVea [la guía](../guides/g.md).\n",
            "Content/guides/g.md": "---\ntitle: G\nsummary: S.\n---\nA conviction counts.\n",
            "Content/guides/g.es.md": "---\ntitle: G es\nsummary: S.\n---\nUna condena cuenta.\n",
            "Content/laws/b.md": "---\ntitle: B\nsummary: S.\n---\nA court may vacate it. Ask a notario? No.\n",
            "Content/glossary.yml": "conviction: A finding of guilt.\nvacate: To cancel a conviction.\nnotario: Not a lawyer here.\nunused: Never said.\n",
            "Content/glossary.es.yml": "condena:\n  definition: Una declaración de culpa.\n  translates: conviction\nanular: {definition: Cancelar una condena., translates: vacate}\nnotario: No es abogado aquí.\notra: {definition: Otra., translates: other}\n",
        ])
        XCTAssertEqual(result.messages(), [
            "Content/glossary.es.yml:6:39: warning: 'other' is not a term of the default language's glossary, so this term has no partner in interpreter packets: write the term as glossary.yml spells it",
        ])
        func rows(_ route: String) throws -> [String] {
            let html = try result.page(route)
            return html.components(separatedBy: "<tr>").dropFirst(2).map {
                $0.components(separatedBy: "<p class=\"forum-term\">").dropFirst().map { String($0.prefix { $0 != "<" }) }.joined(separator: " | ")
            }.filter { !$0.isEmpty }
        }
        // The kit's language in the first column; a term its pages do not use is not listed.
        XCTAssertEqual(try rows("flyers/events-a-interpreter-packet/index.html"), ["conviction | condena", "notario | notario", "vacate | anular"])
        XCTAssertEqual(try rows("es/flyers/events-a-interpreter-packet/index.html"), ["anular | vacate", "condena | conviction", "notario | notario"])
    }

    /// Two terms that translate one term both stay; the second gets a row of its own, and says so.
    /// A term with `translates:` and no definition is told it needs one.
    func testGlossaryPairsAreOneToOneAndNeedDefinitions() {
        let result = build([
            "Content/glossary.yml": "conviction: A finding of guilt.\n",
            "Content/glossary.es.yml": "condena: {definition: Una declaración de culpa., translates: conviction}\nfallo: {definition: Lo que decide el juez., translates: conviction}\nsentencia: {translates: conviction}\n",
        ])
        XCTAssertEqual(result.messages().filter { $0.contains("glossary") }, [
            "Content/glossary.es.yml:2:57: warning: 'fallo' and 'condena' (line 1) both translate 'conviction', and an interpreter packet pairs one term with each: 'fallo' gets a row of its own; keep `translates:` on one of them",
            "Content/glossary.es.yml:3:1: error: 'sentencia' needs a definition: `sentencia: a plain explanation`",
        ])
        var problems = Diagnostics()
        let file = SourceFile(relativePath: "glossary.es.yml", displayPath: "glossary.es.yml",
                              text: "condena: {definition: Una., translates: conviction}\nfallo: {definition: Otra., translates: conviction}\n")
        let terms = Glossary.parse(file, language: "es", translating: ["conviction"], diagnostics: &problems)
        XCTAssertEqual(terms.first { $0.term == "fallo" }?.translates, nil, "listed on its own")
        XCTAssertEqual(terms.first { $0.term == "condena" }?.translates, "conviction")
    }
}
