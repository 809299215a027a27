import Foundation

/// A language's pages as scripts the search page loads: `window.broadsideSearch = {…}`.
/// A script, not JSON fetched at run time, because browsers refuse `fetch` from file://, and
/// the site must search from a USB stick as well as on a host.
enum SearchIndex {
    /// One page's entry, as JSON: its title, address, summary, section, topics, and as `text`
    /// its headings, paragraphs and table rows in plain words, with an event's place and access. Made
    /// with the page, so a rebuild joins the entries of pages it did not change. As UTF-8
    /// bytes, copied a run at a time: the text is most of a page, and appending it to a string
    /// looked at every byte of it again.
    static func entry(_ page: ContentPage, body: PageBody, in model: PageContext.Model) -> [UInt8] {
        let rendered = body.rendered
        let event = page.event.map { [$0.venue, $0.address].compactMap { $0 } + $0.accessibility + $0.languages } ?? []
        // Keys in alphabetical order, as a JSON encoder sorting them would write them.
        var json: [UInt8] = []
        json.reserveCapacity(body.rendered.paragraphs.reduce(512) { $0 + $1.utf8.count + 1 })
        func add(_ text: String) { json.append(contentsOf: text.utf8) }
        add("{")
        if let section = model.edition.section(named: page.section, { $0.title }) {
            add("\"section\":"); appendQuoted([section], to: &json); add(",")
        }
        if let summary = page.frontMatter.summary {
            add("\"summary\":"); appendQuoted([summary], to: &json); add(",")
        }
        add("\"tags\":[")
        for (index, tag) in page.tags.enumerated() {
            if index > 0 { add(",") }
            appendQuoted([tag.label], to: &json)
        }
        add("],\"text\":\"")
        // The headings, paragraphs and event's words, joined by spaces, each read where it is.
        var first = true
        func append(_ text: Span<UInt8>) {
            if !first { add(" ") }
            first = false
            appendEscaped(text, to: &json)
        }
        for heading in rendered.headings { append(heading.text.utf8.span) }
        for block in [rendered.paragraphs, rendered.tableRows].joined() { append(block.utf8.span) }
        for words in event { append(words.utf8.span) }
        add("\"")
        add(",\"title\":"); appendQuoted([page.title], to: &json)
        add(",\"url\":"); appendQuoted([page.route.encodedPath], to: &json)
        add("}")
        return json
    }

    /// Entries per file. A large site's index is tens of megabytes; in parts, a rebuild after
    /// one save writes one part again, not all of it.
    static let partSize = 500

    /// A language's index at `route` (`search/index.js`) and, past `partSize` pages, its
    /// further parts beside it (`index-2.js`, `index-3.js`…). The first file names the others,
    /// which the search page then loads in order; each adds its entries to the same list.
    /// `kept` gives a part already made from the same entries, by its route and their places.
    /// The parts are joined across the cores: a large index is tens of megabytes.
    static func files(joining entries: [[UInt8]], at route: Route,
                      kept: @Sendable (Route, Range<Int>) -> [UInt8]? = { _, _ in nil }) -> [(Route, [UInt8])] {
        files(joining: entries, at: route) { at, range, join in (at, kept(at, range) ?? join()) }
    }

    /// Each part of `files`, handed to `made` as it is joined, in place of keeping them all:
    /// `made` gets its route, its entries' places, and the joining to do when it needs the text.
    static func files<Made: Sendable>(joining entries: [[UInt8]], at route: Route,
                                      _ made: @Sendable (Route, Range<Int>, () -> [UInt8]) -> Made) -> [Made] {
        let starts = Array(stride(from: 0, to: max(entries.count, 1), by: partSize))
        let more = parts(beside: route, count: starts.count)
        let names = more.map { "\"\($0.path.lastPathComponent)\"" }
        let listed = names.isEmpty ? "" : ",\"parts\":[" + names.joined(separator: ",") + "]"
        return starts.indices.map { ($0, starts[$0]..<min(starts[$0] + partSize, entries.count)) }.concurrentMap { number, range in
            made(number == 0 ? route : more[number - 1], range) {
                number == 0 ? join(entries[range], "window.broadsideSearch = {\"pages\":[", "]" + listed + "};\n")
                            : join(entries[range], "window.broadsideSearch.pages.push(", ");\n")
            }
        }
    }

    /// The parts after the first of an index of `entries` pages at `route`.
    static func parts(beside route: Route, entries: Int) -> [Route] {
        parts(beside: route, count: max(1, (entries + partSize - 1) / partSize))
    }

    private static func parts(beside route: Route, count: Int) -> [Route] {
        (1..<count).map { Route(route.path.parentPath.appendingPath("index-\($0 + 1).js")) }
    }

    /// The entries between `opening` and `closing`, comma-separated, in one piece of memory
    /// sized first.
    private static func join(_ entries: ArraySlice<[UInt8]>, _ opening: String, _ closing: String) -> [UInt8] {
        var script: [UInt8] = []
        script.reserveCapacity(entries.reduce(opening.utf8.count + closing.utf8.count) { $0 + $1.count + 1 })
        script.append(contentsOf: opening.utf8)
        for (index, entry) in zip(entries.indices, entries) {
            if index > entries.startIndex { script.append(UInt8(ascii: ",")) }
            script.append(contentsOf: entry)
        }
        script.append(contentsOf: closing.utf8)
        return script
    }

    /// The texts joined by spaces, as one JSON string.
    static func appendQuoted(_ texts: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for (index, text) in texts.enumerated() {
            if index > 0 { out.append(UInt8(ascii: " ")) }
            appendEscaped(text.utf8.span, to: &out)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// UTF-8 text as the inside of a JSON string in a script, the rest copied as it is, a run
    /// at a time: quotes, backslashes and control characters escaped as JSON asks, and `<`,
    /// `>`, `&` and the line and paragraph separators as `\u003c` and so on, so that page
    /// text such as `</script>` cannot end the script or start markup where it is read.
    private static func appendEscaped(_ bytes: Span<UInt8>, to out: inout [UInt8]) {
        var from = 0
        while let offset = ByteSearch.firstEscapedInJSON(bytes, from: from) {
            out.append(bytes.extracting(from..<offset))
            from = offset + 1
            switch bytes[offset] {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9):
                out.append(contentsOf: (bytes[offset + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                from = offset + 3
            case 0xE2: out.append(0xE2)
            default: appendUnicodeEscape(bytes[offset], to: &out)
            }
        }
        out.append(bytes.extracting(from...))
    }

    /// `\u00XX` for an ASCII byte, in lowercase hexadecimal.
    private static func appendUnicodeEscape(_ byte: UInt8, to out: inout [UInt8]) {
        func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10 }
        out.append(contentsOf: #"\u00"#.utf8)
        out.append(hex(byte >> 4))
        out.append(hex(byte & 0x0F))
    }
}
