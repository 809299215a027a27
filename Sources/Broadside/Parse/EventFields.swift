import Foundation

/// `event:` as written. Every key may be missing, because a translation writes only what it
/// changes, usually the words (`accessibility: [Entrada sin escalones]`), and takes the times
/// and addresses from the page it translates.
public struct EventFields: Sendable, Equatable {
    static let timeKeys: Set<String> = ["start", "end", "time_zone"]

    var start: Event.LocalTime?
    var end: Event.LocalTime?
    var timeZone: String?
    var venue: String?
    var address: String?
    var onlineURL: String?
    var accessibility: [String]?
    var languages: [String]?
    var rsvpURL: String?
    /// The keys written, and where `event:` is.
    var written: Set<String>
    var location: SourceLocation

    /// Reads `event:` and checks each value as written; nil after reporting when a value is
    /// wrong. `defaultZone` is site.yml's `time_zone`, for times written without their own.
    init?(_ fields: YAMLReader, at location: SourceLocation, defaultZone: String, diagnostics: inout Diagnostics) {
        var fields = fields
        var valid = true
        func time(_ key: String) -> Event.LocalTime? {
            guard let text = fields.string(key, diagnostics: &diagnostics) else { return nil }
            guard let time = Event.LocalTime(text) else {
                diagnostics.error("'\(key)' must be a date and a 24-hour time, like 2027-01-21 18:00", at: fields.location(ofValue: key))
                valid = false
                return nil
            }
            return time
        }
        // Every key is read before any is judged, so one run reports every problem.
        start = time("start")
        end = time("end")
        timeZone = fields.string("time_zone", diagnostics: &diagnostics)
        venue = fields.string("venue", diagnostics: &diagnostics)
        address = fields.string("address", diagnostics: &diagnostics)
        onlineURL = fields.address("online_url", diagnostics: &diagnostics)
        accessibility = fields.stringList("accessibility", diagnostics: &diagnostics)
        languages = fields.stringList("languages", diagnostics: &diagnostics)
        rsvpURL = fields.address("rsvp_url", diagnostics: &diagnostics)
        fields.finish(what: "event", rule: .unknownKey, diagnostics: &diagnostics)
        let zone = timeZone ?? defaultZone
        // A place's zone by name (America/Los_Angeles): "PST" or "GMT+5" ignore daylight saving.
        if TimeZone(identifier: zone) == nil || !(zone.contains("/") || zone == "UTC") {
            diagnostics.error("'\(zone)' is not a time zone: use a name like America/Los_Angeles",
                              at: fields.location(ofValue: "time_zone") ?? location)
            valid = false
        } else if let place = TimeZone(identifier: zone) {
            for (key, time) in [("start", start), ("end", end)] {
                guard let time, !time.exists(in: place) else { continue }
                diagnostics.error("\(time) does not exist in \(place.identifier): the clocks skip that hour for daylight saving; use the hour after",
                                  at: fields.location(ofValue: key))
                valid = false
            }
        }
        if let start, let end, end <= start {
            diagnostics.error("the event ends before it starts: 'end' must be after \(start)", at: fields.location(ofValue: "end"))
            valid = false
        }
        for (key, url) in [("online_url", onlineURL), ("rsvp_url", rsvpURL)] {
            if let url, !url.hasPrefix("https://") && !url.hasPrefix("http://") {
                diagnostics.error("'\(key)' must be a full address starting with https://", at: fields.location(ofValue: key))
                valid = false
            }
        }
        guard valid else { return nil }
        written = Set(fields.keys)
        self.location = location
    }

    /// This translation's words over the event of the page it translates.
    func over(_ source: EventFields) -> EventFields {
        var merged = source
        merged.start = start ?? source.start
        merged.end = written.contains("end") ? end : source.end
        merged.timeZone = timeZone ?? source.timeZone
        merged.venue = venue ?? source.venue
        merged.address = address ?? source.address
        merged.onlineURL = onlineURL ?? source.onlineURL
        merged.accessibility = accessibility ?? source.accessibility
        merged.languages = languages ?? source.languages
        merged.rsvpURL = rsvpURL ?? source.rsvpURL
        merged.written = written
        merged.location = location
        return merged
    }

    /// The event, once a translation's words are merged; nil after reporting a missing start.
    func event(defaultZone: String, diagnostics: inout Diagnostics) -> Event? {
        guard let start else {
            diagnostics.error("this event has no 'start': add a line like `start: 2027-01-21 18:00`", at: location)
            return nil
        }
        if let end, end <= start {
            diagnostics.error("the event ends before it starts: 'end' must be after \(start)", at: location)
            return nil
        }
        return Event(start: start, end: end, timeZone: timeZone ?? defaultZone, venue: venue, address: address, onlineURL: onlineURL,
                     accessibility: accessibility ?? [], languages: languages ?? [], rsvpURL: rsvpURL)
    }

    /// A translation that sets its own times is an event of its own, not the same one in other words.
    var hasOwnTime: Bool { !written.isDisjoint(with: Self.timeKeys) }
}
