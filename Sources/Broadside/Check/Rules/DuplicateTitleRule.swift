/// `content/duplicate-title`: two pages of one language with the same title. Within one
/// language: a translation may keep a name that is the same in both.
struct DuplicateTitleRule: SiteRule {
    var rules: [Rule] { [.duplicateTitle] }

    func check(_ site: Site, _ rendered: RenderedSite, diagnostics: inout Diagnostics) {
        for edition in site.editions {
            var titles: [String: String] = [:]
            titles.reserveCapacity(edition.pages.count)
            for page in edition.pages {
                let title = page.title.lowercased()
                if let first = titles[title] {
                    diagnostics.report(.finding(.duplicateTitle, "'\(page.title)' is also the title of \(first): readers cannot tell them apart",
                                                at: SourceLocation(path: page.source.file.displayPath)))
                } else {
                    titles[title] = page.source.file.displayPath
                }
            }
        }
    }
}
