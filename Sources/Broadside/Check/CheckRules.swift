/// Every check rule, in the order each page's findings are made. A new rule is a file in
/// Rules/ and a line here (and its id in `Rule`).
enum CheckRules {
    static let page: [any PageRule] = [
        BrokenLinkRule(),
        SummaryRule(),
        FutureDateRule(),
        StaleRule(),
        UnreviewedRule(),
        ReadabilityRule(),
        HeadingOrderRule(),
        ImageAltRule(),
        EmptyLinkRule(),
        VagueLinkRule(),
        LeftoversRule(),
        LetterFieldsRule(),
        TableHeadersRule(),
    ]

    static let site: [any SiteRule] = [
        DuplicateTitleRule(),
        FragmentRule(),
    ]

    /// The site rules, each on a core of its own, their findings in the order of the list.
    /// (The page rules ran with each page: see `PageChecks`.)
    static func run(_ site: Site, _ rendered: RenderedSite, into diagnostics: inout Diagnostics) {
        let found = Self.site.filter { isOn($0.rules, in: site) }.concurrentMap { rule in
            var found = Diagnostics()
            rule.check(site, rendered, diagnostics: &found)
            return found
        }
        for findings in found { diagnostics.append(findings) }
    }

    /// Whether site.yml's `checks:` leaves any of `rules` on.
    static func isOn(_ rules: [Rule], in site: Site) -> Bool {
        rules.contains { site.config.rules.severity(of: $0) != nil }
    }
}
