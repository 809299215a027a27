import Foundation

extension Event {
    static let keys = ["start", "end", "time_zone", "venue", "address", "online_url", "accessibility", "languages", "rsvp_url"]

    /// Reads front matter `event:` (written at `location`); nil after reporting when it cannot
    /// be placed in time. `defaultZone` is site.yml's `time_zone`.
    init?(_ fields: YAMLFields, at location: SourceLocation, defaultZone: String, diagnostics: inout Diagnostics) {
        fields.warnUnknownKeys(known: Self.keys, what: "event", diagnostics: &diagnostics)
        func time(_ key: String) -> LocalTime? {
            guard let text = fields.string(key, diagnostics: &diagnostics) else { return nil }
            guard let time = LocalTime(text) else {
                diagnostics.error("'\(key)' must be a date and a 24-hour time, like 2027-01-21 18:00", at: fields.location(ofValue: key))
                return nil
            }
            return time
        }
        let start = time("start")
        let end = time("end")
        let zone = fields.string("time_zone", diagnostics: &diagnostics) ?? defaultZone
        var valid = true
        // A place's zone by name (America/Los_Angeles): "PST" or "GMT+5" ignore daylight saving.
        if TimeZone(identifier: zone) == nil || !(zone.contains("/") || zone == "UTC") {
            diagnostics.error("'\(zone)' is not a time zone: use a name like America/Los_Angeles",
                              at: fields.location(ofValue: "time_zone") ?? location)
            valid = false
        }
        if valid, let zone = TimeZone(identifier: zone) {
            for (key, time) in [("start", start), ("end", end)] {
                guard let time, !time.exists(in: zone) else { continue }
                diagnostics.error("\(time) does not exist in \(zone.identifier): the clocks skip that hour for daylight saving; use the hour after",
                                  at: fields.location(ofValue: key))
                valid = false
            }
        }
        if let start, let end, end <= start {
            diagnostics.error("the event ends before it starts: 'end' must be after \(start)", at: fields.location(ofValue: "end"))
            valid = false
        }
        for key in ["online_url", "rsvp_url"] {
            if let url = fields.string(key, diagnostics: &diagnostics), !url.hasPrefix("https://") && !url.hasPrefix("http://") {
                diagnostics.error("'\(key)' must be a full address starting with https://", at: fields.location(ofValue: key))
                valid = false
            }
        }
        guard let start else {
            if fields.entries["start"] == nil {
                diagnostics.error("this event has no 'start': add a line like `start: 2027-01-21 18:00`", at: location)
            }
            return nil
        }
        guard valid else { return nil }
        self.init(start: start, end: end, timeZone: zone,
                  venue: fields.string("venue", diagnostics: &diagnostics),
                  address: fields.string("address", diagnostics: &diagnostics),
                  onlineURL: fields.string("online_url", diagnostics: &diagnostics),
                  accessibility: fields.stringList("accessibility", diagnostics: &diagnostics) ?? [],
                  languages: fields.stringList("languages", diagnostics: &diagnostics) ?? [],
                  rsvpURL: fields.string("rsvp_url", diagnostics: &diagnostics))
    }
}
