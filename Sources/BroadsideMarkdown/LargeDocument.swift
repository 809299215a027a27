/// Where a very large Markdown text may be cut into parts that cmark parses one at a time.
/// cmark parses every paragraph's inlines before it joins their text nodes again, and with
/// smart punctuation it splits text at each period and dash: an 80 MB page held a few million
/// nodes at once, most of a gigabyte. Parsed part by part, each part's nodes are joined before
/// the next part is read, and the parts' blocks are moved into one document.
///
/// A cut is made only where it cannot change the result: before a line that starts, unindented,
/// with a letter or `#`, after a blank line, outside a fenced code block. Such a line starts a
/// new paragraph or heading whatever came before (a list, a quote, indented code all end there).
/// A text with link reference definitions (which reach across the document) or with a line
/// starting with `<` (an HTML block may hold blank lines) is not cut.
enum LargeDocument {
    /// Texts below this size are parsed whole, as always.
    static let threshold = 4 << 20

    struct Part {
        var bytes: Range<Int>
        /// Lines before the part in the whole text.
        var lineOffset: Int
    }

    /// The parts of `text`, or nil when it is small or cannot be cut safely.
    /// Each part holds about a quarter of `threshold`. Lines are found with `memchr`
    /// (`ByteFind`) and each is looked at only for its first few bytes: this reads every byte
    /// of texts of hundreds of megabytes.
    static func parts(of text: Span<UInt8>, threshold: Int = threshold) -> [Part]? {
        guard text.count >= threshold else { return nil }
        let partSize = max(threshold / 4, 1)
        // A reference definition anywhere (in a quote or a list too) serves the whole text.
        var bracket = 0
        while let found = ByteFind.firstIndex(of: UInt8(ascii: "]"), in: text, from: bracket) {
            bracket = found + 1
            if bracket < text.count, text[bracket] == UInt8(ascii: ":") { return nil }
        }
        var parts: [Part] = []
        var partStart = 0, partLine = 0
        var line = 0, lineStart = 0
        var previousBlank = true
        var fence: (character: UInt8, length: Int)?
        while lineStart < text.count {
            let lineEnd = ByteFind.firstIndex(of: UInt8(ascii: "\n"), in: text, from: lineStart) ?? text.count
            // Up to three spaces of indentation, then what the line starts with. A line of only
            // spaces and tabs longer than that counts as not blank: a place not cut, no harm.
            var first = lineStart
            while first < lineEnd, first - lineStart < 8, text[first] == UInt8(ascii: " ") || text[first] == UInt8(ascii: "\t") { first += 1 }
            let blank = first == lineEnd || (first == lineEnd - 1 && text[first] == UInt8(ascii: "\r"))
            let indent = first - lineStart
            if !blank, indent < 4 {
                let byte = text[first]
                if byte == UInt8(ascii: "<") { return nil }
                if byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") {
                    var run = first
                    while run < lineEnd, text[run] == byte { run += 1 }
                    if run - first >= 3 {
                        let rest = run..<lineEnd
                        if let open = fence {
                            if open.character == byte, run - first >= open.length,
                               rest.allSatisfy({ text[$0] == UInt8(ascii: " ") || text[$0] == UInt8(ascii: "\t") || text[$0] == UInt8(ascii: "\r") }) {
                                fence = nil
                            }
                        } else if byte == UInt8(ascii: "~") || !rest.contains(where: { text[$0] == UInt8(ascii: "`") }) {
                            fence = (byte, run - first)
                        }
                    }
                }
                let startsBlock = indent == 0 && (isLetter(byte) || byte == UInt8(ascii: "#"))
                if startsBlock, previousBlank, fence == nil, lineStart - partStart >= partSize {
                    parts.append(Part(bytes: partStart..<lineStart, lineOffset: partLine))
                    partStart = lineStart
                    partLine = line
                }
            }
            previousBlank = blank
            line += 1
            lineStart = lineEnd + 1
        }
        parts.append(Part(bytes: partStart..<text.count, lineOffset: partLine))
        return parts.count > 1 ? parts : nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte >= 0xC0
    }
}
