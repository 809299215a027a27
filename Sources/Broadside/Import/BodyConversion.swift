import Foundation

/// What a page's text says in the old generator's words and Markdown says as well, rewritten
/// so nothing is lost and nothing is left for a person. Lines keep their places.
///
/// - `{% highlight ruby %}…{% endhighlight %}` (Jekyll) and `{{< highlight go >}}…{{< /highlight >}}`
///   (Hugo), each tag alone on its line, become fenced code blocks: the same code, shown the
///   same way, and no HTML inside them mistaken for the page's own.
/// - A `<!--more-->` line, where the summary in lists ended, becomes an empty line: Broadside's
///   lists show `summary:`.
/// - `{{ site.title }}`, `{{ page.x }}` (Jekyll) and `{{< param x >}}` (Hugo) become the value
///   the config or front matter gives, when it is text.
/// - Hugo's `figure`, `youtube` and `vimeo` shortcodes become an image or a link.
/// - `{% raw %}` and `{% endraw %}` go, and `{{ "{{" }}` is `{{`: Broadside shows text as written,
///   as Jekyll did.
enum BodyConversion {
    struct Converted {
        var body: String
        var codeBlocks = 0
        var summaryMarks = 0
        var values = 0
        var shortcodes = 0
        /// Lines (by index) with text that was inside `{% raw %}`: its tags are meant to show.
        var literalLines = Set<Int>()
    }

    private static let opening = try! NSRegularExpression(pattern: #"^\s*(?:\{%-?\s*highlight|\{\{[<%]\s*highlight)\s*([A-Za-z0-9_+#.-]*)[^}]*(?:-?%\}|[>%]\}\})\s*$"#)
    private static let closing = try! NSRegularExpression(pattern: #"^\s*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{[<%]\s*/\s*highlight\s*[>%]\}\})\s*$"#)
    private static let raw = try! NSRegularExpression(pattern: #"\{%-?\s*(end)?raw\s*-?%\}"#)
    private static let variable = try! NSRegularExpression(
        pattern: #"\{\{-?\s*((?:site|page)\.[A-Za-z0-9_.-]+)\s*-?\}\}|\{\{[<%]\s*param\s+"?([A-Za-z0-9_.-]+)"?\s*[>%]\}\}|\{\{-?\s*(?:"([^"]*)"|'([^']*)')\s*-?\}\}"#)

    private static let shortcode = try! NSRegularExpression(pattern: #"\{\{[<%]\s*(figure|youtube|vimeo)\s+([^}]*?)\s*/?[>%]\}\}"#)
    private static let attribute = try! NSRegularExpression(pattern: #"([A-Za-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)')|(?:^|\s)"?([A-Za-z0-9_-]+)"?(?=\s|$)"#)

    /// A `figure`, `youtube` or `vimeo` shortcode as Markdown; nil when it says too little.
    static func markdown(shortcode name: String, _ arguments: String) -> String? {
        var named: [String: String] = [:]
        var first: String?
        for match in attribute.matches(in: arguments, range: NSRange(arguments.startIndex..., in: arguments)) {
            func group(_ index: Int) -> String? { Range(match.range(at: index), in: arguments).map { String(arguments[$0]) } }
            if let key = group(1) { named[key.lowercased()] = group(2) ?? group(3) ?? "" } else if first == nil { first = group(4) }
        }
        switch name {
        case "figure":
            guard let source = named["src"] else { return nil }
            let image = "![\(named["alt"] ?? named["title"] ?? named["caption"] ?? "")](\(source))"
            return named["link"].map { "[\(image)](\($0))" } ?? image
        default:
            guard let id = named["id"] ?? first else { return nil }
            let address = name == "youtube" ? "https://www.youtube.com/watch?v=\(id)" : "https://vimeo.com/\(id)"
            return "[\(named["title"] ?? (name == "youtube" ? "Video on YouTube" : "Video on Vimeo"))](\(address))"
        }
    }

    /// `value` gives the text of `site.a.b`, `page.x` or a Hugo `param` (`param.x`), or nil.
    static func converted(_ body: String, value: (String) -> String?) -> Converted {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result = Converted(body: "")
        var open: (index: Int, language: String)?
        var inRaw = false
        for index in lines.indices {
            // Every tag and mark looked for starts with `{` or `<`: other lines are passed over.
            guard lines[index].contains(where: { $0 == "{" || $0 == "<" }) else {
                if inRaw, !lines[index].isEmpty { result.literalLines.insert(index) }
                continue
            }
            // Outside `{% raw %}`, values are filled in; inside, the text is kept as written.
            var line = ""
            var rest = Substring(lines[index])
            var hadTag = false
            while true {
                let text = String(rest)
                let tag = raw.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
                let upTo = tag.flatMap { Range($0.range, in: text) }.map { text[..<$0.lowerBound] } ?? text[...]
                if inRaw {
                    line += upTo
                    if !upTo.isEmpty { result.literalLines.insert(index) }
                } else {
                    line += filled(String(upTo), value: value, count: &result.values, shortcodes: &result.shortcodes)
                }
                guard let tag, let range = Range(tag.range, in: text) else { break }
                hadTag = true
                inRaw = tag.range(at: 1).location == NSNotFound
                rest = Substring(text[range.upperBound...])
            }
            lines[index] = hadTag && line.allSatisfy(\.isWhitespace) ? "" : line

            let range = NSRange(lines[index].startIndex..., in: lines[index])
            if open == nil, lines[index].trimmingCharacters(in: .whitespaces) == "<!--more-->" {
                lines[index] = ""
                result.summaryMarks += 1
            } else if open == nil, let match = opening.firstMatch(in: lines[index], range: range) {
                open = (index, Range(match.range(at: 1), in: lines[index]).map { String(lines[index][$0]) } ?? "")
            } else if let start = open, closing.firstMatch(in: lines[index], range: range) != nil {
                lines[start.index] = "```" + start.language
                lines[index] = "```"
                result.codeBlocks += 1
                open = nil
            }
        }
        result.body = lines.joined(separator: "\n")
        return result
    }

    private static func filled(_ text: String, value: (String) -> String?, count: inout Int, shortcodes: inout Int) -> String {
        var text = text
        for match in shortcode.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let whole = Range(match.range, in: text), let name = Range(match.range(at: 1), in: text),
                  let arguments = Range(match.range(at: 2), in: text),
                  let markdown = markdown(shortcode: String(text[name]), String(text[arguments])) else { continue }
            text.replaceSubrange(whole, with: markdown)
            shortcodes += 1
        }
        var filled = ""
        var last = text.startIndex
        for match in variable.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text) else { continue }
            // `{{ "{{" }}`: Liquid's way to write text as it is.
            let literal = Range(match.range(at: 3), in: text) ?? Range(match.range(at: 4), in: text)
            let name = Range(match.range(at: 1), in: text).map { String(text[$0]) }
                ?? Range(match.range(at: 2), in: text).map { "param." + text[$0] }
            guard let found = literal.map({ String(text[$0]) }) ?? name.flatMap(value) else { continue }
            filled += text[last..<whole.lowerBound] + found
            last = whole.upperBound
            count += 1
        }
        return filled + text[last...]
    }
}
