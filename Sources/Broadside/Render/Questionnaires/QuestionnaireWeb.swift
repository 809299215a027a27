/// A questionnaire's web pages: the comparison of every candidate's answers, and one page per
/// candidate. Every candidate is shown the same way, in the order the questionnaire lists them.
extension SiteRenderer {
    func comparison(_ questionnaire: Questionnaire) -> [UInt8] {
        let (context, strings) = questionnaireContext(questionnaire, route: questionnaire.route)
        var values = context.chrome(title: questionnaire.title, summary: nil, breadcrumbs: crumbs(questionnaire, context),
                                    section: questionnaire.source.path.split(separator: "/").dropLast().first.map(String.init))
        addCommon(questionnaire, to: &values, context: context)
        values["titleLang"] = .optional(questionnaire.titleLanguage == questionnaire.language ? nil : questionnaire.titleLanguage)
        values["candidates"] = .list(questionnaire.candidates.map { candidate in
            ["name": .text(candidate.name), "party": .optional(candidate.party), "url": .text(context.route.link(to: candidate.route))]
        })
        values["questions"] = questionnaire.rows(strings: strings)
        values["answersFile"] = .optional(questionnaire.answersFile.map { context.route.link(to: $0) })
        return wrap(values, template: "questionnaire")
    }

    func candidatePage(_ candidate: Questionnaire.Candidate, of questionnaire: Questionnaire) -> [UInt8] {
        let (context, strings) = questionnaireContext(questionnaire, route: candidate.route)
        var values = context.chrome(title: candidate.name, summary: nil,
                                    breadcrumbs: crumbs(questionnaire, context) + [(questionnaire.title, questionnaire.route)],
                                    section: questionnaire.source.path.split(separator: "/").dropLast().first.map(String.init))
        addCommon(questionnaire, to: &values, context: context)
        values["party"] = .optional(candidate.party)
        values["website"] = .optional(candidate.url)
        values["answers"] = .list(questionnaire.questions.enumerated().map { number, question in
            var fields = Questionnaire.answer(candidate.answers[question.id], to: question, strings: strings)
            questionnaire.add(question, number: number + 1, to: &fields)
            return .object(fields)
        })
        values["others"] = .list(questionnaire.candidates.filter { $0.route != candidate.route }.map {
            ["name": .text($0.name), "url": .text(context.route.link(to: $0.route))]
        })
        return wrap(values, template: "candidate")
    }

    private func questionnaireContext(_ questionnaire: Questionnaire, route: Route) -> (PageContext, Strings) {
        let context = PageContext(model: contexts[site.editionIndex(questionnaire.language)], route: route)
        return (context, context.model.edition.strings)
    }

    /// Home, then the sections the questionnaire's folder sits in.
    private func crumbs(_ questionnaire: Questionnaire, _ context: PageContext) -> [(String, Route)] {
        let edition = context.model.edition
        let folder = questionnaire.source.path.parentPath
        return [(edition.strings["home"], edition.homeRoute)]
            + edition.sections(around: folder.isEmpty ? nil : folder).map { ($0.title, $0.route) }
    }

    /// What the comparison and candidate pages both show: the office, the election, when the
    /// answers were collected and by whom, the nonpartisan statement, the legend, the guide.
    private func addCommon(_ questionnaire: Questionnaire, to values: inout TemplateFields, context: PageContext) {
        let strings = context.model.edition.strings
        values["questionnaire"] = ["title": .text(questionnaire.title), "url": .text(context.route.link(to: questionnaire.route))]
        values["office"] = .text(questionnaire.office)
        // Words still in the default language say so, for screen readers' voices.
        values["officeLang"] = .optional(questionnaire.officeLanguage == questionnaire.language ? nil : questionnaire.officeLanguage)
        values["election"] = .text(strings.format("questionnaire_election", ["date": strings.date(questionnaire.source.election)]))
        values["collected"] = .text(collectedLine(questionnaire, strings: strings))
        values["intro"] = .optional(questionnaire.intro)
        values["legend"] = AnswerMark.legend(questionnaire, strings: strings)
        let guide = questionnaire.guide
        values["guide"] = ["url": .text(context.route.link(to: makesPDFs ? guide.pdf : guide.route)),
                           "label": .text(strings[makesPDFs ? "questionnaire_guide_pdf" : "questionnaire_guide"])]
    }

    func collectedLine(_ questionnaire: Questionnaire, strings: Strings) -> String {
        strings.format("questionnaire_collected", ["organization": site.config.organization.name ?? strings["site_title"],
                                                   "date": strings.date(questionnaire.source.collected)])
    }
}

extension PageContext {
    /// A questionnaire as an entry of its section's list.
    func item(_ questionnaire: Questionnaire) -> TemplateValue {
        ["title": .text(questionnaire.title), "url": .text(route.link(to: questionnaire.route)),
         "summary": .text(strings.format("questionnaire_election", ["date": strings.date(questionnaire.source.election)])),
         "date": false, "badge": .text(strings["questionnaire_badge"])]
    }
}
