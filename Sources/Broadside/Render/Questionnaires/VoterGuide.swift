import BroadsideQR

/// A questionnaire's printed voter guide: both sides of one sheet, every candidate in a column
/// of the same width, each answer as a mark and a word with the candidate's own words under
/// it, and a QR code to the full answers online.
extension HandoutRenderer {
    static let mostColumns = 5

    func voterGuide(_ questionnaire: Questionnaire, collected: String) -> String {
        let strings = site.edition(questionnaire.language).strings
        let guide = questionnaire.guide
        var values = document(route: guide.route, title: questionnaire.title, languages: [questionnaire.language])
        values["title"] = .text(questionnaire.title)
        values["office"] = .text(questionnaire.office)
        values["election"] = .text(strings.format("questionnaire_election", ["date": strings.date(questionnaire.source.election)]))
        values["collected"] = .text(collected)
        values["legend"] = AnswerMark.legend(questionnaire, strings: strings)
        // Up to five candidates share a row per question, each a column of the same width; more
        // would leave columns too narrow to read, so each question then lists every candidate
        // on a line of its own, in the same order.
        values["blocks"] = .flag(questionnaire.candidates.count > Self.mostColumns)
        // The question column takes a fixed share; the candidates split the rest evenly.
        let width = String(format: "%.2f", 72.0 / Double(max(questionnaire.candidates.count, 1)))
        values["candidates"] = .list(questionnaire.candidates.map { ["name": .text($0.name), "party": .optional($0.party), "width": .text(width)] })
        values["questions"] = questionnaire.rows(strings: strings)
        if let base = site.config.baseURL {
            let url = PageContext.address(of: questionnaire.route, base: base)
            values["qr"] = QRCode.svg(for: url, label: strings.format("qr_code", ["url": url])).map { ["svg": .text($0), "url": .text(url)] } ?? false
        } else {
            values["qr"] = false
        }
        return theme.render(values, with: "voter-guide")
    }
}
