/// Reads the YAML nearly every page's front matter is: one `key: value` per line, the value
/// plain words, a quoted line or a `[flow, list]`. Those come out as the same values, at the
/// same places, that Yams reads; anything else (nesting, comments after a value,
/// escapes, block scalars, anything doubtful) is nil, and Yams reads it. Yams' Swift layer
/// costs a few hundred times libyaml's own parsing, and every page has front matter.
enum PlainYAML {
    /// The keys and values in order, or nil when the text is not this plain.
    static func entries(_ yaml: String) -> [(key: YAMLValue, value: YAMLValue)]? {
        entries(PlainText(bytes: Array(yaml.utf8)))
    }

    private static func entries(_ text: PlainText) -> [(key: YAMLValue, value: YAMLValue)]? {
        var entries: [(key: YAMLValue, value: YAMLValue)] = []
        var seen: Set<String> = []
        seen.reserveCapacity(16)  // grown once, not at every few keys
        var start = 0
        var line = 0
        while start < text.count {
            line += 1
            var end = text.lineEnd(from: start)
            let next = end + 1
            if end > start, text[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            defer { start = next }
            // A blank line, or a comment on its own.
            if text.isBlank(start..<end) || text[start] == UInt8(ascii: "#") { continue }
            guard let keyEnd = text.key(at: start, before: end) else { return nil }
            let key = text.string(start..<keyEnd)
            // Two of one key is an error Yams words.
            guard seen.insert(key).inserted else { return nil }
            // An empty value is left to Yams, which knows where it says it is.
            let valueStart = text.skipSpaces(from: keyEnd + 1, before: end)
            guard valueStart < end else { return nil }
            let value: YAMLValue.Shape
            if let (range, plain) = text.scalar(valueStart..<end) {
                value = .text(text.string(range), plain: plain)
            } else if let inside = text.list(valueStart..<end), let items = text.items(inside) {
                value = .list(items.map {
                    YAMLValue(.text(text.string($0), plain: true), line: line, column: text.column(of: $0.lowerBound, lineStart: start))
                })
            } else {
                return nil
            }
            entries.append((YAMLValue(.text(key, plain: true), line: line, column: 1),
                            YAMLValue(value, line: line, column: text.column(of: valueStart, lineStart: start))))
        }
        return entries.isEmpty ? nil : entries
    }
}

/// The bytes of a YAML text, with the few shapes `PlainYAML` takes.
private struct PlainText {
    let bytes: [UInt8]
    var count: Int { bytes.count }
    subscript(_ at: Int) -> UInt8 { bytes[at] }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    func lineEnd(from start: Int) -> Int {
        var at = start
        while at < count, bytes[at] != UInt8(ascii: "\n") { at += 1 }
        return at
    }

