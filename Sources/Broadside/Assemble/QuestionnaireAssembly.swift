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

    private func unknownLanguage(_ code: String) -> String {
        "'\(code)' is not one of the site's languages (\(languageNames.keys.sorted().joined(separator: ", "))): add it under `languages:` in site.yml"
    }
}
