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
            for text in split(block.text) {
                let (sentenceWords, sentenceSyllables) = count(text, spanish: spanish)
                guard sentenceWords > 0 else { continue }
                words += sentenceWords
                syllables += sentenceSyllables
                sentenceCount += 1
                // Only the hardest few are reported, so only they are kept: pages can be long.
                let sentence = Sentence(text: text, line: block.line,
                                        grade: grade(words: sentenceWords, sentences: 1, syllables: sentenceSyllables, spanish: spanish))
                if worst.count < hardest || sentence.grade > worst[worst.count - 1].grade {
                    worst.append(sentence)
                    worst.sort { $0.grade > $1.grade }
                    if worst.count > hardest { worst.removeLast() }
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
    /// Over bytes: a page is read letter by letter, and whole characters cost more.
    static func split(_ text: String) -> [Substring] {
        var text = text
        let ranges = text.withUTF8 { bytes -> [Range<Int>] in
            var ranges: [Range<Int>] = []
            var start = 0, blank = true, ascii = true
            func end(_ index: Int) {
                if !blank || !ascii { ranges.append(start..<index) }
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
        return ranges.compactMap { range in
            let sentence = slice(text[...], range)
            // Text beyond ASCII may be blank in ways only whole characters tell (a no-break space).
            return sentence.utf8.contains { $0 >= 0x80 } && !sentence.contains(where: { !$0.isWhitespace }) ? nil : sentence
        }
    }

    /// Words (split at spaces, with a letter) and their syllables in a sentence.
    private static func count(_ sentence: Substring, spanish: Bool) -> (words: Int, syllables: Int) {
        var sentence = sentence
        var words = 0, syllables = 0
        var wide: [Range<Int>] = []
        sentence.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: " ") {
                defer { start = index + 1 }
                guard index > start else { continue }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if word.contains(where: { $0 >= 0x80 }) {
                    wide.append(start..<index)  // counted by characters, below
                } else if word.contains(where: { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }) {
                    words += 1
                    syllables += asciiSyllables(word, spanish: spanish)
                }
            }
        }
        for range in wide {
            let word = slice(sentence, range)
            guard word.contains(where: \.isLetter) else { continue }
            words += 1
            syllables += syllablesIn(word, spanish: spanish)
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
            var word = word
            return word.withUTF8 { asciiSyllables($0, spanish: spanish) }
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

    /// The same count on plain ASCII bytes: most English words, and no allocation per letter.
    private static func asciiSyllables(_ bytes: UnsafeBufferPointer<UInt8>, spanish: Bool) -> Int {
        var count = 0
        var inVowel = false
        var last: UInt8 = 0, beforeLast: UInt8 = 0
        for byte in bytes {
            let letter = byte | 0x20
            guard letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z") else { continue }
            let isVowel: Bool
            switch letter {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): isVowel = true
            case UInt8(ascii: "y"): isVowel = !spanish
            default: isVowel = false
            }
            if isVowel && !inVowel { count += 1 }
            inVowel = isVowel
            beforeLast = last
            last = letter
        }
        if !spanish, last == UInt8(ascii: "e"), beforeLast != UInt8(ascii: "l"), count > 1 { count -= 1 }
        return max(count, 1)
    }
}
