/// `readability/grade`: the page reads above site.yml's `reading_grade_target`; the message
/// quotes its hardest sentences.
struct ReadabilityRule: PageRule {
    var rules: [Rule] { [.readability] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        let target = page.site.config.readingGradeTarget
        let blocks = page.body.rendered.paragraphs.map { (utf8: $0.utf8, line: $0.line + page.page.source.bodyLineOffset) }
        guard let measured = Readability.measure(blocks, language: page.page.language), measured.grade > target else { return }
        var message: [UInt8] = []
        message.reserveCapacity(512)
        message += "reads at grade ".utf8
        PageChecks.appendOneDecimal(measured.grade, to: &message)
        message += ", above the target of ".utf8
        PageChecks.appendOneDecimal(target, to: &message)
        message += "; hardest sentences: ".utf8
        for (index, sentence) in measured.sentences.enumerated() {
            if index > 0 { message += "; ".utf8 }
            message += "line ".utf8
            message += String(sentence.line).utf8
            message += " (grade ".utf8
            PageChecks.appendOneDecimal(sentence.grade, to: &message)
            message += "): “".utf8
            PageChecks.appendExcerpt(sentence.text[...], to: &message)
            message += "”".utf8
        }
        diagnostics.report(.finding(.readability, String(decoding: message, as: UTF8.self), at: page.start))
    }
}
