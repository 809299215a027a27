import Foundation

/// What templates see of an event: on its page, in lists, and on its flyer.
extension PageContext {
    /// The event block of its page: the facts, then RSVP, calendar file and flyer.
    func event(_ files: EventFiles, makesPDFs: Bool) -> [String: Any] {
        var values = Self.facts(files.event, strings: strings)
        values["calendar"] = route.link(to: files.calendar)
        values["flyer"] = makesPDFs
            ? ["url": route.link(to: files.flyerPDF), "label": strings["event_flyer_pdf"]]
            : ["url": route.link(to: files.flyer), "label": strings["event_flyer"]]
        return values
    }

    /// An event in a list: its page, when and where.
    func eventItem(_ files: EventFiles) -> [String: Any] {
        var values = Self.facts(files.event, strings: strings)
        values["title"] = files.page.title
        values["url"] = route.link(to: files.page.route)
        return values
    }

    /// When, where and how to take part, in the page's language. Every key is set (absent ones
    /// to false), so a template never picks up the page's own value of the same name.
    static func facts(_ event: Event, strings: Strings) -> [String: Any] {
        let place = [event.venue, event.address].compactMap { $0 }
        return [
            "when": strings.eventTime(event),
            "iso": isoTime(event.start, zone: event.zone),
            "venue": absent(event.venue),
            "address": absent(event.address),
            "hasPlace": !place.isEmpty,
            "online": absent(event.onlineURL),
            "access": event.accessibility.joined(separator: " · "),
            "hasAccess": !event.accessibility.isEmpty,
            "interpretation": event.languages.joined(separator: " · "),
            "hasInterpretation": !event.languages.isEmpty,
            "rsvp": absent(event.rsvpURL),
            "onPaper": false,
        ]
    }

    /// `2027-01-21T18:00-08:00`, for `<time datetime>`.
    static func isoTime(_ time: Event.LocalTime, zone: TimeZone) -> String {
        let seconds = zone.secondsFromGMT(for: time.date(in: zone))
        let minutes = abs(seconds) / 60
        return String(format: "%@T%02d:%02d%@%02d:%02d", time.day.description, time.hour, time.minute,
                      seconds < 0 ? "-" : "+", minutes / 60, minutes % 60)
    }
}