    func isBlank(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] == UInt8(ascii: " ") } }

    func skipSpaces(from start: Int, before end: Int) -> Int {
        var at = start
        while at < end, bytes[at] == UInt8(ascii: " ") { at += 1 }
        return at
    }

    /// Where a key at the start of a line ends, at its colon: letters, digits, `_` and `-`,
    /// then `:` and a space or the line's end.
    func key(at start: Int, before end: Int) -> Int? {
        guard isLetter(bytes[start]) || bytes[start] == UInt8(ascii: "_") else { return nil }
        var at = start + 1
        while at < end, isLetter(bytes[at]) || isDigit(bytes[at]) || bytes[at] == UInt8(ascii: "_") || bytes[at] == UInt8(ascii: "-") { at += 1 }
        guard at < end, bytes[at] == UInt8(ascii: ":"), at + 1 == end || bytes[at + 1] == UInt8(ascii: " ") else { return nil }
        return at
    }

    /// A quoted value without escapes, or plain words: the text, without quotes or trailing
    /// spaces, and whether it is plain. Nil for a list or anything else.
    func scalar(_ range: Range<Int>) -> (Range<Int>, plain: Bool)? {
        let first = bytes[range.lowerBound]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            // Closed on this line, nothing after but spaces; no escapes, and no doubled quote.
            var close = range.lowerBound + 1
            while close < range.upperBound, bytes[close] != first {
                if bytes[close] == UInt8(ascii: "\\") && first == UInt8(ascii: "\"") { return nil }
                close += 1
            }
            guard close < range.upperBound, isBlank(close + 1..<range.upperBound),
                  isPrintable(range.lowerBound + 1..<close) else { return nil }
            return (range.lowerBound + 1..<close, false)
        }
        guard !Self.indicators.contains(first) else { return nil }
        var end = range.upperBound
        while bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        // `: ` or a final `:` would make a mapping, ` #` a comment.
        for at in range.lowerBound..<end {
            switch bytes[at] {
            case UInt8(ascii: ":"): if at + 1 == end || bytes[at + 1] == UInt8(ascii: " ") { return nil }
            case UInt8(ascii: "#"): if bytes[at - 1] == UInt8(ascii: " ") { return nil }
            default: continue
            }
        }
        return isPrintable(range.lowerBound..<end) ? (range.lowerBound..<end, true) : nil
    }

    /// A `[one, two]` list on one line: the part inside the brackets.
    func list(_ range: Range<Int>) -> Range<Int>? {
        var end = range.upperBound
        while bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard bytes[range.lowerBound] == UInt8(ascii: "["), end - range.lowerBound >= 2, bytes[end - 1] == UInt8(ascii: "]") else { return nil }
        return range.lowerBound + 1..<end - 1
    }

    /// The items of a list: plain words between commas, each without its spaces. Nil for an
    /// empty item, a trailing comma, or a character a flow list treats specially.
    func items(_ inside: Range<Int>) -> [Range<Int>]? {
        if isBlank(inside) { return [] }
        var items: [Range<Int>] = []
        var start = inside.lowerBound
        while true {
            var end = start
            while end < inside.upperBound, bytes[end] != UInt8(ascii: ",") { end += 1 }
            let itemStart = skipSpaces(from: start, before: end)
            var itemEnd = end
            while itemEnd > itemStart, bytes[itemEnd - 1] == UInt8(ascii: " ") { itemEnd -= 1 }
            guard itemStart < itemEnd, !Self.indicators.contains(bytes[itemStart]), isPrintable(itemStart..<itemEnd),
                  !(itemStart..<itemEnd).contains(where: { Self.flowIndicators.contains(bytes[$0]) }) else { return nil }
            items.append(itemStart..<itemEnd)
            guard end < inside.upperBound else { return items }
            start = end + 1
        }
    }

    /// Yams' column: characters, not bytes, from 1.
    func column(of at: Int, lineStart: Int) -> Int {
        (lineStart..<at).reduce(1) { count, index in bytes[index] & 0xC0 == 0x80 ? count : count + 1 }
    }

    /// Characters that cannot begin plain words, or may not in some place: those values go to Yams.
    private static let indicators = ByteSet("-?:,[]{}#&*!|>'\"%@`")
    /// Characters that end or nest a value inside a flow list, and the quotes and comments
    /// that would change what an item means.
    private static let flowIndicators = ByteSet(",[]{}#:'\"")

    private func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }
    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Printable as YAML has it, leaving out what libyaml takes as a line break (NEL, the
    /// line and paragraph separators) or a byte-order mark: tabs and control characters too.
    private func isPrintable(_ range: Range<Int>) -> Bool {
        var at = range.lowerBound
        while at < range.upperBound {
            let byte = bytes[at]
            if byte < 0x80 {
                guard byte >= 0x20, byte != 0x7F else { return false }
                at += 1
                continue
            }
            var iterator = bytes[at..<range.upperBound].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
            switch scalar.value {
            case 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: break
            default: return false
            }
            at += UTF8.width(scalar)
        }
        return true
    }
}

/// A few ASCII characters, looked up as bits: a `Set` hashed each byte of every page's front matter.
private struct ByteSet {
    private var low: UInt64 = 0, high: UInt64 = 0

    init(_ characters: String) {
        for byte in characters.utf8 {
            if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << byte) != 0 : byte < 128 && high & (1 << (byte - 64)) != 0
    }
}
