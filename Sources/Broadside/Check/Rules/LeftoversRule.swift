/// `leftovers/liquid`, `leftovers/shortcode`, `leftovers/kramdown`: another generator's
/// markup left in the text, which readers would see as it is written.
struct LeftoversRule: PageRule {
    var rules: [Rule] { [.liquid, .shortcode, .kramdown] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        // On a letter's page `{{…}}` is a field of the letter, checked by `LetterFieldsRule`.
        let isLetter = page.frontMatter.letter != nil
        for leftover in Leftovers.find(in: page.page.source.body) where !(isLetter && leftover.text.hasPrefix("{{") && leftover.rule == .liquid) {
            diagnostics.report(.finding(leftover.rule, leftover.message, at: page.at(leftover.line, leftover.column)))
        }
    }
}
