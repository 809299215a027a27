/// A check of one page, judged from its source and what rendering recorded of it (its
/// `PageBody`): run with the page, across the cores, and kept with it for the next build.
protocol PageRule: Sendable {
    /// The rules its findings are of, as site.yml's `checks:` names them: with every one
    /// turned off, it is not run.
    var rules: [Rule] { get }
    func check(_ page: CheckedPage, diagnostics: inout Diagnostics)
}

/// A check across pages, judged once every page is made.
protocol SiteRule: Sendable {
    var rules: [Rule] { get }
    func check(_ site: Site, _ rendered: RenderedSite, diagnostics: inout Diagnostics)
}

/// One page as the page rules read it.
struct CheckedPage {
    let page: ContentPage
    let body: PageBody
    let site: Site
    /// `language/section` of every section whose pages are legal information.
    let legalSections: Set<String>

    var frontMatter: FrontMatter { page.frontMatter }
    /// The page's file, for findings about the page as a whole.
    var start: SourceLocation { SourceLocation(path: page.source.file.displayPath) }

    /// A place in the page's body, by its line there.
    func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(path: page.source.file.displayPath, line: line + page.source.bodyLineOffset, column: column)
    }
}

/// The page rules the site has on, ready to run on each of its pages.
struct PageChecks: Sendable {
    let site: Site
    let legalSections: Set<String>
    let rules: [any PageRule]

    init(site: Site) {
        self.site = site
        legalSections = Set(site.editions.flatMap { edition in edition.sections.filter(\.legal).map { "\(edition.language.code)/\($0.name)" } })
        rules = CheckRules.page.filter { CheckRules.isOn($0.rules, in: site) }
    }

    func run(_ page: ContentPage, body: PageBody, diagnostics: inout Diagnostics) {
        let checked = CheckedPage(page: page, body: body, site: site, legalSections: legalSections)
        for rule in rules { rule.check(checked, diagnostics: &diagnostics) }
    }
}
