/// `freshness/stale`: last reviewed longer ago than site.yml's `review_interval_days`.
struct StaleRule: PageRule {
    var rules: [Rule] { [.stale] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        let today = page.site.today, allowed = page.site.config.reviewIntervalDays
        guard let reviewed = page.frontMatter.reviewed, reviewed <= today else { return }
        let days = reviewed.days(until: today)
        guard days > allowed else { return }
        diagnostics.report(.finding(.stale, "last reviewed \(days) days ago, more than the \(allowed) the site allows: review it and update `reviewed:`",
                                    at: page.frontMatter.reviewedLocation))
    }
}
