import CCMark

/// GitHub footnotes: `text[^label]` and, anywhere on the page, `[^label]: what it says`
/// (later lines indented four spaces belong to it). Definitions are taken out of the text before
/// cmark reads it (their lines left blank, so every other line keeps its number), parsed on
/// their own, and listed at the end in the order the text first refers to them.
struct Footnotes {
    struct Definition {
        /// As written, and folded to lower case for matching.
        var label: String
        var key: String
        var content: [UInt8]
        var line: Int
        var column: Int
    }

    private(set) var definitions: [Definition] = []
    private var byKey: [String: Int] = [:]
    var notices: [MarkdownNotice] = []
    /// Ids the footnotes use (without the page's prefix); headings must not take them.
    private(set) var ids: Set<String> = []

    /// Takes the definitions out of `text`, leaving their lines empty.
    init(extractingFrom text: inout [UInt8]) {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var fence: (byte: UInt8, length: Int)?
        var current: Int?
        var pendingBlank = 0
        var previousInDefinition = false
        var lineNumber = 0
        var start = 0
        while start < text.count {
            lineNumber += 1
            var end = start
            while end < text.count, text[end] != UInt8(ascii: "\n") { end += 1 }
            let line = text[start..<end]
            let hasNewline = end < text.count
            start = end + 1
            func keep() {
                output += line
                if hasNewline { output.append(UInt8(ascii: "\n")) }
            }
            func blank() { if hasNewline { output.append(UInt8(ascii: "\n")) } }

            let indent = Self.indent(of: line)
            let isBlank = line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            if let open = fence {
                if let marker = Self.fence(line), marker.byte == open.byte, marker.length >= open.length, indent < 4 { fence = nil }
                if let index = current { definitions[index].content += line.dropFirst(min(indent, 4)) + [UInt8(ascii: "\n")]; blank() } else { keep() }
                continue
            }
            if let index = current {
                if isBlank {
                    pendingBlank += 1
                    previousInDefinition = false
                    blank()
                    continue
                }
                let lazy = previousInDefinition && pendingBlank == 0 && !Self.startsBlock(line.dropFirst(indent))
                if indent >= 4 || lazy {
                    definitions[index].content += Array(repeating: UInt8(ascii: "\n"), count: pendingBlank)
                    definitions[index].content += line.dropFirst(indent >= 4 ? Self.bytes(ofIndent: 4, in: line) : indent) + [UInt8(ascii: "\n")]
                    if indent >= 4, let marker = Self.fence(line.dropFirst(Self.bytes(ofIndent: 4, in: line))) { fence = marker }
                    pendingBlank = 0
                    previousInDefinition = true
                    blank()
                    continue
                }
                current = nil
            }
            pendingBlank = 0
            if indent < 4, let (label, rest, column) = Self.definitionStart(line) {
                let key = label.lowercased()
                if byKey[key] != nil {
                    notices.append(MarkdownNotice(.footnoteDuplicate(label), line: lineNumber, column: column))
                }
                definitions.append(Definition(label: label, key: key, content: Array(rest) + [UInt8(ascii: "\n")], line: lineNumber, column: column))
                if byKey[key] == nil { byKey[key] = definitions.count - 1 }
                current = definitions.count - 1
                previousInDefinition = !rest.isEmpty
                blank()
                continue
            }
            if indent < 4, let marker = Self.fence(line.dropFirst(indent)) { fence = marker }
            keep()
        }
        text = output
    }

    var isEmpty: Bool { definitions.isEmpty }

    /// Replaces each `[^label]` in the text under `document` with a numbered reference, then
    /// appends the list of notes. `parse` reads a definition's Markdown; `lineOffsets` learns
    /// the line each note's blocks start on.
    mutating func apply(to document: OpaquePointer, idPrefix: String, labels: MarkdownLabels,
                        lineOffsets: inout [OpaquePointer: Int], places: [OpaquePointer: (line: Int, column: Int)],
                        parse: ([UInt8]) -> OpaquePointer?) {
        var order: [Int] = []
        var referenceCounts: [Int: Int] = [:]
        var offset = 0
        var texts: [(node: OpaquePointer, offset: Int)] = []
        let iterator = cmark_iter_new(document)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if !lineOffsets.isEmpty, let start = lineOffsets[node] { offset = start }
            if cmark_node_get_type(node) == CMARK_NODE_TEXT, !CMarkNodes.isInsideLink(node) { texts.append((node, offset)) }
        }
        cmark_iter_free(iterator)

        for (node, offset) in texts {
            let literal = CMarkNodes.literal(node)
            guard literal.contains("[^") else { continue }
            var pieces: [OpaquePointer] = []
            var rest = Substring(literal)
            var changed = false
            while let open = rest.range(of: "[^") {
                guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
                let label = String(rest[open.upperBound..<close])
                guard !label.isEmpty, !label.contains(where: \.isWhitespace) else {
                    if let text = CMarkNodes.text(rest[..<open.upperBound]) { pieces.append(text) }
                    rest = rest[open.upperBound...]
                    continue
                }
                guard let index = byKey[label.lowercased()] else {
                    // A text in a table cell was parsed apart; the cell knows where it was written.
                    let place = places[node] ?? (Int(cmark_node_get_start_line(node)) + offset, Int(cmark_node_get_start_column(node)))
                    let column = place.column + literal.utf8.distance(from: literal.startIndex, to: open.lowerBound)
                    notices.append(MarkdownNotice(.footnoteUndefined(label), line: place.line, column: column))
                    if let text = CMarkNodes.text(rest[..<rest.index(after: close)]) { pieces.append(text) }
                    rest = rest[rest.index(after: close)...]
                    continue
                }
                if !order.contains(index) { order.append(index) }
                let number = order.firstIndex(of: index)! + 1
                let count = (referenceCounts[index] ?? 0) + 1
                referenceCounts[index] = count
                let id = "fnref-\(number)" + (count > 1 ? "-\(count)" : "")
                ids.insert(id)
                let name = labels.footnote.replacingOccurrences(of: "{n}", with: "\(number)")
                if !rest[..<open.lowerBound].isEmpty, let text = CMarkNodes.text(rest[..<open.lowerBound]) { pieces.append(text) }
                if let reference = CMarkNodes.customInline(
                    "<sup class=\"footnote-ref\"><a href=\"#\(idPrefix)fn-\(number)\" id=\"\(idPrefix)\(id)\" aria-label=\"\(Self.escape(name))\">\(number)</a></sup>") {
                    pieces.append(reference)
                }
                rest = rest[rest.index(after: close)...]
                changed = true
            }
            guard changed else {
                pieces.forEach { cmark_node_free($0) }
                continue
            }
            if !rest.isEmpty, let text = CMarkNodes.text(rest) { pieces.append(text) }
            for piece in pieces { cmark_node_insert_before(node, piece) }
            cmark_node_free(node)
        }

