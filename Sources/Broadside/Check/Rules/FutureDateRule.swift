/// `content/future-date`: a date or review date after today.
struct FutureDateRule: PageRule {
    var rules: [Rule] { [.futureDate] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        let fm = page.frontMatter, today = page.site.today
        if let date = fm.date, date > today {
            diagnostics.report(.finding(.futureDate, "the date \(date) is in the future", at: fm.dateLocation))
        }
        if let reviewed = fm.reviewed, reviewed > today {
            diagnostics.report(.finding(.futureDate, "the review date \(reviewed) is in the future", at: fm.reviewedLocation))
        }
    }
}
