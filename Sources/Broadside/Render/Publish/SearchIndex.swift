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
        /// The page's headings and paragraphs as plain text, cut at `textLimit` characters.
        var text: String
    }

    /// Enough of a page for its words to be found, small enough that a phone on a weak
    /// connection loads the index of a few hundred pages quickly.
    static let textLimit = 2_000

    let edition: Edition
    let bodies: [Route: PageBody]

    func render() -> String {
        let entries = edition.pages.map { page -> Entry in
            let rendered = bodies[page.route]?.rendered
            let words = ((rendered?.headings.map(\.text) ?? []) + (rendered?.paragraphs.map(\.text) ?? [])).joined(separator: " ")
            return Entry(title: page.title, url: page.route.path, summary: page.frontMatter.summary,
                         section: edition.section(named: page.section)?.title, tags: page.tags.map(\.label),
                         text: String(words.prefix(Self.textLimit)))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(["pages": entries])).map { String(decoding: $0, as: UTF8.self) } ?? "{\"pages\":[]}"
        return "window.broadsideSearch = \(json);\n"
    }
}
