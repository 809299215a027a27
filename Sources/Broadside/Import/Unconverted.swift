import Foundation

/// What is left in a page's text that Broadside does not read: Liquid tags and output, Hugo
/// shortcodes, raw HTML. It stays visible in the page and is listed for a person.
enum Unconverted {
    private static let patterns: [(ImportItem.Kind, NSRegularExpression)] = [
        (.shortcode, try! NSRegularExpression(pattern: #"\{\{[<%].*?[>%]\}\}"#)),
        (.liquid, try! NSRegularExpression(pattern: #"\{%.*?%\}|\{\{(?![<%]).*?\}\}"#)),
    ]
    private static let html = try! NSRegularExpression(pattern: #"<!--|</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>"#)
    private static let codeSpan = try! NSRegularExpression(pattern: #"`[^`]*`"#)

    /// Each occurrence, by the index of its line in `body`.
    static func find(in body: String) -> [(line: Int, kind: ImportItem.Kind, text: String)] {
        var found: [(line: Int, kind: ImportItem.Kind, text: String)] = []
        var inFence = false
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(line)
            let range = NSRange(text.startIndex..., in: text)
            for (kind, pattern) in patterns {
                for match in pattern.matches(in: text, range: range) { found.append((index, kind, String(text[Range(match.range, in: text)!]))) }
            }
            if line.drop(while: { $0 == " " }).hasPrefix("```") || line.drop(while: { $0 == " " }).hasPrefix("~~~") { inFence.toggle() }
            guard !inFence else { continue }
            // Without code spans, shortcodes and Liquid, which are not HTML even when they hold `<`.
            let prose = ([codeSpan] + patterns.map(\.1)).reduce(text) { text, pattern in
                pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
            }
            if html.firstMatch(in: prose, range: NSRange(prose.startIndex..., in: prose)) != nil {
                found.append((index, .rawHTML, text.trimmingCharacters(in: .whitespaces)))
            }
        }
        return found
    }
}
