/// `freshness/unreviewed`: a page of a legal section with no `reviewed:` date.
struct UnreviewedRule: PageRule {
    var rules: [Rule] { [.unreviewed] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        guard page.frontMatter.reviewed == nil, page.page.kind == .page, let folder = page.page.folder,
              page.legalSections.contains("\(page.page.language)/\(folder)") else { return }
        diagnostics.report(.finding(.unreviewed, "this legal page has no `reviewed:` date: add the day a lawyer or advocate last checked it", at: page.start))
    }
}
