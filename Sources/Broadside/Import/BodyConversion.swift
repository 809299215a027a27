import Foundation

/// What a page's text says in the old generator's words and Markdown says as well, rewritten
/// so nothing is lost and nothing is left for a person. Lines keep their places.
enum BodyConversion {
    /// Jekyll's `{% highlight ruby %}…{% endhighlight %}` and Hugo's `{{< highlight go >}}…{{< /highlight >}}`,
    /// each tag alone on its line, become fenced code blocks: the same code, shown the same way,
    /// and no HTML inside them mistaken for the page's own. A `<!--more-->` line, which marks
    /// where the summary in lists ends, becomes an empty line: Broadside's lists show `summary:`.
    private static let opening = try! NSRegularExpression(pattern: #"^\s*(?:\{%-?\s*highlight|\{\{[<%]\s*highlight)\s*([A-Za-z0-9_+#.-]*)[^}]*(?:-?%\}|[>%]\}\})\s*$"#)
    private static let closing = try! NSRegularExpression(pattern: #"^\s*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{[<%]\s*/\s*highlight\s*[>%]\}\})\s*$"#)

    static func converted(_ body: String) -> (body: String, codeBlocks: Int, summaryMarks: Int) {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks = 0
        var marks = 0
        var open: (index: Int, language: String)?
        for (index, line) in lines.enumerated() {
            let range = NSRange(line.startIndex..., in: line)
            if open == nil, line.trimmingCharacters(in: .whitespaces) == "<!--more-->" {
                lines[index] = ""
                marks += 1
            } else if open == nil, let match = opening.firstMatch(in: line, range: range) {
                open = (index, Range(match.range(at: 1), in: line).map { String(line[$0]) } ?? "")
            } else if let start = open, closing.firstMatch(in: line, range: range) != nil {
                lines[start.index] = "```" + start.language
                lines[index] = "```"
                blocks += 1
                open = nil
            }
        }
        return (lines.joined(separator: "\n"), blocks, marks)
    }
}
