/// School grade levels of plain text: Flesch–Kincaid for English, Fernández-Huerta for Spanish.
/// Formulas count words, sentences and syllables; they cannot tell good writing from bad, but
/// they do find the long sentences and long words that lose readers.
enum Readability {
    struct Sentence {
        var text: Substring
        var line: Int
        var grade: Double
    }

    /// The grade of all `blocks` together, and the `hardest` sentences with their grades.
    static func measure(_ blocks: [(text: String, line: Int)], language: String, hardest: Int = 3) -> (grade: Double, sentences: [Sentence])? {
        // Both formulas are for alphabetic languages with these syllable rules; others are not measured.
        guard language.hasPrefix("en") || language.hasPrefix("es") else { return nil }
        let spanish = language.hasPrefix("es")
        var words = 0, syllables = 0, sentenceCount = 0
        var worst: [Sentence] = []
        for block in blocks {
            var bytes = block.text  // `withUTF8` needs a variable; a native string is not copied
            bytes.withUTF8 { bytes in
                for range in sentences(bytes, of: block.text) {
                    let (sentenceWords, sentenceSyllables) = count(bytes, range, of: block.text, spanish: spanish)
                    guard sentenceWords > 0 else { continue }
                    words += sentenceWords
                    syllables += sentenceSyllables
                    sentenceCount += 1
                    // Only the hardest few are reported, so only they are kept, and only they
                    // are made into text: pages can be long.
                    let grade = grade(words: sentenceWords, sentences: 1, syllables: sentenceSyllables, spanish: spanish)
                    if worst.count < hardest || grade > worst[worst.count - 1].grade {
                        worst.append(Sentence(text: slice(block.text[...], range), line: block.line, grade: grade))
                        worst.sort { $0.grade > $1.grade }
                        if worst.count > hardest { worst.removeLast() }
                    }
                }
            }
        }
        guard words >= 30 else { return nil }  // too little text to measure honestly
        return (grade(words: words, sentences: sentenceCount, syllables: syllables, spanish: spanish), worst)
    }

    static func grade(words: Int, sentences: Int, syllables: Int, spanish: Bool) -> Double {
        let w = Double(words), s = Double(max(sentences, 1)), y = Double(syllables)
        if spanish {
            // Fernández-Huerta reading ease (0–100, higher is easier), put on the same school-grade
            // scale as Flesch's ease: 90 is about grade 5, 60 about grade 8.
            let ease = 206.84 - 0.60 * (y / w * 100) - 1.02 * (s / w * 100)
            return max(0, (100 - ease) / 10 + 4)
        }
        return max(0, 0.39 * (w / s) + 11.8 * (y / w) - 15.59)
    }

    /// Sentences end at `.`, `!` or `?` followed by a space; "§ 1473.7" does not end one.
    static func split(_ text: String) -> [Substring] {
        var bytes = text
        return bytes.withUTF8 { sentences($0, of: text) }.map { slice(text[...], $0) }
    }

    /// The byte ranges of `text`'s sentences that are not blank. Over bytes: a page is read
    /// letter by letter, and whole characters cost more.
    private static func sentences(_ bytes: UnsafeBufferPointer<UInt8>, of text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, blank = true, ascii = true
        func end(_ index: Int) {
            // Text beyond ASCII may be blank in ways only whole characters tell (a no-break space).
            if !blank || (!ascii && slice(text[...], start..<index).contains(where: { !$0.isWhitespace })) {
                ranges.append(start..<index)
            }
            start = index + 1
            blank = true
            ascii = true
        }
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: " "), index > 0,
               bytes[index - 1] == UInt8(ascii: ".") || bytes[index - 1] == UInt8(ascii: "!") || bytes[index - 1] == UInt8(ascii: "?") {
                end(index)
            } else if byte >= 0x80 {
                ascii = false
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r") {
                blank = false
            }
        }
        if start < bytes.count { end(bytes.count) }
        return ranges
    }

    /// Words (split at spaces, with a letter) and their syllables in the sentence at `range`,
    /// in one pass over its bytes.
    private static func count(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, of text: String,
                              spanish: Bool) -> (words: Int, syllables: Int) {
        var words = 0, syllables = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let start = index
            var letters = AsciiSyllables(spanish: spanish), wide = false
            while index < range.upperBound && bytes[index] != UInt8(ascii: " ") {
                if bytes[index] >= 0x80 { wide = true } else { letters.add(bytes[index]) }
                index += 1
            }
            let end = index
            index += 1  // past the space
            if wide {
                // Counted by characters.
                let word = slice(text[...], start..<end)
                guard word.contains(where: \.isLetter) else { continue }
                words += 1
                syllables += syllablesIn(word, spanish: spanish)
            } else if letters.hasLetters {
                words += 1
                syllables += letters.syllables
            }
        }
        return (words, syllables)
    }

    /// The part of `text` between two byte offsets from its start.
    private static func slice(_ text: Substring, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }

    /// Vowel groups, less a silent final e in English: close to a dictionary's count.
    static func syllablesIn(_ word: Substring, spanish: Bool) -> Int {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            var letters = AsciiSyllables(spanish: spanish)
            for byte in word.utf8 { letters.add(byte) }
            return letters.syllables
        }
        var count = 0
        var inVowel = false
        var last: Character = " ", beforeLast: Character = " "
        for character in word where character.isLetter {
            let letter = Character(character.lowercased())
            let isVowel = spanish ? "aeiouáéíóúü".contains(letter) : "aeiouy".contains(letter)
            if isVowel && !inVowel { count += 1 }
            inVowel = isVowel
            beforeLast = last
            last = letter
        }
        if !spanish, last == "e", beforeLast != "l", count > 1 { count -= 1 }
        return max(count, 1)
    }

    /// The same count on plain ASCII bytes, fed one at a time: most English words, and no
    /// allocation per letter.
    private struct AsciiSyllables {
        /// One bit per letter from `a`, set for vowels: a test instead of a branch per letter,
        /// which the processor cannot guess in running text.
        private let vowels: UInt32
        private let spanish: Bool
        private(set) var hasLetters = false
        private var count = 0, inVowel = false
        /// Letters as their place after `a`; 255 before the first.
        private var last: UInt8 = 255, beforeLast: UInt8 = 255

        init(spanish: Bool) {
            self.spanish = spanish
            let aeiou: UInt32 = 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20
            vowels = spanish ? aeiou : aeiou | 1 << 24  // y
        }

        mutating func add(_ byte: UInt8) {
            let letter = (byte | 0x20) &- UInt8(ascii: "a")
            guard letter < 26 else { return }
            hasLetters = true
            let isVowel = vowels >> letter & 1 == 1
            count += isVowel && !inVowel ? 1 : 0
            inVowel = isVowel
            beforeLast = last
            last = letter
        }

        var syllables: Int {
            let silentE = !spanish && last == UInt8(ascii: "e") - UInt8(ascii: "a") && beforeLast != UInt8(ascii: "l") - UInt8(ascii: "a") && count > 1
            return max(silentE ? count - 1 : count, 1)
        }
    }
}
