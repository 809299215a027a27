extension Site {
    /// "This summary may be out of date", shown on the page and its handout when the page's
    /// legal review is older than the site allows (the `freshness/stale` check says the same).
    func staleNotice(for page: ContentPage) -> String? {
        guard let reviewed = page.frontMatter.reviewed else { return nil }
        let days = reviewed.days(until: today)
        guard days > config.reviewIntervalDays else { return nil }
        return "This summary may be out of date: it was last reviewed \(days) days ago. Laws and policies change; check with a lawyer before you act on it."
    }
}
