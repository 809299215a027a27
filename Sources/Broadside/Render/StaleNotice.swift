extension Site {
    /// "This summary may be out of date", shown on the page and its handout when the page's
    /// legal review is older than the site allows (the `freshness/stale` check says the same).
    func staleNotice(for page: ContentPage, strings: Strings) -> String? {
        guard let reviewed = page.frontMatter.reviewed else { return nil }
        let days = reviewed.days(until: today)
        guard days > config.reviewIntervalDays else { return nil }
        return strings.format("stale_notice", ["days": String(days)])
    }
}
