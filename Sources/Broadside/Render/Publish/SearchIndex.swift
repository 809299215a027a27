import Foundation

/// A language's pages as a script the search page loads: `window.broadsideSearch = {…}`.
/// A script, not JSON fetched at run time, because browsers refuse `fetch` from file://, and
/// the site must search from a USB stick as well as on a host.
struct SearchIndex {
    struct Entry: Encodable {
        var title: String
        var url: String
        var summary: String?
        var section: String?
        var tags: [String]
        /// The page's headings and paragraphs as plain text, and an event's place and access.
        var text: String
    }

    let edition: Edition
    let bodies: [Route: PageBody]

    func render() -> String {
        let entries = edition.pages.map { page -> Entry in
            let rendered = bodies[page.route]?.rendered
            let event = page.event.map { [$0.venue, $0.address].compactMap { $0 } + $0.accessibility + $0.languages } ?? []
            let words = (rendered?.headings.map(\.text) ?? []) + (rendered?.paragraphs.map(\.text) ?? []) + event
            return Entry(title: page.title, url: page.route.encodedPath, summary: page.frontMatter.summary,
                         section: edition.section(named: page.section)?.title, tags: page.tags.map(\.label),
                         text: words.joined(separator: " "))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(["pages": entries])).map { String(decoding: $0, as: UTF8.self) } ?? "{\"pages\":[]}"
        return "window.broadsideSearch = \(json);\n"
    }
}
