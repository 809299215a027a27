import Foundation

/// School grade levels of plain text: Flesch–Kincaid for English, Fernández-Huerta for Spanish.
/// Formulas count words, sentences and syllables; they cannot tell good writing from bad, but
/// they do find the long sentences and long words that lose readers.
enum Readability {
    struct Sentence {
        var text: String
        var line: Int
        var grade: Double
    }

    /// The grade of all `blocks` (UTF-8 text) together, and the `hardest` sentences with their grades.
    static func measure(_ blocks: [(utf8: [UInt8], line: Int)], language: String, hardest: Int = 3) -> (grade: Double, sentences: [Sentence])? {
        // Both formulas are for alphabetic languages with these syllable rules; others are not measured.
        guard language.hasPrefix("en") || language.hasPrefix("es") else { return nil }
        let spanish = language.hasPrefix("es")
        var words = 0, syllables = 0, sentenceCount = 0
        // Only the hardest few are reported, so only they are kept, and only they are made
        // into text, once all are counted: pages can be long.
        var worst: [(block: Int, range: Range<Int>, grade: Double)] = []
        for (index, block) in blocks.enumerated() where isProse(block.utf8) {
            scan(block.utf8.span, spanish: spanish) { range, sentenceWords, sentenceSyllables in
                words += sentenceWords
                syllables += sentenceSyllables
                sentenceCount += 1
                // A sentence of a word or two counts toward the page, but is too short to
                // grade on its own: one long Spanish word scored grade 45.
                guard sentenceWords >= quotedWords else { return }
                // Ranked unclamped: of two sentences past the highest grade, the harder comes first.
                let grade = rawGrade(words: sentenceWords, sentences: 1, syllables: sentenceSyllables, spanish: spanish)
                if worst.count < hardest || grade > worst[worst.count - 1].grade {
                    worst.append((index, range, grade))
                    worst.sort { $0.grade > $1.grade }
                    if worst.count > hardest { worst.removeLast() }
                }
            }
        }
        guard words >= 30 else { return nil }  // too little text to measure honestly
        return (grade(words: words, sentences: sentenceCount, syllables: syllables, spanish: spanish),
                worst.map { Sentence(text: String(decoding: blocks[$0.block].utf8[$0.range], as: UTF8.self), line: blocks[$0.block].line, grade: min(highestGrade, $0.grade)) })
    }

    /// The fewest words a sentence has to be graded and quoted on its own.
    static let quotedWords = 4
    /// The highest grade given: past graduate school the formulas measure nothing a reader
    /// would recognize, only how long a few words are.
    static let highestGrade = 20.0

    static func grade(words: Int, sentences: Int, syllables: Int, spanish: Bool) -> Double {
        min(highestGrade, rawGrade(words: words, sentences: sentences, syllables: syllables, spanish: spanish))
    }

