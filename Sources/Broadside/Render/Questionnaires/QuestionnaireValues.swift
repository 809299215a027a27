/// What the comparison page and the voter guide both show of a questionnaire: a row per
/// question, a cell per candidate, in the order the questionnaire lists them.
extension Questionnaire {
    func rows(strings: Strings) -> TemplateValue {
        .list(questions.enumerated().map { number, question in
            var row = TemplateFields()
            add(question, number: number + 1, to: &row)
            row["cells"] = .list(candidates.enumerated().map { index, candidate in
                var cell = Self.answer(candidate.answers[question.id], to: question, strings: strings)
                cell["candidate"] = .text(candidate.name)
                cell["id"] = .text("answer-\(number + 1)-\(index + 1)")
                return .object(cell)
            })
            return .object(row)
        })
    }

    func add(_ question: Question, number: Int, to fields: inout TemplateFields) {
        fields["number"] = .number(number)
        fields["text"] = .text(question.text)
        // A question still in the default language says so, for screen readers' voices.
        fields["lang"] = .optional(question.language == language ? nil : question.language)
    }

    static func answer(_ answer: Answer?, to question: Question, strings: Strings) -> TemplateFields {
        [
            "mark": AnswerMark(answer, to: question, strings: strings).values,
            "quote": .optional(answer.flatMap { $0.quote.isEmpty ? nil : $0.quote }),
            "source": .optional(answer?.source),
            "answered": .optional(answer?.date.map { strings.format("questionnaire_answered_on", ["date": strings.date($0)]) }),
            "hasSource": .flag(answer?.source != nil || answer?.date != nil),
        ]
    }
}
