/// School grade levels of plain text: Flesch–Kincaid for English, Fernández-Huerta for Spanish.
/// Formulas count words, sentences and syllables; they cannot tell good writing from bad, but
/// they do find the long sentences and long words that lose readers.
enum Readability {
    struct Sentence {
        var text: String
        var line: Int
        var grade: Double
    }

    /// The grade of all `blocks` together, and each sentence with its own grade.
    static func measure(_ blocks: [(text: String, line: Int)], language: String) -> (grade: Double, sentences: [Sentence])? {
        var words = 0, syllables = 0, sentenceCount = 0
        var sentences: [Sentence] = []
        for block in blocks {
            for text in split(block.text) {
                let tokens = text.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }
                guard !tokens.isEmpty else { continue }
                let counted = tokens.reduce(0) { $0 + syllablesIn($1, language: language) }
                words += tokens.count
                syllables += counted
                sentenceCount += 1
                sentences.append(Sentence(text: text, line: block.line,
                                          grade: grade(words: tokens.count, sentences: 1, syllables: counted, language: language)))
            }
        }
        guard words >= 30 else { return nil }  // too little text to measure honestly
        return (grade(words: words, sentences: sentenceCount, syllables: syllables, language: language), sentences)
    }

    static func grade(words: Int, sentences: Int, syllables: Int, language: String) -> Double {
        let w = Double(words), s = Double(max(sentences, 1)), y = Double(syllables)
        if language.hasPrefix("es") {
            // Fernández-Huerta reading ease (0–100, higher is easier), put on the same school-grade
            // scale as Flesch's ease: 90 is about grade 5, 60 about grade 8.
            let ease = 206.84 - 0.60 * (y / w * 100) - 1.02 * (s / w * 100)
            return max(0, (100 - ease) / 10 + 4)
        }
        return max(0, 0.39 * (w / s) + 11.8 * (y / w) - 15.59)
    }

    /// Sentences end at `.`, `!` or `?` followed by a space or the end; "§ 1473.7" does not end one.
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            if (previous == "." || previous == "!" || previous == "?") && character == " " && !current.isEmpty {
                sentences.append(current.trimmed)
                current = ""
            }
            current.append(character)
            previous = character
        }
        if !current.trimmed.isEmpty { sentences.append(current.trimmed) }
        return sentences
    }

    /// Vowel groups, less a silent final e in English: close to a dictionary's count.
    static func syllablesIn(_ word: Substring, language: String) -> Int {
        let letters = word.lowercased().filter(\.isLetter)
        let vowels: Set<Character> = language.hasPrefix("es") ? Set("aeiouáéíóúü") : Set("aeiouy")
        var count = 0
        var inVowel = false
        for letter in letters {
            let isVowel = vowels.contains(letter)
            if isVowel && !inVowel { count += 1 }
            inVowel = isVowel
        }
        if !language.hasPrefix("es"), letters.hasSuffix("e"), !letters.hasSuffix("le"), count > 1 { count -= 1 }
        return max(count, 1)
    }
}
