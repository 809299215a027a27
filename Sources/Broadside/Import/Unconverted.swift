import Foundation

/// What is left in a page's text that Broadside does not read: Liquid tags and output, Hugo
/// shortcodes, raw HTML. It stays visible in the page and is listed for a person.
enum Unconverted {
    private static let patterns: [(ImportItem.Kind, NSRegularExpression)] = [
        (.shortcode, try! NSRegularExpression(pattern: #"\{\{[<%].*?[>%]\}\}"#)),
        (.liquid, try! NSRegularExpression(pattern: #"\{%.*?%\}|\{\{(?![<%]).*?\}\}"#)),
    ]
    /// `![](photo.png)`: Broadside needs words for a picture a reader cannot see.
    private static let imageWithoutAlt = try! NSRegularExpression(pattern: #"!\[\s*\]\("#)
    private static let html = try! NSRegularExpression(pattern: #"<!--|</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>"#)
    private static let codeSpan = try! NSRegularExpression(pattern: #"`[^`]*`"#)

    /// Each occurrence, by the index of its line in `body`; lines of raw HTML one after another
    /// are one block, listed at its first line.
    /// Template tags on `literalLines` were inside `{% raw %}`, meant to show as written.
    static func find(in body: String, literalLines: Set<Int> = []) -> [(line: Int, kind: ImportItem.Kind, text: String)] {
        var found: [(line: Int, kind: ImportItem.Kind, text: String)] = []
        var inFence = false
        // The raw HTML block being read: its item in `found` and its last line.
        var htmlBlock: (item: Int, end: Int)?
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(line)
            let fence = line.drop(while: { $0 == " " }).hasPrefix("```") || line.drop(while: { $0 == " " }).hasPrefix("~~~")
            // Most lines hold none of what is looked for: they are passed over without a search.
            guard text.contains(where: { $0 == "{" || $0 == "<" || $0 == "!" }) else {
                if fence { inFence.toggle() }
                continue
            }
            let range = NSRange(text.startIndex..., in: text)
            for (kind, pattern) in patterns where !literalLines.contains(index) {
                for match in pattern.matches(in: text, range: range) { found.append((index, kind, String(text[Range(match.range, in: text)!]))) }
            }
            if !inFence, imageWithoutAlt.firstMatch(in: text, range: range) != nil {
                found.append((index, .imageAlt, text.trimmingCharacters(in: .whitespaces)))
            }
            if fence { inFence.toggle() }
            guard !inFence else { continue }
            // Without code spans, shortcodes and Liquid, which are not HTML even when they hold `<`.
            let prose = ([codeSpan] + patterns.map(\.1)).reduce(text) { text, pattern in
                pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
            }
            guard html.firstMatch(in: prose, range: NSRange(prose.startIndex..., in: prose)) != nil else { continue }
            if let last = htmlBlock, last.end == index - 1 {
                htmlBlock = (last.item, index)
            } else {
                if let last = htmlBlock { close(last) }
                htmlBlock = (found.count, index)
                found.append((index, .rawHTML, text.trimmingCharacters(in: .whitespaces)))
            }
        }
        if let last = htmlBlock { close(last) }
        return found

        func close(_ block: (item: Int, end: Int)) {
            let more = block.end - found[block.item].line
            if more > 0 { found[block.item].text += " (and \(more) more line\(more == 1 ? "" : "s"))" }
        }
    }
}
