import Foundation

/// What templates see of an event: on its page, in lists, and on its flyer.
extension PageContext {
    /// The event block of its page: the facts, then RSVP, calendar file and flyer.
    func event(_ files: EventFiles, makesPDFs: Bool) -> TemplateValue {
        var values = Self.facts(files.event, strings: strings)
        values["calendar"] = .text(route.link(to: files.calendar))
        values["flyer"] = makesPDFs
            ? ["url": .text(route.link(to: files.flyerPDF)), "label": .text(strings["event_flyer_pdf"])]
            : ["url": .text(route.link(to: files.flyer)), "label": .text(strings["event_flyer"])]
        // A forum's print kit: organizers find it from the event.
        let kit = files.forum?.documents.map(\.document) ?? []
        values["forumKit"] = .list(kit.map { ["url": .text(route.link(to: makesPDFs ? $0.pdf : $0.route)), "label": .text($0.title)] })
        values["hasForumKit"] = .flag(!kit.isEmpty)
        values["forumKitPDF"] = .flag(makesPDFs)
        return .object(values)
    }

    /// An event in a list: its page, when and where.
    func eventItem(_ files: EventFiles) -> TemplateValue {
        var values = Self.facts(files.event, strings: strings)
        values["title"] = .text(files.page.title)
        values["url"] = .text(route.link(to: files.page.route))
        return .object(values)
    }

    /// When, where and how to take part, in the page's language. Every key is set (absent ones
    /// to false), so a template never picks up the page's own value of the same name.
    static func facts(_ event: Event, strings: Strings) -> TemplateFields {
        let place = [event.venue, event.address].compactMap { $0 }
        return [
            "when": .text(strings.eventTime(event)),
            "iso": .text(isoTime(event.start, zone: event.zone)),
            "venue": .optional(event.venue),
            "address": .optional(event.address),
            "hasPlace": .flag(!place.isEmpty),
            "online": .optional(event.onlineURL),
            "access": .text(event.accessibility.joined(separator: " · ")),
            "hasAccess": .flag(!event.accessibility.isEmpty),
            "interpretation": .text(event.languages.joined(separator: " · ")),
            "hasInterpretation": .flag(!event.languages.isEmpty),
            "rsvp": .optional(event.rsvpURL),
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
