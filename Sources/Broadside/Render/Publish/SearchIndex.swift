import Foundation

/// A language's pages as a script the search page loads: `window.broadsideSearch = {…}`.
/// A script, not JSON fetched at run time, because browsers refuse `fetch` from file://, and
/// the site must search from a USB stick as well as on a host.
enum SearchIndex {
    /// One page's entry, as JSON: its title, address, summary, section, topics, and as `text`
    /// its headings and paragraphs in plain words, with an event's place and access. Made
    /// with the page, so a rebuild joins the entries of pages it did not change.
    static func entry(_ page: ContentPage, body: PageBody, in edition: Edition) -> String {
        let rendered = body.rendered
        let event = page.event.map { [$0.venue, $0.address].compactMap { $0 } + $0.accessibility + $0.languages } ?? []
        let words = rendered.headings.map(\.text) + rendered.paragraphs.map(\.text) + event
        // Keys in alphabetical order, as a JSON encoder sorting them would write them.
        var json = "{"
        if let section = edition.section(named: page.section)?.title { json += "\"section\":" + quoted(section) + "," }
        if let summary = page.frontMatter.summary { json += "\"summary\":" + quoted(summary) + "," }
        json += "\"tags\":[" + page.tags.map { quoted($0.label) }.joined(separator: ",") + "],"
        json += "\"text\":" + quoted(words.joined(separator: " ")) + ","
        json += "\"title\":" + quoted(page.title) + ","
        json += "\"url\":" + quoted(page.route.encodedPath) + "}"
        return json
    }

    static func render(_ entries: [String]) -> String {
        // In one piece of memory, sized first: a large site's index is tens of megabytes.
        var script = "window.broadsideSearch = {\"pages\":["
        script.reserveCapacity(entries.reduce(64) { $0 + $1.utf8.count + 1 })
        for (index, entry) in entries.enumerated() {
            if index > 0 { script += "," }
            script += entry
        }
        return script + "]};\n"
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as it is.
    static func quoted(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
