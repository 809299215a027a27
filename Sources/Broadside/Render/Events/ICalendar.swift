import Foundation

/// An event as an iCalendar file (RFC 5545) that calendar apps import: the times in the
/// event's own zone (TZID, with a VTIMEZONE for the dates around it), text escaped, long lines
/// folded, CRLF line ends.
struct ICalendar {
    let event: Event
    let title: String
    let summary: String?
    /// The page online, when the site has a `base_url`.
    let url: String?
    /// Stable across builds, so re-importing updates the event instead of adding a copy.
    let uid: String
    /// When the file was made: the build's day, so builds repeat.
    let stamp: Day
    let strings: Strings

    func render() -> String {
        // No METHOD: a published calendar file is not a scheduling message (RFC 5546).
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Broadside//Outreach toolkit//EN", "CALSCALE:GREGORIAN"]
        lines += timeZone()
        lines += ["BEGIN:VEVENT", "UID:" + Self.escape(uid),
                  String(format: "DTSTAMP:%04d%02d%02dT000000Z", stamp.year, stamp.month, stamp.day),
                  "DTSTART;TZID=\(event.timeZone):\(event.start.compact)"]
        if let end = event.end { lines.append("DTEND;TZID=\(event.timeZone):\(end.compact)") }
        lines.append("SUMMARY:" + Self.escape(title))
        let place = [event.venue, event.address].compactMap { $0 }.joined(separator: ", ")
        if !place.isEmpty {
            lines.append("LOCATION:" + Self.escape(place))
        } else if let online = event.onlineURL {
            lines.append("LOCATION:" + Self.escape(online))
        }
        var description: [String] = []
        if let summary { description.append(summary) }
        if let online = event.onlineURL { description.append("\(strings["event_online"]): \(online)") }
        if !event.accessibility.isEmpty { description.append("\(strings["event_access"]): \(event.accessibility.joined(separator: ", "))") }
        if !event.languages.isEmpty { description.append("\(strings["event_languages"]): \(event.languages.joined(separator: ", "))") }
        if let rsvp = event.rsvpURL { description.append("\(strings["event_rsvp"]): \(rsvp)") }
        if let url { description.append(url) }
        if !description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(description.joined(separator: "\n"))) }
        if let url { lines.append("URL:" + url) }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The zone's observances in force from the start to the end of the event: each change
    /// of offset (daylight saving) on the local date and time it happens.
    private func timeZone() -> [String] {
        let zone = event.zone
        let start = event.start.date(in: zone)
        let end = (event.end ?? event.start).date(in: zone)
        // Every change from a year before the event to its end: the last one before the start
        // is in force when it begins, and any later one happens during it.
        var changes: [Date] = []
        var cursor = start.addingTimeInterval(-400 * 86_400)
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next <= end {
            changes.append(next)
            cursor = next
        }
        let inForce = changes.last { $0 <= start }
        let observed = (inForce.map { [$0] } ?? []) + changes.filter { $0 > start }
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(event.timeZone)"]
        if observed.isEmpty {
            // No daylight saving around the event: one observance for all time.
            let offset = Self.offset(zone.secondsFromGMT(for: start))
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:\(offset)", "TZOFFSETTO:\(offset)",
                      "TZNAME:\(Self.abbreviation(zone, daylight: false))", "END:STANDARD"]
        }
        for change in observed {
            let from = zone.secondsFromGMT(for: change.addingTimeInterval(-1)), to = zone.secondsFromGMT(for: change)
            let kind = zone.isDaylightSavingTime(for: change) ? "DAYLIGHT" : "STANDARD"
            lines += ["BEGIN:\(kind)", "DTSTART:" + Self.localTime(change, offset: from), "TZOFFSETFROM:\(Self.offset(from))",
                      "TZOFFSETTO:\(Self.offset(to))", "TZNAME:\(Self.abbreviation(zone, daylight: kind == "DAYLIGHT"))", "END:\(kind)"]
        }
        return lines + ["END:VTIMEZONE"]
    }

    /// The wall-clock time of `date` at `offset` seconds from UTC, as iCalendar writes it.
    private static func localTime(_ date: Date, offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// `PST`, `PDT`: calendar apps show it beside the time.
    private static func abbreviation(_ zone: TimeZone, daylight: Bool) -> String {
        zone.localizedName(for: daylight ? .shortDaylightSaving : .shortStandard, locale: Locale(identifier: "en_US")) ?? zone.identifier
    }

    /// `-0800`
    private static func offset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return String(format: "%@%02d%02d", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60)
    }

    /// TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 3.3.11).
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a
    /// character (RFC 5545 3.1).
    static func fold(_ line: String) -> String {
        var result = ""
        var length = 0
        for character in line {
            let size = String(character).utf8.count
            if length + size > 75 {
                result += "\r\n "
                length = 1
            }
            result.append(character)
            length += size
        }
        return result
    }
}
