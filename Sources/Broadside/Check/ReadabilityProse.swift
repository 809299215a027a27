extension Readability {
    /// Whether a paragraph is running text to measure, not a label, a list item of a few
    /// words, a street address or a table written with pipes (which a paragraph is until
    /// tables are read as tables). Headings are not paragraphs, so never come here.
    static func isProse(_ utf8: [UInt8]) -> Bool {
        // One pass, counting words (up to 20: more is prose), pipes and sentence ends; every
        // paragraph of every page comes here, so it stops at the twentieth word.
        guard utf8.first != UInt8(ascii: "|") else { return false }
        var words = 0, pipes = 0, ends = false, inWord = false, hasLetter = false, hasDigit = false
        for byte in utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { hasDigit = true }
            if byte == UInt8(ascii: " ") {
                if inWord && hasLetter { words += 1 }
                if words >= 20 { return pipes < 3 }
                (inWord, hasLetter) = (false, false)
                continue
            }
            inWord = true
            if isLetterByte(byte) { hasLetter = true }
            switch byte {
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): ends = true
            default: break
            }
        }
        if inWord && hasLetter { words += 1 }
        if pipes >= 3 { return false }
        if words >= 20 { return true }
        // A few words without a sentence's end: a label, a list item, a name.
        if !ends && words < 8 { return false }
        // Every address has a number: only a paragraph with one is read a word at a time.
        return !hasDigit || !looksLikeAddress(utf8)
    }

    /// `123 Main St., Suite 4, Oakland, CA 94612` or `Calle Mayor 12, 2º`: a number before a
    /// street word, or a state and ZIP code. Read as bytes: every short paragraph with a
    /// number comes here.
    static func looksLikeAddress(_ utf8: [UInt8]) -> Bool {
        func isPunctuation(_ byte: UInt8) -> Bool { byte < 0x80 && byte > 0x20 && !isLetterByte(byte) && !isDigit(byte) }
        // Each word's place, without the punctuation around it.
        var tokens: [Range<Int>] = []
        var start = 0
        for end in 0...utf8.count where end == utf8.count || utf8[end] == UInt8(ascii: " ") || utf8[end] == UInt8(ascii: ",") {
            var (low, high) = (start, end)
            while low < high, isPunctuation(utf8[low]) { low += 1 }
            while high > low, isPunctuation(utf8[high - 1]) { high -= 1 }
            if low < high { tokens.append(low..<high) }
            start = end + 1
        }
        func isNumber(_ token: Range<Int>) -> Bool { isDigit(utf8[token.lowerBound]) }
        func isWord(_ token: Range<Int>, in words: [[UInt8]]) -> Bool {
            words.contains { word in word.count == token.count && zip(word, utf8[token]).allSatisfy { $0 == $1 | 0x20 } }
        }
        for (index, token) in tokens.enumerated() {
            let next = tokens[(index + 1)...]
            if isNumber(token), next.prefix(3).contains(where: { isWord($0, in: streets) }) { return true }
            if isWord(token, in: streetFirst), next.prefix(4).contains(where: isNumber) { return true }
            if token.count == 5, utf8[token].allSatisfy(isDigit), index > 0, tokens[index - 1].count == 2,
               utf8[tokens[index - 1]].allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
                return true
            }
        }
        return false
    }

    // Not "court" or "way": legal text has "2 court dates" and "3 ways to".
    private static let streets = ["st", "street", "ave", "avenue", "blvd", "boulevard", "rd", "road", "dr", "ln", "lane",
                                  "suite", "ste", "floor", "fl", "calle", "avenida", "av", "piso", "plaza", "pl"].map { Array($0.utf8) }
    /// Street words that come before the number in Spanish.
    private static let streetFirst = ["calle", "avenida", "av"].map { Array($0.utf8) }
}
