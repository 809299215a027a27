/// Each questionnaire's comparison page, its candidates' pages and its printable voter guide,
/// in every language it has words in.
struct QuestionnairePages: OutputFormat {
    func files(_ renderer: SiteRenderer) -> [@Sendable () -> (Route, [UInt8])] {
        let printer = HandoutRenderer(site: renderer.site, theme: renderer.theme, markdown: renderer.markdown)
        var files: [@Sendable () -> (Route, [UInt8])] = []
        for questionnaire in renderer.site.questionnaires {
            let strings = renderer.site.edition(questionnaire.language).strings
            files.append { (questionnaire.route, renderer.comparison(questionnaire)) }
            files.append {
                (questionnaire.guide.route,
                 Array(printer.voterGuide(questionnaire, collected: renderer.collectedLine(questionnaire, strings: strings)).utf8))
            }
            for candidate in questionnaire.candidates {
                files.append { (candidate.route, renderer.candidatePage(candidate, of: questionnaire)) }
            }
        }
        return files
    }
}
