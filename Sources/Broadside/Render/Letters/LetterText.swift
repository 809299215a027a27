/// The fields of a letter's text, `{{name}}`, and the text with them filled in. Fields are
/// found where Markdown shows text: in code (backticks, fenced or indented blocks) and after a
/// backslash (`\{{`) the braces are shown as written.
enum LetterText {
    struct Field: Equatable {
        /// The column it names, `county` for `{{ county }}`; nil for `{{` that starts no field.
        var name: String?
        /// As written, `{{county}}`.
        var text: String
        /// In the text, 1-based; the column in bytes, as cmark and `Leftovers` count it.
        var line: Int
        var column: Int
    }

    static func fields(in text: Substring) -> [Field] {
        Leftovers.find(in: text).compactMap { found in
            guard found.rule == .liquid, found.text.hasPrefix("{{") else { return nil }
            var name: String?
            if found.text.hasSuffix("}}"), found.text.utf8.count > 4 {
                let inner = found.text.dropFirst(2).dropLast(2).trimmed
                if !inner.isEmpty, !inner.contains(where: { "{}\n".contains($0) }) { name = inner }
            }
            return Field(name: name, text: found.text, line: found.line, column: found.column)
        }
    }

    /// `text` with each field replaced by what `value` gives for its column: Markdown the
    /// caller has made safe (see `escaped`). A field without a value is left as written.
    static func fill(_ text: Substring, _ value: (String) -> String?) -> String {
        let fields = fields(in: text)
        guard !fields.isEmpty else { return String(text) }
        let bytes = Array(text.utf8)
        var lineStarts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(index + 1) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var copied = 0
        for field in fields {
            guard let name = field.name, let filled = value(name), field.line <= lineStarts.count else { continue }
            let start = lineStarts[field.line - 1] + field.column - 1
            guard start >= copied, start + field.text.utf8.count <= bytes.count else { continue }
            output += bytes[copied..<start]
            output += filled.utf8
            copied = start + field.text.utf8.count
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// A CSV value as Markdown that shows it as written: every ASCII punctuation character
    /// backslash-escaped (CommonMark lets any of them be), line breaks as spaces. So `<script>`,
    /// `*x*` or `[x](javascript:…)` in a cell is text on the page, never markup.
    static func escaped(_ value: String) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(value.unicodeScalars.count + 8)
        for scalar in value.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                output.unicodeScalars.append(" ")
            } else if scalar.isASCII, (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value)
                        || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value) {
                output.unicodeScalars.append("\\")
                output.unicodeScalars.append(scalar)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Marks that stand for a field while the text is rendered, then become a visible
    /// placeholder: private-use characters, which Markdown reads as plain letters.
    static let markOpen: Character = "\u{E000}"
    static let markClose: Character = "\u{E001}"

    /// The rendered HTML of a text filled with `markOpen + column + markClose`, each mark
    /// shown as `[column]` in a highlighted span; inside a tag (an image's alt text), as
    /// `[column]` alone.
    static func placeholders(in html: [UInt8]) -> [UInt8] {
        replacingMarks(in: html) { name, inTag in
            inTag ? Array("[".utf8) + name + Array("]".utf8) : Array("<span class=letter-field>[".utf8) + name + Array("]</span>".utf8)
        }
    }

    /// `text` with each field a mark that holds its column's place in `columns`: the values are
    /// put in after the text is rendered (`values(in:)`), so a value is never read as Markdown,
    /// not even an address that the autolinker would make a link of.
    static func marked(_ text: Substring, columns: [String]) -> String {
        fill(text) { name in columns.firstIndex(of: name).map { "\(markOpen)\($0)\(markClose)" } }
    }

    /// The rendered HTML of a `marked` text with each mark replaced by its column's value, as
    /// text (line breaks as spaces).
    static func values(in html: [UInt8], _ value: (Int) -> String) -> [UInt8] {
        replacingMarks(in: html) { number, _ in
            let text = value(Int(String(decoding: number, as: UTF8.self)) ?? -1)
            return Array(escapeHTML(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")).utf8)
        }
    }

    /// Each `markOpen … markClose` of `html` replaced by what `replacement` makes of what is
    /// between them, told whether it is inside a tag. cmark writes `>` in attribute values as
    /// `&gt;`, so a tag ends at `>`.
    private static func replacingMarks(in html: [UInt8], _ replacement: (ArraySlice<UInt8>, Bool) -> [UInt8]) -> [UInt8] {
        let open = Array(String(markOpen).utf8), close = Array(String(markClose).utf8)
        var output: [UInt8] = []
        output.reserveCapacity(html.count + 256)
        var index = 0, inTag = false
        while index < html.count {
            if html[index] == open[0], html[index...].starts(with: open),
               let end = html[(index + open.count)...].firstRange(of: close) {
                output += replacement(html[(index + open.count)..<end.lowerBound], inTag)
                index = end.upperBound
            } else {
                if html[index] == UInt8(ascii: "<") { inTag = true } else if html[index] == UInt8(ascii: ">") { inTag = false }
                output.append(html[index])
                index += 1
            }
        }
        return output
    }
}
