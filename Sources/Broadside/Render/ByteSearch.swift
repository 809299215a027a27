/// Searches of UTF-8 text made eight bytes at a time: a page's paragraphs rarely hold a byte
/// that JSON escapes, or a digit that a citation needs, nor its titles and addresses one that
/// HTML escapes, and a loop over every byte was most of that work. The bit trick:
/// `(w - n·0x0101…) & ~w & 0x8080…` sets the high bit of a byte of `w` below `n` (for `n` up
/// to 0x80), and is zero when `w` has none; with `n` = 1 it finds a zero byte, and so, once
/// `w` is XORed with a byte in every place, that byte.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    @inline(__always) private static func below(_ limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & (ones &* 0x80)
    }

    @inline(__always) private static func has(_ byte: UInt8, in word: UInt64) -> UInt64 {
        below(1, in: word ^ ones &* UInt64(byte))
    }

    /// Eight bytes from `index`, the first lowest: one bounds check, and the compiler makes
    /// the shifts one load where it is inlined.
    @inline(__always) private static func word(_ text: Span<UInt8>, at index: Int) -> UInt64 {
        let bytes = text.extracting(index..<index + 8)
        var word: UInt64 = 0
        for place in 0..<8 { word |= UInt64(bytes[place]) &<< UInt64(place &* 8) }
        return word
    }

    /// The first byte from `start` on that the search index escapes: a control character, `"`,
    /// `\`, the `<`, `>` and `&` that could close its script, or 0xE2, the first byte of the
    /// line and paragraph separators (and of other characters, which the caller copies).
    static func firstEscapedInJSON(_ text: Span<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 8 <= text.count {
            let word = word(text, at: index)
            if below(0x20, in: word) | has(UInt8(ascii: "\""), in: word) | has(UInt8(ascii: "\\"), in: word)
                | has(UInt8(ascii: "<"), in: word) | has(UInt8(ascii: ">"), in: word) | has(UInt8(ascii: "&"), in: word)
                | has(0xE2, in: word) != 0 { break }
            index += 8
        }
        while index < text.count {
            switch text[index] {
            case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0xE2:
                return index
            default:
                index += 1
            }
        }
        return nil
    }

    /// The first byte from `start` on that HTML escapes: `&`, `<`, `>`, `"` or `'`.
    static func firstEscapedInHTML(_ text: Span<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 8 <= text.count {
            let word = word(text, at: index)
            if has(UInt8(ascii: "&"), in: word) | has(UInt8(ascii: "<"), in: word) | has(UInt8(ascii: ">"), in: word)
                | has(UInt8(ascii: "\""), in: word) | has(UInt8(ascii: "'"), in: word) != 0 { break }
            index += 8
        }
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return index
            default: index += 1
            }
        }
        return nil
    }

    /// Whether `text` has an ASCII digit: digits are the bytes below 10 once XORed with `0`
    /// (0x30 shares no bit with 0…9, and every other byte stays 10 or more).
    static func hasDigit(_ text: Span<UInt8>) -> Bool {
        var index = 0
        while index + 8 <= text.count {
            if below(10, in: word(text, at: index) ^ (ones &* 0x30)) != 0 { return true }
            index += 8
        }
        while index < text.count {
            if text[index] >= UInt8(ascii: "0") && text[index] <= UInt8(ascii: "9") { return true }
            index += 1
        }
        return false
    }
}
