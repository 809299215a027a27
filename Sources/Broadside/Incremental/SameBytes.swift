/// How a rebuild tells what changed: texts compared and hashed byte for byte.
extension String {
    /// Byte for byte. `==` counts canonically equivalent text as equal ("é" as one code point
    /// or as "e" and an accent), but a file saved the other way is a change to make.
    func hasSameBytes(as other: String) -> Bool {
        let x = utf8.span, y = other.utf8.span
        guard x.count == y.count else { return false }
        // A text kept from the last build is most often the very same text.
        if x.isIdentical(to: y) { return true }
        var index = 0
        while index < x.count && x[index] == y[index] { index += 1 }
        return index == x.count
    }
}

extension Hasher {
    /// The text's bytes and their count: unlike `combine(String)`, two spellings of one
    /// character hash apart, and no two texts in a row run together.
    mutating func combineBytes(_ text: String) {
        combineWords(text.utf8.span)
    }

    /// The same for part of a text, read where it is rather than copied out first.
    mutating func combineBytes(_ text: Substring) {
        combineWords(text.utf8.span)
    }

    /// Eight bytes at a time: one `combine` a byte costs several times more.
    private mutating func combineWords(_ bytes: Span<UInt8>) {
        combine(bytes.count)
        var word: UInt64 = 0
        for index in bytes.indices {
            word |= UInt64(bytes[index]) << (UInt64(index & 7) * 8)
            if index & 7 == 7 {
                combine(word)
                word = 0
            }
        }
        if bytes.count & 7 != 0 { combine(word) }
    }
}
