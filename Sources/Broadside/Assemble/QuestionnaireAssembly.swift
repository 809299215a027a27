import Foundation

/// Matches each questionnaire's answers CSV to its questions and candidates, reports every
/// answer that does not fit, and places its pages and voter guide in each of its languages.
struct QuestionnaireAssembly {
    let config: SiteConfig
    let languageNames: [String: String]
    /// The interface's words by language: the guide's name on the Print materials page.
    let strings: [String: Strings]

    static let columns = ["candidate", "question", "answer", "quote", "source", "date"]

    /// One questionnaire per language it has words in, the default language's first. Its pages
    /// and guides are claimed, and its comparison page is where a link to its YAML file leads.
    func assemble(_ source: QuestionnaireSource, claims: inout RouteClaims, routes: inout Routes,
                  diagnostics: inout Diagnostics) -> [Questionnaire] {
        let answers = match(source, diagnostics: &diagnostics)
        let at = SourceLocation(path: source.displayPath)
        var made: [Questionnaire] = []
        for code in languages(of: source, diagnostics: &diagnostics) {
            let questionnaire = self.questionnaire(source, in: code, answers: answers, routes: routes, diagnostics: &diagnostics)
            claims.claim(questionnaire.route, by: source.displayPath, at: at, diagnostics: &diagnostics)
            for candidate in questionnaire.candidates {
                claims.claim(candidate.route, by: "the page of \(candidate.name) in \(source.displayPath)", at: at, diagnostics: &diagnostics)
            }
            claims.claim(questionnaire.guide.route, by: "the voter guide of \(source.displayPath)", at: at, diagnostics: &diagnostics)
            claims.claim(questionnaire.guide.pdf, by: "the voter guide PDF of \(source.displayPath)", at: at, diagnostics: &diagnostics)
            made.append(questionnaire)
        }
        // A page links to the questionnaire by its file, as to any page; a translated page's
        // link reaches the comparison in its own language.
        let file = source.path + QuestionnaireSource.suffix
        for questionnaire in made {
            let path = questionnaire.language == config.language ? file : "\(source.path).questionnaire.\(questionnaire.language).yml"
            routes.pages[path] = questionnaire.route
            routes.languages[path] = questionnaire.language
            routes.keys[path] = file
            routes.translations[file, default: [:]][questionnaire.language] = path
        }
        return made
    }

    /// Each comparison and candidate page's versions in the questionnaire's other languages, for
    /// hreflang and the language switcher.
    static func addAlternates(_ questionnaires: [Questionnaire], to alternates: inout [Route: [String: Route]]) {
        var groups: [String: [String: Route]] = [:]
        for questionnaire in questionnaires {
            let key = questionnaire.source.path
            groups[key, default: [:]][questionnaire.language] = questionnaire.route
            for (index, candidate) in questionnaire.candidates.enumerated() {
                groups["\(key)\n\(index)", default: [:]][questionnaire.language] = candidate.route
            }
        }
        for versions in groups.values where versions.count > 1 {
            for route in versions.values { alternates[route] = versions }
        }
    }

    /// Every language of the site: a language the questionnaire has no words in still gets its
    /// pages, with the interface's words in it and the questions in the default language.
    private func languages(of source: QuestionnaireSource, diagnostics: inout Diagnostics) -> [String] {
        for question in source.questions {
            for code in question.translations.keys.sorted() where languageNames[code] == nil {
                diagnostics.error(unknownLanguage(code), at: question.translationLocations[code] ?? question.textLocation)
            }
        }
        for code in source.translations.keys.sorted() where languageNames[code] == nil {
            diagnostics.error(unknownLanguage(code), at: source.translationLocations[code] ?? SourceLocation(path: source.displayPath))
        }
        return config.languages.map(\.code)
    }

    private func questionnaire(_ source: QuestionnaireSource, in code: String, answers: [String: [String: Questionnaire.Answer]],
                               routes: Routes, diagnostics: inout Diagnostics) -> Questionnaire {
        let prefix = Translations.prefix(for: code, config: config)
        let words = code == config.language ? nil : source.translations[code]
        let folder = prefix + source.path + "/"
        let name = languageNames[code] ?? code, defaultName = languageNames[config.language] ?? config.language
        // Without a word in this language, one message says so, not one per question.
        let untranslated = code != config.language && words == nil && !source.questions.contains { $0.translations[code] != nil }
        if untranslated {
            diagnostics.report(.finding(.missingTranslation,
                "this questionnaire has no \(name) words yet, so its \(name) pages and voter guide ask every question in \(defaultName): add `translations: {\(code): …}` to each question, and `translations:` with \(code): title and office",
                at: SourceLocation(path: source.displayPath)))
        }
        let questions = source.questions.map { question -> Questionnaire.Question in
            if code == config.language { return .init(id: question.id.value, text: question.text, language: code, scale: question.scale) }
            guard let text = question.translations[code] else {
                if untranslated { return .init(id: question.id.value, text: question.text, language: config.language, scale: question.scale) }
                diagnostics.report(.finding(.missingTranslation,
                    "question '\(question.id.value)' has no \(languageNames[code] ?? code) text, so the \(languageNames[code] ?? code) pages ask it in \(languageNames[config.language] ?? config.language): add `translations: {\(code): …}` to it",
                    at: question.textLocation))
                return .init(id: question.id.value, text: question.text, language: config.language, scale: question.scale)
            }
            return .init(id: question.id.value, text: text, language: code, scale: question.scale)
        }
        let office = words?.office ?? source.office
        let file = Questionnaire.fileName(source.path)
        let title = words?.title ?? source.title
            ?? strings[code].map { $0.format("questionnaire_default_title", ["office": office]) } ?? office
        return Questionnaire(
            source: source, language: code, title: title, office: office,
            titleLanguage: words?.title != nil || source.title == nil || code == config.language ? code : config.language,
            officeLanguage: words?.office != nil || code == config.language ? code : config.language, intro: words?.intro ?? source.intro, questions: questions,
            candidates: source.candidates.map {
                .init(name: $0.name.value, party: $0.party, url: $0.url, route: Route(folder + Slug.name($0.name.value) + "/index.html"),
                      answers: answers[$0.name.value] ?? [:])
            },
            route: Route(folder + "index.html"),
            answersFile: routes.files[source.answers.value],
            guide: PrintDocument(route: Route("\(prefix)handouts/\(file)-voter-guide/index.html"), pdf: Route("\(prefix)handouts/\(file)-voter-guide.pdf"),
                                 title: strings[code]?["questionnaire_voter_guide"] ?? "Voter guide", language: code, group: title, source: source.displayPath, budget: 2,
                                 budgetLocation: source.quoteLimitLocation ?? SourceLocation(path: source.displayPath),
                                 what: "voter guide", advice: "a voter guide has (both sides of one sheet): lower `quote_limit:` and shorten the quotes, or ask fewer questions"))
    }

    /// Each candidate's answers by question id, after reporting every row that does not fit.
    private func match(_ source: QuestionnaireSource, diagnostics: inout Diagnostics) -> [String: [String: Questionnaire.Answer]] {
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

    private func unknownLanguage(_ code: String) -> String {
        "'\(code)' is not one of the site's languages (\(languageNames.keys.sorted().joined(separator: ", "))): add it under `languages:` in site.yml"
    }
}
