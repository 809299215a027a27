import BroadsideMarkdown

/// Template code and attribute lists from a site moved in from Jekyll or Hugo: Liquid
/// `{% … %}` and `{{ … }}`, Hugo shortcodes `{{< … >}}` and `{{% … %}}`, kramdown's `{: .note}`.
/// cmark passes them through as text, so readers see them on the page; nobody else would say so.
/// Read from the page's Markdown source, outside code blocks and code spans, where an author
/// shows such code on purpose.
enum Leftovers {
    struct Found: Equatable {
        var rule: Rule
        /// The leftover as written, cut at its end or the end of its line.
        var text: String
        /// In the body, 1-based; the column in bytes, as cmark counts it.
        var line: Int
        var column: Int

        var message: String {
            var quoted: [UInt8] = []
            PageChecks.appendExcerpt(text[...], to: &quoted)
            let code = "`" + String(decoding: quoted, as: UTF8.self) + "`"
            switch rule {
            case .shortcode:
                return "Hugo shortcode \(code) shows on the page as written: Broadside does not run shortcodes; write what it made in Markdown (a link, an image), or remove it"
            case .kramdown:
                return "kramdown attribute list \(code) shows on the page as written: Broadside does not read attribute lists; remove it"
            default:
                return text.hasPrefix("{{")
                    ? "Liquid output \(code) shows on the page as written: Broadside does not fill in template variables; type the value itself, or remove it"
                    : "Liquid tag \(code) shows on the page as written: Broadside does not run templates in pages; write what it made in Markdown, or remove it"
            }
        }
    }

    /// Whether a `{` is followed by `%`, `{` or `:` anywhere: every page comes here, and most
    /// have none. Each `{` is found with `memchr` (`ByteFind`), which a 100 MB page needs
    /// under AddressSanitizer (`HostileInputTests`); pages with one are read line by line.
    static func mayHave(_ body: Substring) -> Bool {
        let bytes = body.utf8.span
        var from = 0
        while let brace = ByteFind.firstIndex(of: UInt8(ascii: "{"), in: bytes, from: from), brace + 1 < bytes.count {
            switch bytes[brace + 1] {
            case UInt8(ascii: "%"), UInt8(ascii: "{"), UInt8(ascii: ":"): return true
            default: from = brace + 1
            }
        }
        return false
    }

    /// Every leftover in a page's body. Most pages have none: a pass for `{` followed by `%`,
    /// `{` or `:` comes first, and only a page with one is read line by line.
    static func find(in body: Substring) -> [Found] {
        guard mayHave(body) else { return [] }
        let bytes = Array(body.utf8)
        var found: [Found] = []
        var fence: (byte: UInt8, length: Int)?
        var previousBlank = true, inIndentedCode = false, inList = false
        var skipUntil = 0  // past a code span that runs on over lines
        var lineStart = 0, line = 0
        while lineStart < bytes.count {
            line += 1
            var lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            // Indentation, a tab to the next multiple of 4, and the first other byte.
            var indent = 0, first = lineStart
            while first < lineEnd, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") {
                indent = bytes[first] == UInt8(ascii: "\t") ? (indent / 4 + 1) * 4 : indent + 1
                first += 1
            }
            let run = { (start: Int, byte: UInt8) -> Int in
                var end = start
                while end < lineEnd, bytes[end] == byte { end += 1 }
                return end - start
            }
            if let open = fence {
                if indent <= 3, first < lineEnd, bytes[first] == open.byte, run(first, open.byte) >= open.length,
                   bytes[(first + run(first, open.byte))..<lineEnd].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    fence = nil
                }
                continue
            }
            if first == lineEnd {
                previousBlank = true
                continue
            }
            defer { previousBlank = false }
            if indent >= 4, (previousBlank && !inList) || inIndentedCode {
                inIndentedCode = true
                continue
            }
            inIndentedCode = false
            if indent <= 3, bytes[first] == UInt8(ascii: "`") || bytes[first] == UInt8(ascii: "~"), run(first, bytes[first]) >= 3,
               bytes[first] == UInt8(ascii: "~") || !bytes[first..<lineEnd].dropFirst(run(first, bytes[first])).contains(UInt8(ascii: "`")) {
                fence = (bytes[first], run(first, bytes[first]))
                continue
            }
            if indent <= 3, isListMarker(bytes, at: first, end: lineEnd) {
                inList = true
            } else if indent == 0, previousBlank {
                inList = false
            }
            var index = max(first, skipUntil)
            while index < lineEnd {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "`") {
                    let length = run(index, byte)
                    index = closingBackticks(bytes, from: index + length, length: length) ?? index + length
                    skipUntil = index
                    continue
                }
                guard byte == UInt8(ascii: "{"), index + 1 < lineEnd else {
                    index += 1
                    continue
                }
                let rest = Array(bytes[index..<lineEnd])
                var rule: Rule?, closer: [UInt8] = []
                switch bytes[index + 1] {
                case UInt8(ascii: "{") where rest.count > 2 && (rest[2] == UInt8(ascii: "<") || rest[2] == UInt8(ascii: "%")):
                    rule = .shortcode
                    closer = [rest[2] == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "%")] + Array("}}".utf8)
                case UInt8(ascii: "{"):
                    rule = .liquid
                    closer = Array("}}".utf8)
                case UInt8(ascii: "%"):
                    rule = .liquid
                    closer = Array("%}".utf8)
                case UInt8(ascii: ":"):
                    rule = .kramdown
                    closer = Array("}".utf8)
                default:
                    break
                }
                guard let rule else {
                    index += 1
                    continue
                }
                let closed = search(closer, in: rest, from: 2).map { index + $0 + closer.count }
                let end = closed ?? lineEnd
                // An attribute list is one only on its own line or at the end of one; `{:` in
                // running text is just text.
                if rule == .kramdown,
                   closed == nil || !bytes[end..<lineEnd].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    index += 1
                    continue
                }
                found.append(Found(rule: rule, text: String(decoding: bytes[index..<end], as: UTF8.self),
                                   line: line, column: index - lineStart + 1))
                index = end
            }
        }
        return found
    }

    /// Where a code span that opens with `length` backticks ends: after a run of exactly as
    /// many, before a blank line ends the paragraph; nil when none does, and the backticks are text.
    private static func closingBackticks(_ bytes: [UInt8], from start: Int, length: Int) -> Int? {
        var index = start, lineHasText = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                if !lineHasText { return nil }
                lineHasText = false
                index += 1
                continue
            }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") { lineHasText = true }
            if byte == UInt8(ascii: "`") {
                var end = index
                while end < bytes.count, bytes[end] == byte { end += 1 }
                if end - index == length { return end }
                index = end
                continue
            }
            index += 1
        }
        return nil
    }

    private static func search(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    /// `-`, `*` or `+` and a space, or digits and `.` or `)` and a space.
    private static func isListMarker(_ bytes: [UInt8], at index: Int, end: Int) -> Bool {
        let byte = bytes[index]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            return index + 1 == end || bytes[index + 1] == UInt8(ascii: " ") || bytes[index + 1] == UInt8(ascii: "\t")
        }
        var digit = index
        while digit < end, digit - index < 9, bytes[digit] >= UInt8(ascii: "0"), bytes[digit] <= UInt8(ascii: "9") { digit += 1 }
        guard digit > index, digit < end, bytes[digit] == UInt8(ascii: ".") || bytes[digit] == UInt8(ascii: ")") else { return false }
        return digit + 1 == end || bytes[digit + 1] == UInt8(ascii: " ") || bytes[digit + 1] == UInt8(ascii: "\t")
    }
}
