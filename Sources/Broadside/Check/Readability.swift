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
        // Only the hardest few are reported, so only they are kept, and only they are made
        // into text, once all are counted: pages can be long.
        var worst: [(block: Int, range: Range<Int>, grade: Double)] = []
        for (index, block) in blocks.enumerated() {
            scan(block.text, spanish: spanish) { range, sentenceWords, sentenceSyllables in
                words += sentenceWords
                syllables += sentenceSyllables
                sentenceCount += 1
                let grade = grade(words: sentenceWords, sentences: 1, syllables: sentenceSyllables, spanish: spanish)
                if worst.count < hardest || grade > worst[worst.count - 1].grade {
                    worst.append((index, range, grade))
                    worst.sort { $0.grade > $1.grade }
                    if worst.count > hardest { worst.removeLast() }
                }
            }
        }
        guard words >= 30 else { return nil }  // too little text to measure honestly
        return (grade(words: words, sentences: sentenceCount, syllables: syllables, spanish: spanish),
                worst.map { Sentence(text: slice(blocks[$0.block].text[...], $0.range), line: blocks[$0.block].line, grade: $0.grade) })
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

    /// The sentences that have words: they end at `.`, `!` or `?` followed by a space, so
    /// "§ 1473.7" does not end one.
    static func split(_ text: String) -> [Substring] {
        var sentences: [Substring] = []
        scan(text, spanish: false) { range, _, _ in sentences.append(slice(text[...], range)) }
        return sentences
    }

    /// Each sentence of `text` with words in it (split at spaces, with a letter): its byte
    /// range, words and syllables. One pass over the bytes: a page is read letter by letter,
    /// and whole characters cost more, so only words beyond ASCII are read as characters.
    private static func scan(_ text: String, spanish: Bool, _ sentence: (Range<Int>, _ words: Int, _ syllables: Int) -> Void) {
        var copy = text  // `withUTF8` needs a variable; a native string is not copied
        copy.withUTF8 { bytes in
            var sentenceStart = 0, words = 0, syllables = 0
            var wordStart = 0, letters = AsciiSyllables(spanish: spanish), wide = false
            func endWord(at end: Int) {
                if wide {
                    let word = slice(text[...], wordStart..<end)
                    if word.contains(where: \.isLetter) {
                        words += 1
                        syllables += syllablesIn(word, spanish: spanish)
                    }
                } else if letters.hasLetters {
                    words += 1
                    syllables += letters.syllables
                }
                wordStart = end + 1
                letters = AsciiSyllables(spanish: spanish)
                wide = false
            }
            func endSentence(at end: Int) {
                if words > 0 { sentence(sentenceStart..<end, words, syllables) }
                sentenceStart = end + 1
                words = 0
                syllables = 0
            }
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == UInt8(ascii: " ") {
                    endWord(at: index)
                    if index > 0, bytes[index - 1] == UInt8(ascii: ".") || bytes[index - 1] == UInt8(ascii: "!") || bytes[index - 1] == UInt8(ascii: "?") {
                        endSentence(at: index)
                    }
                } else if byte >= 0x80 {
                    wide = true
                } else {
                    letters.add(byte)
                }
            }
            endWord(at: bytes.count)
            endSentence(at: bytes.count)
        }
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
