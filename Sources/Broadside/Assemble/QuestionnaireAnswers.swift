import Foundation

/// Reading a questionnaire's answers CSV: each row matched to an invited candidate and a
/// question, and every problem reported at its cell.
extension QuestionnaireAssembly {
    /// Each candidate's answers by question id, after reporting every row that does not fit.
    func match(_ source: QuestionnaireSource, diagnostics: inout Diagnostics) -> [String: [String: Questionnaire.Answer]] {
        guard let header = source.records.first else { return [:] }
        let csv = source.answersDisplayPath
        var column: [String: Int] = [:]
        for (index, written) in header.enumerated() {
            let name = written.text.trimmed.lowercased()
            if let first = column[name] {
                diagnostics.error("there are two '\(name)' columns (the first is column \(first + 1)): keep one", at: SourceLocation(path: csv, line: written.line, column: written.column))
            } else if Self.columns.contains(name) {
                column[name] = index
            } else {
                diagnostics.warning("column '\(written.text)' is not one a questionnaire reads, so it is not shown (columns: \(Self.columns.joined(separator: ", ")))",
                                    at: SourceLocation(path: csv, line: written.line, column: written.column))
            }
        }
        let missing = Self.columns.filter { column[$0] == nil }
        guard missing.isEmpty else {
            diagnostics.error("the answers have no \(missing.map { "'\($0)'" }.joined(separator: ", ")) column: the first line must be \(Self.columns.joined(separator: ","))",
                              at: SourceLocation(path: csv))
            return [:]
        }
        let candidates = Dictionary(source.candidates.map { (Slug.name($0.name.value), $0.name.value) }, uniquingKeysWith: { first, _ in first })
        // Ids are matched as a reader would: `Plea-Policy` in the CSV is the question `plea-policy`.
        let questions = Dictionary(source.questions.map { ($0.id.value.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var answers: [String: [String: Questionnaire.Answer]] = [:]
        var lines: [String: Int] = [:]
        /// Candidates some row names, whether or not its answer could be read.
        var named: Set<String> = []
        for row in source.records.dropFirst() {
            let line = row.first?.line ?? 1
            if row.count > header.count {
                let extra = row[header.count]
                diagnostics.warning("this row has \(row.count) cells but the first line names \(header.count) columns, so the cells from here on are not shown: remove them, or quote a cell that holds a comma",
                                    at: SourceLocation(path: csv, line: extra.line, column: extra.column))
            }
            /// The cell, its text trimmed; a row cut short has empty cells at its end.
            func cell(_ name: String) -> CSVField {
                let index = column[name]!
                guard row.indices.contains(index) else { return CSVField(text: "", line: line, column: 1) }
                return CSVField(text: row[index].text.trimmed, line: row[index].line, column: row[index].column)
            }
            func at(_ cell: CSVField) -> SourceLocation { SourceLocation(path: csv, line: cell.line, column: cell.column) }
            let who = cell("candidate"), what = cell("question"), answer = cell("answer"), quote = cell("quote"), link = cell("source"), day = cell("date")
            guard let name = candidates[Slug.name(who.text)] else {
                diagnostics.report(.finding(.questionnaireCandidate,
                    "'\(who.text)' is not a candidate in \(source.displayPath)\(nearest(who.text, in: source.candidates.map(\.name.value))): add them under `candidates:`, or fix the name",
                    at: at(who)))
                continue
            }
            named.insert(name)
            guard let question = questions[what.text.lowercased()] else {
                diagnostics.report(.finding(.questionnaireQuestion,
                    "there is no question '\(what.text)' in \(source.displayPath)\(nearest(what.text, in: source.questions.map(\.id.value))): use a question's `id:`",
                    at: at(what)))
                continue
            }
            // Every problem of the row is reported; a row that cannot be read as an answer is not
            // one. A quote over the limit is still the candidate's answer, shown as written.
            var unreadable = false
            func error(_ message: String, at location: SourceLocation) {
                diagnostics.error(message, at: location)
                unreadable = true
            }
            let key = name + "\n" + question.id.value
            if let first = lines[key] {
                error("\(name) already answers '\(question.id.value)' on line \(first): keep one answer per candidate and question", at: at(who))
            } else {
                lines[key] = line
            }
            if !question.scale.isEmpty && !question.scale.contains(answer.text.lowercased()) {
                error("'\(answer.text)' is not an answer to '\(question.id.value)': write one of \(question.scale.joined(separator: ", ")) (leave the row out for a candidate who did not answer)",
                                  at: at(answer))
            }
            if question.scale.isEmpty && answer.text.isEmpty && quote.text.isEmpty {
                error("this answer is empty: give the candidate's answer or quote, or leave the row out for a candidate who did not answer", at: at(answer))
            }
            // An open question's answer is the candidate's words too, and takes the same space.
            for (words, what) in [(quote, "quote"), (question.scale.isEmpty ? answer : CSVField(text: "", line: 0, column: 0), "answer")]
            where words.text.count > source.quoteLimit {
                diagnostics.report(.finding(.questionnaireQuoteLength,
                    "this \(what) is \(words.text.count) characters; every candidate gets the same space, at most \(source.quoteLimit) (`quote_limit:` in \(source.displayPath)): shorten it, marking cuts with …, and link the full answer in the source column",
                    at: at(words)))
            }
            if !link.text.isEmpty, let problem = AuthorURL.problem(link.text) {
                diagnostics.report(.safety(.unsafeURL, "'source': \(problem)", at: at(link)))
                unreadable = true
            } else if !link.text.isEmpty && !QuestionnaireSource.isWebAddress(link.text) {
                error("'\(link.text)' is not a full web address: write where the candidate said it, starting with https://", at: at(link))
            }
            let date = day.text.isEmpty ? nil : Day(day.text)
            if !day.text.isEmpty && date == nil {
                error("'\(day.text)' is not a date: write the day the candidate answered as YYYY-MM-DD", at: at(day))
            }
            guard !unreadable else { continue }
            answers[name, default: [:]][question.id.value] = .init(answer: question.scale.isEmpty ? answer.text : answer.text.lowercased(),
                                                                   quote: quote.text, source: link.text.isEmpty ? nil : link.text, date: date)
        }
        for candidate in source.candidates {
            let given = answers[candidate.name.value]?.count ?? 0
            if !named.contains(candidate.name.value) && candidate.responded {
                diagnostics.report(.finding(.questionnaireNoResponse,
                    "\(candidate.name.value) has no answers in \(csv), so every question shows \"did not respond\": add their answers, or write `responded: false` under their name if they sent none",
                    at: candidate.name.location))
            } else if given > 0 && !candidate.responded {
                diagnostics.error("\(candidate.name.value) has `responded: false`, but \(csv) has \(given) answers from them: remove one or the other",
                                  at: candidate.name.location)
            }
        }
        return answers
    }

    /// "; did you mean 'X'?" when one of `names` is a slip away from `written`.
    private func nearest(_ written: String, in names: [String]) -> String {
        func folded(_ text: String) -> [UInt8] { Array(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).utf8) }
        let best = names.map { (name: $0, distance: EditDistance.between(folded($0), folded(written), limit: 3)) }
            .filter { $0.distance <= 3 }.min { $0.distance < $1.distance }
        return best.map { " (did you mean '\($0.name)'?)" } ?? ""
    }
}
