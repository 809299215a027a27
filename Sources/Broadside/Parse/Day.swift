import Foundation

/// A calendar date written YYYY-MM-DD: publication and legal-review dates have no time of day.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Exactly `YYYY-MM-DD` in ASCII digits, read by its bytes: every page has a date or two.
    public init?(_ text: String) {
        let bytes = text.utf8.span
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day of a date or a moment as other generators write them: `YYYY-MM-DD`, RFC 3339
    /// (`2024-03-05T10:00:00-08:00`, `…Z`), or Jekyll's `2024-03-05 10:00:00 -0800`. The
    /// date as written is the day: a page dated in the evening in California is not moved
    /// to the next day by its offset.
    public init?(dateOrMoment text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count > 10 else {
            self.init(text)
            return
        }
        guard Self.isTimeOfDay(bytes[11...]), [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[10]) else { return nil }
        self.init(String(decoding: bytes[..<10], as: UTF8.self))
    }

    /// `HH:MM`, `HH:MM:SS` or with a fraction of a second, then nothing, `Z`, or an offset
    /// `±HH:MM` or `±HHMM`, with or without a space before it.
    private static func isTimeOfDay(_ bytes: ArraySlice<UInt8>) -> Bool {
        var at = bytes.startIndex
        func number(_ digits: Int, below limit: Int) -> Bool {
            guard at + digits <= bytes.endIndex else { return false }
            var value = 0
            for byte in bytes[at..<at + digits] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            at += digits
            return value < limit
        }
        func take(_ character: Character) -> Bool {
            guard at < bytes.endIndex, bytes[at] == character.asciiValue! else { return false }
            at += 1
            return true
        }
        guard number(2, below: 24), take(":"), number(2, below: 60) else { return false }
        if take(":") {
            guard number(2, below: 61) else { return false }  // 60: a leap second
            if take(".") {
                guard number(1, below: 10) else { return false }
                while at < bytes.endIndex, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
            }
        }
        if at == bytes.endIndex { return true }
        let spaced = take(" ")
        if !spaced, take("Z") || take("z") { return at == bytes.endIndex }
        guard take("+") || take("-"), number(2, below: 24) else { return false }
        _ = take(":")
        return number(2, below: 60) && at == bytes.endIndex
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today in UTC, or the day of `SOURCE_DATE_EPOCH` when it is set (reproducible builds).
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        Day(secondsSince1970: now(environment: environment).timeIntervalSince1970)
    }

    /// Now, or `SOURCE_DATE_EPOCH` when it is set.
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        environment["SOURCE_DATE_EPOCH"].flatMap(Double.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
    }

    /// The UTC day of a Unix time (a commit's, `SOURCE_DATE_EPOCH`).
    public init(secondsSince1970 seconds: Double) {
        self.init(Date(timeIntervalSince1970: seconds), in: TimeZone(identifier: "UTC")!)
    }

    /// The day it is at `date` in `zone`: an event's own calendar day.
    public init(_ date: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// Whole days from `self` to `later`.
    public func days(until later: Day) -> Int {
        func julian(_ d: Day) -> Int {
            let a = (14 - d.month) / 12, y = d.year + 4800 - a, m = d.month + 12 * a - 3
            return d.day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
        }
        return julian(later) - julian(self)
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
