/// `leftovers/liquid`, `leftovers/shortcode`, `leftovers/kramdown`: another generator's
/// markup left in the text, which readers would see as it is written.
struct LeftoversRule: PageRule {
    var rules: [Rule] { [.liquid, .shortcode, .kramdown] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        for leftover in Leftovers.find(in: page.page.source.body) {
            diagnostics.report(.finding(leftover.rule, leftover.message, at: page.at(leftover.line, leftover.column)))
        }
    }
}
