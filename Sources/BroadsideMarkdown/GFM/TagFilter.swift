/// GitHub's tag filter, for sites that allow raw HTML: `<script>`, `<style>`, `<iframe>` and
/// the other tags that would take over the page or hide what follows it are shown as text.
enum TagFilter {
    static let tags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    /// The HTML with each filtered tag's `<` written `&lt;`, and the tags it disarmed; nil
    /// when there is nothing to filter.
    static func filter(_ html: String) -> (html: String, tags: [String])? {
        guard html.contains("<") else { return nil }
        var output = ""
        var disarmed: [String] = []
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            output += html[index..<open]
            var cursor = html.index(after: open)
            if cursor < html.endIndex, html[cursor] == "/" { cursor = html.index(after: cursor) }
            let name = html[cursor...].prefix { $0.isASCII && $0.isLetter }
            let after = html.index(cursor, offsetBy: name.count)
            let ends = after == html.endIndex || html[after].isWhitespace || html[after] == ">" || html[after...].hasPrefix("/>")
            if ends, tags.contains(name.lowercased()) {
                output += "&lt;"
                disarmed.append(name.lowercased())
            } else {
                output += "<"
            }
            index = html.index(after: open)
        }
        output += html[index...]
        return disarmed.isEmpty ? nil : (output, disarmed)
    }
}
