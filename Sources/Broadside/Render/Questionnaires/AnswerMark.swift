/// How an answer is shown: a mark and a word, never a color alone, so it reads the same in
/// grayscale print and to a screen reader (which hears the word; the mark is hidden from it).
struct AnswerMark {
    var symbol: String
    var word: String
    /// A class name: `yes`, `partly`, `no`, `declined`, `none`, `other`, `open`.
    var kind: String

    /// The scale words Broadside knows, with their marks; any other word is shown as written.
    static let known: [(word: String, symbol: String)] = [("yes", "✓"), ("partly", "◐"), ("no", "✖"), ("declined", "–"), ("unsure", "?")]

    init(symbol: String, word: String, kind: String) {
        (self.symbol, self.word, self.kind) = (symbol, word, kind)
    }

    /// The mark of `answer` to `question`; "did not respond" for none.
    init(_ answer: Questionnaire.Answer?, to question: Questionnaire.Question, strings: Strings) {
        guard let answer else {
            self.init(symbol: "○", word: strings["answer_none"], kind: "none")
            return
        }
        guard !question.scale.isEmpty else {
            self.init(symbol: "", word: answer.answer, kind: "open")
            return
        }
        self.init(scaleWord: answer.answer, strings: strings)
    }

    init(scaleWord word: String, strings: Strings) {
        if let known = Self.known.first(where: { $0.word == word }) {
            self.init(symbol: known.symbol, word: strings["answer_" + word], kind: word)
        } else {
            self.init(symbol: "•", word: Slug.humanize(word), kind: "other")
        }
    }

    var values: TemplateValue {
        ["symbol": .text(symbol), "hasSymbol": .flag(!symbol.isEmpty), "word": .text(word), "kind": .text(kind)]
    }

    /// The legend of a questionnaire: each scale word it uses, then "did not respond".
    static func legend(_ questionnaire: Questionnaire, strings: Strings) -> TemplateValue {
        var words: [String] = []
        for question in questionnaire.questions {
            for word in question.scale where !words.contains(word) { words.append(word) }
        }
        return .list(words.map { AnswerMark(scaleWord: $0, strings: strings).values }
                     + [AnswerMark(symbol: "○", word: strings["answer_none"], kind: "none").values])
    }
}
