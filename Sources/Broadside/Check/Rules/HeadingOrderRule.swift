/// `a11y/heading-order` and `content/repeated-title`: headings in the text start at `##` and
/// never skip a level; a first `#` heading that only says the title again is one finding of
/// its own, not also a heading-order one.
struct HeadingOrderRule: PageRule {
    var rules: [Rule] { [.headingOrder, .repeatedTitle] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        let headings = page.body.rendered.headings
        // Compared only when there is a `#` heading: most pages have none.
        let repeatsTitle = headings.first { $0.level == 1 }.map { heading in
            let title = page.frontMatter.title.map(PageChecks.comparable) ?? ""
            return !title.isEmpty && PageChecks.comparable(heading.text) == title
        } ?? false
        var previousLevel = 1
        for (index, heading) in headings.enumerated() {
            if heading.level == 1, repeatsTitle, !headings[..<index].contains(where: { $0.level == 1 }) {
                diagnostics.report(.finding(.repeatedTitle, "this heading repeats the page's title, which the page shows above it already: remove the `#` line, or change it to say something new",
                                            at: page.at(heading.line, heading.column)))
            } else if heading.level == 1 {
                diagnostics.report(.finding(.headingOrder, "the page title is already the top heading: start headings in the text at ##", at: page.at(heading.line)))
            } else if heading.level > previousLevel + 1 {
                diagnostics.report(.finding(.headingOrder, "this heading skips from level \(previousLevel) to \(heading.level): use \(String(repeating: "#", count: previousLevel + 1))",
                                            at: page.at(heading.line)))
            }
            previousLevel = heading.level
        }
    }
}
