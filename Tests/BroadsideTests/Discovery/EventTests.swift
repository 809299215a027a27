@testable import Broadside
import BroadsideTestSupport
import Foundation
import XCTest

/// Events: the calendar file read back as a calendar app reads it, its time zone, the
/// upcoming and past lists, and exact messages for a wrong `event:`.
final class EventTests: XCTestCase {
    private func fixture() throws -> RenderedSite {
        try XCTUnwrap(TestSite(folder: LanguagesTests.fixture, today: TestSite.fixedDay).build().site)
    }

    /// The properties of an iCalendar file after unfolding: (name with parameters, value).
    static func properties(_ text: String) -> [(String, String)] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...]))
        }
    }

    static func unescape(_ value: String) -> String {
        var text = "", escaped = false
        for character in value {
            if escaped {
                text.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                text.append(character)
            }
        }
        return text
    }

    func testCalendarFileReadsBackWithItsZoneAndEscapes() throws {
        let ics = try XCTUnwrap(fixture().texts[Route("events/forum-night/forum-night.ics")])
        XCTAssertTrue(ics.hasSuffix("END:VCALENDAR\r\n"))
        for line in ics.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(line.utf8.count, 75, "lines fold at 75 octets: \(line)")
            XCTAssertFalse(line.contains("\n"), "every line ends in CRLF")
        }
        let properties = Self.properties(ics)
        func value(_ name: String) -> String? { properties.first { $0.0 == name }?.1 }
        XCTAssertEqual(value("SUMMARY").map(Self.unescape), "Forum night; candidates, questions, answers")
        XCTAssertEqual(value("SUMMARY"), #"Forum night\; candidates\, questions\, answers"#)
        XCTAssertEqual(value("LOCATION").map(Self.unescape), "Hall A, Main Library, 100 Example Way, Oakland, CA")
        XCTAssertEqual(value("DTSTART;TZID=America/Los_Angeles"), "20270320T183000")
        XCTAssertEqual(value("DTEND;TZID=America/Los_Angeles"), "20270320T200000")
        XCTAssertEqual(value("UID"), "events/forum-night@lang.example.org")
        XCTAssertEqual(value("URL"), "https://lang.example.org/kit/events/forum-night/")
        XCTAssertEqual(value("DTSTAMP"), "20261129T000000Z")
        XCTAssertTrue(value("DESCRIPTION").map(Self.unescape)?.contains("RSVP: https://lang.example.org/rsvp/forum-night/") == true)
        // March 20 is after daylight saving began on March 14, 2027: PDT, seven hours behind UTC.
        let zone = properties.drop { $0 != ("BEGIN", "VTIMEZONE") }.prefix { $0 != ("END", "VTIMEZONE") }.map { "\($0.0):\($0.1)" }
        XCTAssertEqual(zone, ["BEGIN:VTIMEZONE", "TZID:America/Los_Angeles", "BEGIN:DAYLIGHT", "DTSTART:20270314T020000",
                              "TZOFFSETFROM:-0800", "TZOFFSETTO:-0700", "TZNAME:PDT", "END:DAYLIGHT"])
        // The Spanish page's calendar file is in Spanish.
        let spanish = try XCTUnwrap(fixture().texts[Route("es/events/forum-night/forum-night.ics")])
        XCTAssertEqual(Self.properties(spanish).first { $0.0 == "SUMMARY" }?.1, "Noche del foro")
        XCTAssertEqual(Self.properties(spanish).first { $0.0 == "UID" }?.1, value("UID"), "one event, whichever language is imported")
        // The translation gave only its words: the times and the place are its source's.
        let words = Self.properties(spanish).first { $0.0 == "DESCRIPTION" }.map { Self.unescape($0.1) } ?? ""
        XCTAssertTrue(words.contains("Accesibilidad: Entrada sin escalones, ASL"), words)
        XCTAssertEqual(Self.properties(spanish).first { $0.0 == "DTSTART;TZID=America/Los_Angeles" }?.1, "20270320T183000")
    }

    private func calendar(_ start: String, _ end: String?, zone: String) throws -> [String] {
        let event = Event(start: try XCTUnwrap(Event.LocalTime(start)), end: end.flatMap(Event.LocalTime.init), timeZone: zone)
        let ics = ICalendar(event: event, title: "T", summary: nil, url: nil, uid: "u", stamp: Day(year: 2026, month: 1, day: 1),
                            strings: Strings(language: Language(code: "en"), values: [:])).render()
        return Self.properties(ics).map { "\($0.0):\($0.1)" }.drop { $0 != "BEGIN:VTIMEZONE" }.prefix { $0 != "END:VTIMEZONE" }.map { $0 }
    }

    func testAnEventAcrossAClockChangeCarriesBothOffsets() throws {
        XCTAssertEqual(try calendar("2026-10-31 20:00", "2026-11-01 10:00", zone: "America/Los_Angeles"), [
            "BEGIN:VTIMEZONE", "TZID:America/Los_Angeles",
            "BEGIN:DAYLIGHT", "DTSTART:20260308T020000", "TZOFFSETFROM:-0800", "TZOFFSETTO:-0700", "TZNAME:PDT", "END:DAYLIGHT",
            "BEGIN:STANDARD", "DTSTART:20261101T020000", "TZOFFSETFROM:-0700", "TZOFFSETTO:-0800", "TZNAME:PST", "END:STANDARD",
        ])
        XCTAssertEqual(try calendar("2027-01-05 09:00", nil, zone: "Asia/Kolkata"), [
            "BEGIN:VTIMEZONE", "TZID:Asia/Kolkata",
            "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0530", "TZOFFSETTO:+0530", "TZNAME:GMT+5:30", "END:STANDARD",
        ])
    }

    func testEventPagesListUpcomingThenPast() throws {
        let site = try fixture()
        // ICU puts a narrow no-break space before AM and PM.
        let events = try XCTUnwrap(site.texts[Route("events/index.html")]).replacingOccurrences(of: "\u{202F}", with: " ")
        let upcoming = try XCTUnwrap(events.range(of: "Upcoming events")), past = try XCTUnwrap(events.range(of: "Past events"))
        let forum = try XCTUnwrap(events.range(of: "Forum night")), meeting = try XCTUnwrap(events.range(of: "Last month&#39;s meeting"))
        XCTAssertTrue(upcoming.lowerBound < forum.lowerBound && forum.lowerBound < past.lowerBound && past.lowerBound < meeting.lowerBound)
        XCTAssertTrue(events.contains(#"<time datetime="2026-10-10T10:00-04:00">Saturday, October 10, 2026, 10:00 AM Eastern Time</time>"#))
        let home = try XCTUnwrap(site.texts[Route("index.html")])
        let upcomingOnHome = try XCTUnwrap(home.range(of: "Upcoming events")).upperBound
        let latestOnHome = try XCTUnwrap(home.range(of: "Latest resources")).lowerBound
        let listed = home[upcomingOnHome..<latestOnHome]
        XCTAssertTrue(listed.contains("Forum night") && !listed.contains("Last month"), "home shows upcoming events only: \(listed)")
        let spanish = try XCTUnwrap(site.texts[Route("es/events/index.html")])
        XCTAssertTrue(spanish.contains("<h1>Eventos</h1>") && spanish.contains("sábado, 20 de marzo de 2027, 18:30"), spanish)
        let page = try XCTUnwrap(site.texts[Route("events/forum-night/index.html")])
        XCTAssertTrue(page.contains(#"<a href="../../events/forum-night/forum-night.ics" download>Add to your calendar (.ics)</a>"#), page)
        XCTAssertTrue(page.contains(#"<a class="button" href="https://lang.example.org/rsvp/forum-night/">RSVP</a>"#), page)
    }

    func testAWrongEventIsReportedAtItsValue() {
        let files = [
            "Content/a.md": "---\ntitle: A\nsummary: S.\nevent:\n  start: next friday\n  time_zone: Pacific\n---\n",
            "Content/b.md": "---\ntitle: B\nsummary: S.\nevent:\n  start: 2027-01-02 10:00\n  end: 2027-01-02 09:00\n  rsvp_url: example.org\n---\n",
            "Content/c.md": "---\ntitle: C\nsummary: S.\nevent:\n  venue: Hall\n---\n",
            "Content/d.md": "---\ntitle: D\nsummary: S.\nevent:\n  start: 2027-03-14 02:30\n  time_zone: PST\n---\n",
            "Content/e.md": "---\ntitle: E\nsummary: S.\nevent:\n  start: 2027-03-14 02:30\n---\n",
            "Site/site.yml": "checks:\n  site/base-url: off\n",
        ]
        let result = TestSite(files).build()
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), [
            "Content/a.md:5:10: error: 'start' must be a date and a 24-hour time, like 2027-01-21 18:00",
            "Content/a.md:6:14: error: 'Pacific' is not a time zone: use a name like America/Los_Angeles",
            "Content/b.md:6:8: error: the event ends before it starts: 'end' must be after 2027-01-02 10:00",
            "Content/b.md:7:13: error: 'rsvp_url' must be a full address starting with https://",
            "Content/c.md:4:1: error: this event has no 'start': add a line like `start: 2027-01-21 18:00`",
            "Content/d.md:6:14: error: 'PST' is not a time zone: use a name like America/Los_Angeles",
            "Content/e.md:5:10: error: 2027-03-14 02:30 does not exist in America/Los_Angeles: the clocks skip that hour for daylight saving; use the hour after",
        ])
    }

    /// Upcoming until the day after it ends where it happens: at 5:30 PM in Oakland (1:30 AM
    /// UTC the next day) an event at 6 PM that evening is still ahead.
    func testAnEventIsPastFromTheNextDayInItsOwnZone() throws {
        let event = Event(start: try XCTUnwrap(Event.LocalTime("2027-02-18 18:00")), end: Event.LocalTime("2027-02-18 20:00"),
                          timeZone: "America/Los_Angeles")
        let utc = TimeZone(identifier: "UTC")!
        XCTAssertFalse(event.isPast(at: try XCTUnwrap(Event.LocalTime("2027-02-19 01:30")).date(in: utc)))
        XCTAssertFalse(event.isPast(at: try XCTUnwrap(Event.LocalTime("2027-02-19 07:59")).date(in: utc)), "11:59 PM in Oakland")
        XCTAssertTrue(event.isPast(at: try XCTUnwrap(Event.LocalTime("2027-02-19 08:00")).date(in: utc)), "midnight in Oakland")
    }

    func testOtherPagesOfTheEventsSectionStayListed() throws {
        let files = [
            "Content/events/how-to-host.md": "---\ntitle: How to host\nsummary: S.\n---\n",
            "Content/events/forum.md": "---\ntitle: Forum\nsummary: S.\nevent:\n  start: 2020-01-02 18:00\n---\n",
            "Content/meetings/past.md": "---\ntitle: Past meeting\nsummary: S.\nevent:\n  start: 2020-01-01 18:00\n---\n",
        ]
        let pages = try XCTUnwrap(Build(options: BuildOptions(today: Day(year: 2026, month: 11, day: 29)), io: .memory(files)).run(write: false).site?.texts)
        let events = try XCTUnwrap(pages[Route("events/index.html")])
        XCTAssertTrue(events.contains("Past events") && events.contains("How to host"), events)
        XCTAssertTrue(try XCTUnwrap(pages[Route("index.html")]).contains(#"<a href="events/index.html">Events</a>"#), "the events page is in the menu")
    }
}
