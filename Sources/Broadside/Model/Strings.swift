import Foundation

/// The interface's words in one language: the built-in translation, with the site's
/// `Site/i18n/<code>.yml` on top and the default language beneath for anything missing.
public struct Strings: Sendable {
    public var language: Language
    /// Key → text; `{name}` marks where a value goes.
    public var values: [String: String]

    /// Made once per language: setting up a locale's formatter costs more than using it.
    private let dateStyle: Date.FormatStyle
    /// Days already written out: a large site's lists show a few hundred days thousands of times.
    private let writtenDates = MadeOnce<Day, String>()
    private let dateValues = MadeOnce<Day, TemplateValue>()
    /// `values` as templates take them (`{{t.home}}`), made once rather than on every page.
    let templateValues: TemplateValue

    public init(language: Language, values: [String: String]) {
        self.language = language
        self.values = values
        templateValues = .object(TemplateFields(values))
        dateStyle = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: language.code),
                                     calendar: Self.calendar, timeZone: Self.calendar.timeZone)
    }

    public subscript(_ key: String) -> String {
        values[key] ?? key
    }

    /// `format("stale_notice", ["days": "400"])`: the text with each `{name}` filled in.
    public func format(_ key: String, _ arguments: [String: String]) -> String {
        var text = self[key]
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// `key_one` for one, `key_other` for the rest: enough for English and Spanish; languages
    /// without plural forms give both the same words.
    public func count(_ key: String, _ count: Int) -> String {
        format(count == 1 ? key + "_one" : key + "_other", ["count": String(count)])
    }

    /// "March 2, 2026", "2 de marzo de 2026": the locale's long date.
    public func date(_ day: Day) -> String {
        writtenDates.value(for: day) {
            var components = DateComponents()
            (components.year, components.month, components.day) = (day.year, day.month, day.day)
            guard let date = Self.calendar.date(from: components) else { return day.description }
            return date.formatted(dateStyle)
        }
    }

    /// "Thursday, January 21, 2027, 6:00 PM – 8:00 PM PST" in the event's own zone, as its
    /// organizers and the people going to it read the time; "jueves, 21 de enero de 2027, 18:00 – 20:00 PST".
    public func eventTime(_ event: Event) -> String {
        let zone = event.zone
        let locale = Locale(identifier: language.code)
        var calendar = Self.calendar
        calendar.timeZone = zone
        let day = Date.FormatStyle(date: .complete, time: .omitted, locale: locale, calendar: calendar, timeZone: zone)
        let clock = Date.FormatStyle(date: .omitted, time: .shortened, locale: locale, calendar: calendar, timeZone: zone)
        let start = event.start.date(in: zone)
        var text = start.formatted(day) + ", " + start.formatted(clock)
        if let end = event.end {
            let finish = end.date(in: zone)
            text += " – " + (end.day == event.start.day ? "" : finish.formatted(day) + ", ") + finish.formatted(clock)
        }
        // "Pacific Time", "hora del Pacífico": a reader knows it; "GMT-8" or "PST" less so.
        return text + (zone.localizedName(for: .generic, locale: locale).map { " " + $0 } ?? "")
    }

    /// ` <span class="link-language">(in Spanish)</span>` after a link to a page in `code`, the
    /// language named in this one's words ("(en inglés)" on a Spanish page).
    func languageNote(_ code: String) -> String {
        let name = Locale(identifier: language.code).localizedString(forLanguageCode: code) ?? code
        return " <span class=\"link-language\">" + escapeHTML(format("link_language", ["language": name])) + "</span>"
    }

    /// For `<time datetime>` and the words beside it.
    func dateContext(_ day: Day?) -> TemplateValue? {
        day.map { day in dateValues.value(for: day) { ["iso": .text(day.description), "text": .text(date(day))] } }
    }

    /// The words around each `{name}` of `names`, in order: "Page {page} of {pages}" gives
    /// ["Page ", " of ", ""], for print CSS to put the page counters between.
    /// Words with the names in another order, or missing one, give "{page} / {pages}" ("3 / 6").
    public func pieces(_ key: String, around names: [String]) -> [String] {
        var pieces: [String] = []
        var rest = Substring(self[key])
        for name in names {
            guard let range = rest.range(of: "{\(name)}") else { return [""] + Array(repeating: " / ", count: names.count - 1) + [""] }
            pieces.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        return pieces + [String(rest)]
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
