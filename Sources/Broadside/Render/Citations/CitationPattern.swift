/// A spelling in the citation catalogue, as the regular expressions they replaced wrote it: letters
/// stand for themselves, `_` is one or more spaces (`\s+`), `~` any number (`\s*`), `?` at
/// most one (`\s?`), and `{a|b|}` the first of those that matches (empty: none). Unlike a
/// regular expression, a later option is not tried when what follows fails: list the longer
/// of two options that begin alike first (`§§` before `§`), as the catalogue's spellings do.
struct Pattern: Sendable {
    enum Piece: Sendable {
        case text([UInt8])
        case spaces(atLeast: Int, atMost: Int)
        case first([Pattern])
    }

    var pieces: [Piece] = []

    init(pieces: [Piece]) {
        self.pieces = pieces
    }

    init(_ written: String) {
        var rest = Substring(written)
        self.init(&rest)
    }

    private init(_ rest: inout Substring) {
        while let character = rest.first, character != "|", character != "}" {
            rest.removeFirst()
            switch character {
            case "_": pieces.append(.spaces(atLeast: 1, atMost: .max))
            case "~": pieces.append(.spaces(atLeast: 0, atMost: .max))
            case "?": pieces.append(.spaces(atLeast: 0, atMost: 1))
            case "{":
                var options: [Pattern] = []
                repeat { options.append(Pattern(&rest)) } while rest.popFirst() == "|"
                pieces.append(.first(options))
            default:
                if case .text(let bytes) = pieces.last {
                    pieces[pieces.count - 1] = .text(bytes + Array(character.utf8))
                } else {
                    pieces.append(.text(Array(character.utf8)))
                }
            }
        }
    }

    /// The bytes a match may have at the start of piece `index` and on; nil: any byte (the
    /// pattern may end there). Spaces beyond ASCII are all bytes from 0x80.
    func firstBytes(from index: Int) -> Set<UInt8>? {
        guard index < pieces.count else { return nil }
        let spaces = Set([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20] + (0x80...0xFF).map(UInt8.init))
        switch pieces[index] {
        case .text(let bytes):
            return [bytes[0]]
        case .spaces(let least, _):
            guard least == 0 else { return spaces }
            return firstBytes(from: index + 1).map { $0.union(spaces) }
        case .first(let options):
            var bytes = Set<UInt8>()
            for option in options {
                guard let first = Pattern(pieces: option.pieces + pieces[(index + 1)...]).firstBytes(from: 0) else { return nil }
                bytes.formUnion(first)
            }
            return bytes
        }
    }

    /// Where the pattern ends when it matches at `start`.
    func match(_ text: CitationText, at start: Int) -> Int? {
        // Most tries fail at the first letter: that one is looked at before anything else.
        if case .text(let bytes) = pieces.first, text.byte(start) != bytes[0] { return nil }
        var at = start
        for piece in pieces {
            switch piece {
            case .text(let bytes):
                guard text.has(bytes, at: at) else { return nil }
                at += bytes.count
            case .spaces(let least, let most):
                var count = 0
                while count < most, let next = text.space(at: at) { at = next; count += 1 }
                guard count >= least else { return nil }
            case .first(let options):
                guard let end = options.lazy.compactMap({ $0.match(text, at: at) }).first else { return nil }
                at = end
            }
        }
        return at
    }
}

/// A text's UTF-8 bytes, with what the patterns ask of them.
struct CitationText {
    let bytes: [UInt8]

    func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }

    func has(_ expected: [UInt8], at start: Int) -> Bool {
        guard start + expected.count <= bytes.count else { return false }
        for offset in expected.indices where bytes[start + offset] != expected[offset] { return false }
        return true
    }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Where the space character at `at` ends: what `\s` takes, Unicode's white space, so
    /// also the no-break space people put after "§" and Word's line break (vertical tab).
    func space(at: Int) -> Int? {
        guard let byte = byte(at) else { return nil }
        if byte < 0x80 {
            return byte == 0x20 || (0x09...0x0D).contains(byte) ? at + 1 : nil
        }
        // White space beyond ASCII (U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000) starts
        // with one of four bytes: "§" and the letters of other scripts are not decoded.
        guard byte == 0xC2 || (0xE1...0xE3).contains(byte), let (scalar, length) = scalar(at: at), scalar.properties.isWhitespace else {
            return nil
        }
        return at + length
    }

    func spaces(from start: Int) -> Int {
        var at = start
        while let next = space(at: at) { at = next }
        return at
    }

    func comma(at: Int) -> Int { byte(at) == UInt8(ascii: ",") ? at + 1 : at }

    /// Whether a word may begin at `at` (`\b`): the character before is not part of a word.
    /// As ICU's regular expressions look, past combining marks and invisible format
    /// characters (a soft hyphen, a zero-width space) to the character they follow.
    func boundary(before at: Int) -> Bool {
        var end = at
        while end > 0 {
            let before = bytes[end - 1]
            if before < 0x80 {
                return !(before == UInt8(ascii: "_") || (before | 0x20 >= UInt8(ascii: "a") && before | 0x20 <= UInt8(ascii: "z"))
                         || (before >= UInt8(ascii: "0") && before <= UInt8(ascii: "9")))
            }
            var start = end - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard let (scalar, _) = scalar(at: start) else { return true }
            let properties = scalar.properties
            if properties.isGraphemeExtend || properties.generalCategory == .format {
                end = start
                continue
            }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return false
            default: return !properties.isAlphabetic
            }
        }
        return true
    }

    private func scalar(at: Int) -> (Unicode.Scalar, Int)? {
        var iterator = bytes[at...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, UTF8.width(scalar))
    }

    /// ASCII digits only, where `\d` took any script's: a section number in other digits
    /// would make a broken address on the official site.
    func isDigit(_ at: Int) -> Bool { byte(at).map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false }

    /// One digit or more, at most `limit`.
    func digits(at start: Int, upTo limit: Int = .max) -> Range<Int>? {
        var end = start
        while end - start < limit, isDigit(end) { end += 1 }
        return end > start ? start..<end : nil
    }

    /// A section number (`1473.7`, `1229b`), and where its subdivisions (`(a)(2)`) end.
    func section(at start: Int) -> (number: Range<Int>, end: Int)? {
        guard var end = digits(at: start)?.upperBound else { return nil }
        while byte(end) == UInt8(ascii: "."), let more = digits(at: end + 1) { end = more.upperBound }
        if let letter = byte(end), letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z") { end += 1 }
        return (start..<end, subdivisions(at: end))
    }

    /// Past any subdivisions at `start`: each one to four letters or digits in parentheses.
    func subdivisions(at start: Int) -> Int {
        var end = start
        while byte(end) == UInt8(ascii: "(") {
            var close = end + 1
            while close - end <= 4, let byte = byte(close), isDigit(close) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) {
                close += 1
            }
            guard close > end + 1, byte(close) == UInt8(ascii: ")") else { break }
            end = close + 1
        }
        return end
    }
}
