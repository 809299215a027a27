/// `content/summary`: lists and search show a page's summary.
struct SummaryRule: PageRule {
    var rules: [Rule] { [.missingSummary] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        guard page.frontMatter.summary == nil && page.page.kind != .home && page.page.source.frontMatterIsReadable else { return }
        diagnostics.report(.finding(.missingSummary, "this page has no summary: add `summary:` with one plain sentence for lists and search", at: page.start))
    }
}
