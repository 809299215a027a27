/// Looks for a few ASCII bytes in UTF-8 text eight bytes at a time: a page's paragraphs rarely
/// hold a byte that JSON escapes, or a digit that a citation needs, and a loop over every byte
/// was most of that work. (The short values HTML escaping sees gain nothing: setting up costs
/// what the loop saves.) The bit tricks: `(w - 0x0101…) & ~w & 0x8080…` sets the high bit of a byte
/// of `w` that is zero (and of none when none is), and `(w - n·0x0101…) & ~w & 0x8080…` of
/// one below `n` (for `n` up to 0x80). A byte from 0x80 up, part of a longer character, is
/// never found.
struct ByteSearch: Sendable {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = ones &* 0x80

    /// Each byte looked for, in all eight places of a word.
    private let spread: [UInt64]
    private let bytes: [UInt8]
    /// Bytes below this are found too; 0 for none.
    private let below: UInt8

    init(_ bytes: String, below: UInt8 = 0) {
        self.bytes = Array(bytes.utf8)
        precondition(self.bytes.allSatisfy { $0 < 0x80 } && below <= 0x80, "ASCII only")
        spread = self.bytes.map { UInt64($0) &* Self.ones }
        self.below = below
    }

    /// The first place from `start` on holding one of the bytes.
    func firstIndex(in text: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        var index = start
        let under = UInt64(below) &* Self.ones
        while index + 8 <= text.count {
            let word = UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)
            var found = (word &- under) & ~word
            for byte in spread {
                let zeroed = word ^ byte
                found |= (zeroed &- Self.ones) & ~zeroed
            }
            if found & Self.highs != 0 { break }
            index += 8
        }
        return text[index...].firstIndex { $0 < below || bytes.contains($0) }
    }

    /// Whether `text` has an ASCII digit: digits are the bytes below 10 once `0` is taken
    /// from each (by bits: 0x30 has none of 0…9's).
    static func hasDigit(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 8 <= text.count {
            let word = UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self) ^ (ones &* 0x30)
            if (word &- ones &* 10) & ~word & highs != 0 { return true }
            index += 8
        }
        return text[index...].contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
