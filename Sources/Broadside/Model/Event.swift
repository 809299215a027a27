import Foundation

/// A page's `event:`: a town hall, a forum, a clinic. Times are written as the organizers say
/// them, in the place's own time zone; the instant they name is worked out with that zone.
public struct Event: Sendable, Equatable {
    /// A wall-clock time without a zone: `2027-01-21 18:00`.
    public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var day: Day
        public var hour: Int
        public var minute: Int

        public init(day: Day, hour: Int, minute: Int) {
            (self.day, self.hour, self.minute) = (day, hour, minute)
        }

        /// `2027-01-21 18:00` or `2027-01-21T18:00`.
        public init?(_ text: String) {
            let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
            guard parts.count == 2, let day = Day(String(parts[0])) else { return nil }
            let clock = parts[1].split(separator: ":")
            guard clock.count == 2, clock.allSatisfy({ $0.count == 2 }), let hour = Int(clock[0]), let minute = Int(clock[1]),
                  (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            (self.day, self.hour, self.minute) = (day, hour, minute)
        }

        /// The instant this wall-clock time names in `zone`.
        public func date(in zone: TimeZone) -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
            return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        }

        /// False for a time the clocks skip when daylight saving begins (2:30 AM on that day).
        public func exists(in zone: TimeZone) -> Bool {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let parts = calendar.dateComponents([.hour, .minute], from: date(in: zone))
            return parts.hour == hour && parts.minute == minute
        }

        /// `20270121T180000`, iCalendar's local form.
        public var compact: String {
            String(format: "%04d%02d%02dT%02d%02d00", day.year, day.month, day.day, hour, minute)
        }

        public var description: String { String(format: "%@ %02d:%02d", day.description, hour, minute) }

        public static func < (a: LocalTime, b: LocalTime) -> Bool { (a.day, a.hour, a.minute) < (b.day, b.hour, b.minute) }
    }

    public var start: LocalTime
    public var end: LocalTime?
    /// An IANA zone, like America/Los_Angeles.
    public var timeZone: String
    public var venue: String?
    public var address: String?
    public var onlineURL: String?
    /// Step-free access, ASL, captions, childcare…
    public var accessibility: [String] = []
    /// Languages offered with interpretation.
    public var languages: [String] = []
    public var rsvpURL: String?

    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")! }

    /// Past from the day after it ends, as the people going count days: in its own time zone.
    public func isPast(at now: Date) -> Bool {
        (end ?? start).day < Day(now, in: zone)
    }
}
