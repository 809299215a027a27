import Foundation

extension SiteRenderer {
    /// The event's `.ics`, in its page's language.
    func calendar(_ files: EventFiles) -> String {
        let page = files.page
        // Without an address, the site's name keeps two organizations' events apart.
        let host = site.config.baseURL.flatMap { URL(string: $0)?.host } ?? Slug.make(site.config.title) + ".broadside.invalid"
        // A translation that sets its own times is its own event; in other words only, the same one.
        let ownTime = page.source.frontMatter.eventFields?.hasOwnTime == true
        let key = ownTime ? String(page.route.path.dropLast("/index.html".count)) : String(page.translationKey.dropLast(".md".count))
        return ICalendar(event: files.event, title: page.title, summary: page.frontMatter.summary,
                         url: site.config.baseURL.map { PageContext.address(of: page.route, base: $0) },
                         // One event in every language: importing the Spanish file after the
                         // English one updates the event instead of adding a second.
                         uid: "\(key)@\(host)", stamp: site.today,
                         strings: site.edition(page.language).strings).render()
    }
}
