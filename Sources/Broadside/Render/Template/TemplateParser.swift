/// Reads a template's text into a tree of nodes, or says what is wrong and where (line and
/// column, counted in characters as an editor shows them).
struct TemplateParser {
    /// `a.b.c` as its parts; no parts is `.`, the current value. `anchored`: written with a
    /// dot first, looked up in the current value only.
    struct Name {
        let parts: [String]
        let anchored: Bool
    }

    /// The template as read.
    indirect enum Node {
        case text([UInt8])
        case value(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        /// `indentation` is set for a partial alone on its line: every line it makes after
        /// its first gets it too (the first follows the indentation written before the tag).
        case partial(String, indentation: [UInt8]?)
    }

    let bytes: [UInt8]
    var position = 0
    var open = Array("{{".utf8)
    var close = Array("}}".utf8)
    /// Only blanks so far on this line: a tag here may be alone on its line.
    var atLineStart = true
    var partials: [(String, Int)] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The nodes up to the end of the template, or up to the tag that closes `section`.
    mutating func nodes(closing section: (name: String, offset: Int)?) throws(TemplateError) -> [Node] {
        var nodes: [Node] = []
        var indent: ArraySlice<UInt8> = []
        func flush() {
            if !indent.isEmpty { nodes.append(.text(Array(indent))) }
            indent = []
        }
        while position < bytes.count {
            if atLineStart { indent = read(while: { $0 == .space || $0 == .tab }) }
            let text = readText()
            if position < bytes.count, bytes[position] == .newline {
                position += 1
                nodes.append(.text(Array(indent) + Array(text) + [.newline]))
                atLineStart = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(indent) + Array(text)))
                indent = []
                atLineStart = false
            }
            guard position < bytes.count else { break }
            let tag = position
            position += open.count
            switch position < bytes.count ? bytes[position] : 0 {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let (raw, name) = try self.name(tag: tag)
                let alone = endsLine()
                if !alone { flush() }
                atLineStart = alone
                // Delimiters set inside a section hold until it closes, as in swift-mustache.
                let delimiters = (open, close)
                let body = try self.nodes(closing: (raw, tag))
                (open, close) = delimiters
                nodes.append(.section(name, body, inverted: inverted))
                // As swift-mustache: after a section, whether its opening tag was alone.
                atLineStart = alone
            case UInt8(ascii: "/"):
                position += 1
                let (raw, _) = try self.name(tag: tag)
                guard let section else {
                    throw error("{{/\(raw)}} closes a section that is not open: remove it, or add {{#\(raw)}} where the section starts", at: tag)
                }
                guard raw == section.name else {
                    let (line, _) = place(of: section.offset)
                    throw error("{{/\(raw)}} does not close {{#\(section.name)}} from line \(line): close {{#\(section.name)}} first, with {{/\(section.name)}}", at: tag)
                }
                if !endsLine() { flush() }
                return nodes
            case UInt8(ascii: "!"):
                guard let end = find(close, from: position) else { throw unclosed(tag) }
                position = end + close.count
                let alone = endsLine()
                if !alone { flush() }
                atLineStart = alone
            case UInt8(ascii: "="):
                position += 1
                try setDelimiters(tag: tag)
                let alone = endsLine()
                if !alone { flush() }
                atLineStart = alone
            case UInt8(ascii: ">"):
                position += 1
                skipBlanks()
                let name = String(decoding: readName(until: close), as: UTF8.self)
                guard !name.isEmpty else { throw error("{{>}} names no template: write {{> name}}", at: tag) }
                skipBlanks()
                guard consume(close) else { throw unclosed(tag) }
                partials.append((name, tag))
                let indentation = Array(indent)
                flush()
                let alone = endsLine()
                nodes.append(.partial(name, indentation: alone ? indentation : nil))
                atLineStart = alone
            case UInt8(ascii: "{"):
                flush()
                position += 1
                let (_, name) = try self.name(tag: tag, closedBy: Array("}".utf8) + close)
                nodes.append(.value(name, escaped: false))
                atLineStart = false
            case UInt8(ascii: "&"):
                flush()
                position += 1
                let (_, name) = try self.name(tag: tag)
                nodes.append(.value(name, escaped: false))
                atLineStart = false
            case UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "%"):
                let sigil = String(UnicodeScalar(bytes[position]))
                throw error("{{\(sigil)…}} is not supported: Broadside's templates have sections, partials ({{> name}}) and values", at: tag)
            default:
                flush()
                let (_, name) = try self.name(tag: tag)
                nodes.append(.value(name, escaped: true))
                atLineStart = false
            }
        }
        if let section {
            throw error("{{#\(section.name)}} is never closed: add {{/\(section.name)}} where the section ends", at: section.offset)
        }
        return nodes
    }

    /// A tag's name, up to the closing delimiter: its text, and its parts.
    private mutating func name(tag: Int, closedBy end: [UInt8]? = nil) throws(TemplateError) -> (String, Name) {
        let end = end ?? close
        skipBlanks()
        let raw = String(decoding: readName(until: end), as: UTF8.self)
        skipBlanks()
        guard consume(end) else { throw unclosed(tag) }
        guard !raw.isEmpty else { throw error("a tag has no name: write {{name}}", at: tag) }
        if raw == "." { return (raw, Name(parts: [], anchored: false)) }
        // `..` has no parts, and stands for the current value, as `.` does.
        return (raw, Name(parts: raw.split(separator: ".").map(String.init), anchored: raw.hasPrefix(".")))
    }

    /// `{{=<% %>=}}`: two new delimiters, then `=` and the current closing delimiter.
    private mutating func setDelimiters(tag: Int) throws(TemplateError) {
        let bad = error("{{= … =}} sets two delimiters, as in {{=<% %>=}}", at: tag)
        skipBlanks()
        let start = read(while: { !Self.isSpace($0) })
        skipBlanks()
        let end = read(while: { !Self.isSpace($0) && $0 != UInt8(ascii: "=") })
        skipBlanks()
        guard !start.isEmpty, !end.isEmpty, consume(Array("=".utf8)), consume(close) else { throw bad }
        open = Array(start)
        close = Array(end)
    }

    /// Text up to the next opening delimiter (which it consumes) or newline (which it does not).
    private mutating func readText() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count {
            if bytes[position] == .newline { return bytes[start..<position] }
            if bytes[position] == open[0], matches(open, at: position) { return bytes[start..<position] }
            position += 1
        }
        return bytes[start..<position]
    }

    /// After a tag: if only blanks and a line break follow on its line (or the template
    /// ends right there), consume them and say the tag was alone on its line.
    private mutating func endsLine() -> Bool {
        guard atLineStart else { return false }
        if position == bytes.count { return true }
        var end = position
        while end < bytes.count, bytes[end] == .space || bytes[end] == .tab { end += 1 }
        guard end < bytes.count else { return false }
        switch bytes[end] {
        case .newline: position = end + 1
        case .carriageReturn: position = end + 1 < bytes.count && bytes[end + 1] == .newline ? end + 2 : end + 1
        default: return false
        }
        return true
    }

    /// A name: up to a blank, a `}` or the closing delimiter.
    private mutating func readName(until end: [UInt8]) -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: "}"), !matches(end, at: position) {
            position += 1
        }
        return bytes[start..<position]
    }

    private mutating func read(while keep: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, keep(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    private mutating func skipBlanks() {
        _ = read(while: Self.isSpace)
    }

    private mutating func consume(_ expected: [UInt8]) -> Bool {
        guard matches(expected, at: position) else { return false }
        position += expected.count
        return true
    }

    private func matches(_ expected: [UInt8], at offset: Int) -> Bool {
        offset + expected.count <= bytes.count && bytes[offset..<(offset + expected.count)].elementsEqual(expected)
    }

    private func find(_ expected: [UInt8], from offset: Int) -> Int? {
        var index = offset
        while index + expected.count <= bytes.count {
            if matches(expected, at: index) { return index }
            index += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == .space || byte == .tab || byte == .newline || byte == .carriageReturn
    }

    private func unclosed(_ tag: Int) -> TemplateError {
        error("a tag is not closed with \(String(decoding: close, as: UTF8.self))", at: tag)
    }

    private func error(_ message: String, at offset: Int) -> TemplateError {
        let (line, column) = place(of: offset)
        return TemplateError(message: message, line: line, column: column)
    }

    var placedPartials: [(name: String, line: Int, column: Int)] {
        partials.map { name, offset in
            let (line, column) = place(of: offset)
            return (name, line, column)
        }
    }

    /// 1-based line, and column in characters, of a byte offset.
    func place(of offset: Int) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let lineStart = (before.lastIndex(of: .newline) ?? -1) + 1
        let line = before.count(where: { $0 == .newline }) + 1
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }
}

private extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
}
