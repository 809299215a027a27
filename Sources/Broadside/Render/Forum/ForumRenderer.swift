import BroadsideMarkdown
import Foundation

/// Print-ready HTML for a forum's kit, in the language of its event page: the run of show,
/// audience question cards, the sign-in sheet, the timekeeper's cards and the interpreter
/// packet. Each is one theme template (`forum-agenda`…) over `print.css`.
struct ForumRenderer {
    let printer: HandoutRenderer
    var site: Site { printer.site }

    /// Cards on a sheet of question cards: a sheet cut in four, each card a quarter page.
    static let cardsPerSheet = 4
    /// Rows of the sign-in sheet: as many as one landscape page holds at a pen's size.
    static let signInRows = 11

    func render(_ part: ForumKit.Part, of kit: ForumKit, markdown: Markdown) -> String {
        guard let document = kit.document(part) else { return "" }
        let strings = site.edition(kit.page.language).strings
        var values = printer.document(route: document.route, title: document.title, languages: [kit.page.language])
        values["kind"] = .text(document.title)
        values["eventTitle"] = .text(kit.page.title)
        values["when"] = .text(strings.eventTime(kit.event))
        values["day"] = .text(strings.date(kit.event.start.day))
        values["where"] = .optional([kit.event.venue, kit.event.address].compactMap { $0 }.joined(separator: ", ").nilIfEmpty)
        values["agenda"] = .list(agenda(kit, strings: strings))
        values["hasWho"] = .flag(kit.agenda.contains { $0.who != nil })
        switch part {
        case .agenda:
            values["ends"] = .optional(kit.event.end.map { strings.format("forum_ends_at", ["time": clock($0, kit.event, strings)]) })
            values["roles"] = .list(kit.roles.map { ["role": .text($0.role), "name": .text($0.name)] })
            values["hasRoles"] = .flag(!kit.roles.isEmpty)
            values["rules"] = .list(rules(kit, strings: strings).map(TemplateValue.text))
        case .questionCards:
            // Two rows of two: a sheet cut once each way, through its middle on either paper.
            values["cardRows"] = .list(Array(repeating: ["cards": [true, true]], count: Self.cardsPerSheet / 2))
            values["cardHeight"] = .text(site.config.paper == .a4 ? "5.42in" : "5.08in")
            values["languages"] = .list(languages(kit).map(TemplateValue.text))
        case .signIn:
            values["languages"] = .text(strings.format("forum_signin_languages", ["languages": languages(kit).joined(separator: ", ")]))
            values["heard"] = .list(["forum_heard_friend", "forum_heard_flyer", "forum_heard_social", "forum_heard_group", "forum_heard_news",
                                     "forum_heard_other"].enumerated().map { ["letter": .text(String(UnicodeScalar(65 + $0)!)), "words": .text(strings[$1])] })
            values["rows"] = .list((1...Self.signInRows).map { TemplateValue.number($0) })
        case .timerCards:
            // The frame grows heavier as time runs out: the cards differ by shape as well as words.
            values["cards"] = .list(kit.timer.enumerated().map { timerCard($1, frame: max(1, 3 - (kit.timer.count - 1 - $0)), strings: strings) }
                + [["number": false, "unit": .text(strings["forum_timer_time"]), "left": .text(strings["forum_timer_stop"]), "last": true, "frame": false]])
        case .interpreterPacket:
            let glossary = InterpreterGlossary(site: site, kit: kit, markdown: markdown)
            values["columns"] = .list(glossary.languages.map { ["name": .text(site.edition($0).language.name), "lang": .text($0)] })
            let rows = glossary.rows()
            values["terms"] = .list(rows.map { row in
                ["cells": .list(row.map { cell in
                    ["lang": .text(cell.language), "term": .optional(cell.term?.term), "definition": .optional(cell.term?.definition)]
                })]
            })
            values["hasTerms"] = .flag(!rows.isEmpty)
            values["sources"] = .list(glossary.pages.map { TemplateValue.text($0.title) })
            values["languages"] = .text(languages(kit).joined(separator: " · "))
            values["access"] = .optional(kit.event.accessibility.joined(separator: " · ").nilIfEmpty)
        }
        return printer.theme.render(values, with: "forum-" + part.rawValue)
    }

    private func agenda(_ kit: ForumKit, strings: Strings) -> [TemplateValue] {
        kit.agenda.map { item in
            ["time": .text(clock(item.start, kit.event, strings)), "minutes": .text(strings.count("forum_minutes", item.minutes)),
             "item": .text(item.item), "who": .optional(item.who)]
        }
    }

    /// The ground rules as written, else the nonpartisan ones a 501(c)(3) host keeps.
    private func rules(_ kit: ForumKit, strings: Strings) -> [String] {
        kit.rules.isEmpty ? (1...5).map { strings["forum_rule_\($0)"] } : kit.rules
    }

    /// The site's languages and those the event interprets, each once: the choices a card offers.
    func languages(_ kit: ForumKit) -> [String] {
        var names: [String] = []
        for name in site.editions.map(\.language.name) + kit.event.languages
        where !names.contains(where: { $0.compare(name, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame }) {
            names.append(name)
        }
        return names
    }

    /// "2 minutes", "30 seconds", "90 seconds": the number big, the word below it.
    private func timerCard(_ seconds: Int, frame: Int, strings: Strings) -> TemplateValue {
        let (number, key) = seconds % 60 == 0 ? (seconds / 60, "forum_timer_minutes") : (seconds, "forum_timer_seconds")
        return ["number": .number(number), "unit": .text(strings.count(key, number)),
                "left": .text(strings.count("forum_timer_left", number)), "last": false,
                "frame": .number(frame)]
    }

    /// "6:00 PM", "18:00": the clock as the language reads it, in the event's own zone.
    private func clock(_ time: Event.LocalTime, _ event: Event, _ strings: Strings) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = event.zone
        let style = Date.FormatStyle(date: .omitted, time: .shortened, locale: Locale(identifier: strings.language.code), calendar: calendar,
                                     timeZone: event.zone)
        return time.date(in: event.zone).formatted(style)
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
