/// Searches of UTF-8 text made eight bytes at a time: a page's paragraphs rarely hold a byte
/// that JSON escapes, or a digit that a citation needs, nor its titles and addresses one that
/// HTML escapes, and a loop over every byte was most of that work. The bit trick:
/// `(w - n·0x0101…) & ~w & 0x8080…` sets the high bit of a byte of `w` below `n` (for `n` up
/// to 0x80), and is zero when `w` has none; with `n` = 1 it finds a zero byte, and so, once
/// `w` is XORed with a byte in every place, that byte. A byte from 0x80 up, part of a longer
/// character, is never found.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    private static func below(_ limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & (ones &* 0x80)
    }

    private static func word(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }

    /// The first byte from `start` on that a JSON string escapes: a control character, `"` or `\`.
    static func firstEscapedInJSON(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let quotes = ones &* UInt64(UInt8(ascii: "\"")), backslashes = ones &* UInt64(UInt8(ascii: "\\"))
        var index = start
        while index + 8 <= text.count {
            let word = word(text, at: index)
            if below(0x20, in: word) | below(1, in: word ^ quotes) | below(1, in: word ^ backslashes) != 0 { break }
            index += 8
        }
        return text[index...].firstIndex { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    /// The first byte from `start` on that HTML escapes: `&`, `<`, `>`, `"` or `'`.
    static func firstEscapedInHTML(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 8 <= text.count {
            let word = word(text, at: index)
            if below(1, in: word ^ ones &* UInt64(UInt8(ascii: "&"))) | below(1, in: word ^ ones &* UInt64(UInt8(ascii: "<")))
                | below(1, in: word ^ ones &* UInt64(UInt8(ascii: ">"))) | below(1, in: word ^ ones &* UInt64(UInt8(ascii: "\"")))
                | below(1, in: word ^ ones &* UInt64(UInt8(ascii: "'"))) != 0 { break }
            index += 8
        }
        return text[index...].firstIndex { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
    }

    /// Whether `text` has an ASCII digit: digits are the bytes below 10 once XORed with `0`
    /// (0x30 shares no bit with 0…9, and every other byte stays 10 or more).
    static func hasDigit(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 8 <= text.count {
            if below(10, in: word(text, at: index) ^ (ones &* 0x30)) != 0 { return true }
            index += 8
        }
        return text[index...].contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