        for (index, definition) in definitions.enumerated() where !order.contains(index) && byKey[definition.key] == index {
            notices.append(MarkdownNotice(.footnoteUnused(definition.label), line: definition.line, column: definition.column))
        }
        guard !order.isEmpty else { return }
        ids.insert("footnotes-title")
        let heading = Self.escape(labels.footnotes)
        guard let section = CMarkNodes.customBlock(
            "<section class=\"footnotes\" aria-labelledby=\"\(idPrefix)footnotes-title\">\n<h2 id=\"\(idPrefix)footnotes-title\">\(heading)</h2>\n<ol>",
            "</ol>\n</section>") else { return }
        cmark_node_append_child(document, section)
        for (position, index) in order.enumerated() {
            let number = position + 1
            ids.insert("fn-\(number)")
            guard let item = CMarkNodes.customBlock("<li id=\"\(idPrefix)fn-\(number)\">", "</li>") else { continue }
            cmark_node_append_child(section, item)
            let definition = definitions[index]
            if let parsed = parse(definition.content) {
                for block in CMarkNodes.children(of: parsed) {
                    cmark_node_unlink(block)
                    cmark_node_append_child(item, block)
                    lineOffsets[block] = definition.line - 1
                }
                cmark_node_free(parsed)
            }
            var back = ""
            for count in 1...max(referenceCounts[index] ?? 1, 1) {
                let target = "fnref-\(number)" + (count > 1 ? "-\(count)" : "")
                let name = labels.backToReference.replacingOccurrences(of: "{n}", with: "\(number)")
                back += " <a href=\"#\(idPrefix)\(target)\" class=\"footnote-backref\" aria-label=\"\(Self.escape(name))\">↩\(count > 1 ? "<sup>\(count)</sup>" : "")</a>"
            }
            if let last = cmark_node_last_child(item), cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH {
                if let link = CMarkNodes.customInline(back) { cmark_node_append_child(last, link) }
            } else if let link = CMarkNodes.customBlock(String(back.dropFirst())) {
                cmark_node_append_child(item, link)
            }
        }
    }

    private static func escape(_ text: String) -> String {
        var html: [UInt8] = []
        Markdown.appendEscaped(text, to: &html)
        return String(decoding: html, as: UTF8.self)
    }

    /// `[^label]:` at the start of a line (after up to three spaces): the label, what follows
    /// on the line (without the spaces after the colon), and the column of the `[`.
    private static func definitionStart(_ line: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>, Int)? {
        let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
        let body = line.dropFirst(indent)
        guard body.starts(with: "[^".utf8), let close = body.firstIndex(of: UInt8(ascii: "]")),
              close > body.startIndex + 2, body.index(after: close) < body.endIndex,
              body[body.index(after: close)] == UInt8(ascii: ":") else { return nil }
        let label = body[(body.startIndex + 2)..<close]
        guard !label.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "[") }) else { return nil }
        var rest = body[(close + 2)...]
        while let first = rest.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { rest = rest.dropFirst() }
        while let last = rest.last, last == UInt8(ascii: "\r") { rest = rest.dropLast() }
        return (String(decoding: label, as: UTF8.self), rest, indent + 1)
    }

    /// Columns of indentation (a tab to the next multiple of four).
    private static func indent(of line: ArraySlice<UInt8>) -> Int {
        var columns = 0
        for byte in line {
            if byte == UInt8(ascii: " ") { columns += 1 } else if byte == UInt8(ascii: "\t") { columns += 4 - columns % 4 } else { break }
        }
        return columns
    }

    /// How many bytes make up the first `columns` columns of indentation.
    private static func bytes(ofIndent columns: Int, in line: ArraySlice<UInt8>) -> Int {
        var seen = 0, count = 0
        for byte in line where seen < columns {
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else { break }
            seen += byte == UInt8(ascii: " ") ? 1 : 4 - seen % 4
            count += 1
        }
        return count
    }

    private static func fence(_ line: ArraySlice<UInt8>) -> (byte: UInt8, length: Int)? {
        let body = line.drop { $0 == UInt8(ascii: " ") }
        guard let first = body.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let length = body.prefix { $0 == first }.count
        return length >= 3 ? (first, length) : nil
    }

    /// A line that would start a block of its own rather than continue a paragraph.
    private static func startsBlock(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return true }
        if [UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "<")].contains(first) { return true }
        if line.starts(with: "[^".utf8) { return true }
        let digits = line.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        return !digits.isEmpty && [UInt8(ascii: "."), UInt8(ascii: ")")].contains(line.dropFirst(digits.count).first ?? 0)
    }
}