    private static func rawGrade(words: Int, sentences: Int, syllables: Int, spanish: Bool) -> Double {
        guard words > 0 else { return 0 }  // nothing to read is no harder than grade 0
        let w = Double(words), s = Double(max(sentences, 1)), y = Double(syllables)
        if spanish {
            // Fernández-Huerta reading ease (0–100, higher is easier), put on the same school-grade
            // scale as Flesch's ease: 90 is about grade 5, 60 about grade 8.
            let ease = 206.84 - 0.60 * (y / w * 100) - 1.02 * (s / w * 100)
            return max(0, (100 - ease) / 10 + 4)
        }
        return max(0, 0.39 * (w / s) + 11.8 * (y / w) - 15.59)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    @inline(__always) static func isLetterByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// The sentences that have words: they end at `.`, `!` or `?` followed by a space, so
    /// "§ 1473.7" does not end one.
    static func split(_ text: String) -> [Substring] {
        var sentences: [Substring] = []
        scan(text.utf8.span, spanish: false) { range, _, _ in sentences.append(slice(text[...], range)) }
        return sentences
    }

    /// Each sentence of UTF-8 text with words in it (split at spaces, with a letter): its byte
    /// range, words and syllables. One pass over the bytes, each looked up in a table of what
    /// it is: a page is read letter by letter. Only words beyond ASCII are read as characters.
    private static func scan(_ bytes: Span<UInt8>, spanish: Bool, _ sentence: (Range<Int>, _ words: Int, _ syllables: Int) -> Void) {
        let table = spanish ? spanishKinds : englishKinds
        let kinds = table.span
        var sentenceStart = 0, words = 0, syllables = 0
        // The word so far: where it starts, its groups of vowels, whether it is in one, 1 in
        // `letters` once it has a letter, and whether it has bytes beyond ASCII.
        var wordStart = 0, vowelGroups = 0, inVowel: UInt8 = 0, letters: UInt8 = 0, wide = false
        var index = 0
        while true {
            // A word's letters and the ASCII among them, worked out without a branch: only
            // a space or a byte beyond ASCII leaves this loop.
            var kind = ByteKind.space  // the end of the text ends a word
            while index < bytes.count {
                kind = kinds[Int(bytes[index])]
                if kind >= ByteKind.space { break }
                // Other ASCII (digits, punctuation) neither starts nor ends a group of vowels.
                let vowel = kind & 1, letter = kind >> 1
                vowelGroups &+= Int(vowel & ~inVowel)
                inVowel = (inVowel & ~letter) | vowel
                letters |= letter
                index &+= 1
            }
            if kind == ByteKind.beyondASCII {
                wide = true
                index &+= 1
                continue
            }
            // The end of a word: at a space, or the text's end.
            if wide {
                // A character is a letter by its first scalar: a word with no alphabetic
                // scalar at all (`§`, a dash, quotes) has none, and is not made a string.
                if let word = try? UTF8Span(validating: bytes.extracting(wordStart..<index)),
                   letters != 0 || hasAlphabeticScalar(word) {
                    let text = String(copying: word)
                    if text.contains(where: \.isLetter) {
                        words += 1
                        syllables += syllablesIn(text[...], spanish: spanish)
                    }
                }
            } else if letters != 0 {
                words += 1
                syllables += lessSilentE(vowelGroups, word: bytes.extracting(wordStart..<index), kinds: kinds,
                                         spanish: spanish)
            }
            (vowelGroups, inVowel, letters, wide) = (0, 0, 0, false)
            let atEnd = index == bytes.count
            if atEnd || (index > 0 && endsSentence(bytes[index - 1])) {
                if words > 0 { sentence(sentenceStart..<index, words, syllables) }
                sentenceStart = index + 1
                (words, syllables) = (0, 0)
            }
            if atEnd { return }
            index += 1
            wordStart = index
        }
    }

    /// Whether `byte`, before a space or the end, ends a sentence.
    @inline(__always) private static func endsSentence(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    /// Whether UTF-8 text has a scalar that is alphabetic (a letter, or a mark counted as one).
    private static func hasAlphabeticScalar(_ text: UTF8Span) -> Bool {
        var scalars = text.makeUnicodeScalarIterator()
        while let scalar = scalars.next() {
            if scalar.properties.isAlphabetic { return true }
        }
        return false
    }

    /// What each byte is to `scan`: looked up, not worked out with a branch per letter, which
    /// the processor cannot guess in running text.
    private enum ByteKind {
        // A letter has the second bit, a vowel the first as well: `scan` reads them without a branch.
        static let other: UInt8 = 0, consonant: UInt8 = 2, vowel: UInt8 = 3, space: UInt8 = 4, beyondASCII: UInt8 = 5
    }

    private static let englishKinds = byteKinds(vowels: "aeiouy")
    private static let spanishKinds = byteKinds(vowels: "aeiou")

    private static func byteKinds(vowels: String) -> [UInt8] {
        (0...255).map { (byte: Int) -> UInt8 in
            if byte >= 0x80 { return ByteKind.beyondASCII }
            if byte == Int(UInt8(ascii: " ")) { return ByteKind.space }
            let lower = UInt8(byte) | 0x20
            guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { return ByteKind.other }
            return vowels.utf8.contains(lower) ? ByteKind.vowel : ByteKind.consonant
        }
    }

    /// The syllables of an ASCII word with `vowelGroups`: one less for a silent final e in
    /// English ("name", not "table"), and at least one. Its last two letters are looked for
    /// only here, back from its end, and only when that could change the count.
    private static func lessSilentE(_ vowelGroups: Int, word: Span<UInt8>, kinds: Span<UInt8>,
                                    spanish: Bool) -> Int {
        guard !spanish, vowelGroups > 1 else { return max(vowelGroups, 1) }
        var last: UInt8?, beforeLast: UInt8?
        for index in word.indices.reversed() where kinds[Int(word[index])] != ByteKind.other {
            let byte = word[index]
            if last == nil { last = byte | 0x20 } else { beforeLast = byte | 0x20; break }
        }
        return last == UInt8(ascii: "e") && beforeLast != UInt8(ascii: "l") ? vowelGroups - 1 : vowelGroups
    }

    /// The part of `text` between two byte offsets from its start.
    private static func slice(_ text: Substring, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }

    /// Vowel groups, less a silent final e in English: close to a dictionary's count.
    static func syllablesIn(_ word: Substring, spanish: Bool) -> Int {
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
}
