/// An Atom feed (RFC 4287) of a language's latest resources, for feed readers and for the
/// newsletters and chat bots that follow them. Needs `base_url`: a feed's links are absolute.
struct AtomFeed {
    let site: Site
    let edition: Edition
    let base: String

    static let size = 20

    func render() -> String {
        let strings = edition.strings
        let pages = edition.pages.filter { $0.kind == .page && $0.frontMatter.date != nil }
            .ordered(by: SiteAssembler.newestFirst).prefix(Self.size)
        func address(_ route: Route) -> String { escapeHTML(PageContext.address(of: route, base: base)) }
        func stamp(_ day: Day?) -> String { "\(day ?? Day(year: 1970, month: 1, day: 1))T00:00:00Z" }
        let updated = pages.compactMap { $0.frontMatter.reviewed ?? $0.frontMatter.date }.max()
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(edition.language.code)">
        <title>\(escapeHTML(strings.format("feed_title", ["site": strings["site_title"]])))</title>
        <id>\(address(edition.feed))</id>
        <link rel="self" type="application/atom+xml" href="\(address(edition.feed))"/>
        <link rel="alternate" type="text/html" href="\(address(edition.homeRoute))"/>
        <updated>\(stamp(updated ?? site.today))</updated>
        <author><name>\(escapeHTML(site.config.organization.name ?? strings["site_title"]))</name></author>

        """
        for page in pages {
            xml += """
            <entry>
            <title>\(escapeHTML(page.title))</title>
            <id>\(address(page.route))</id>
            <link rel="alternate" type="text/html" href="\(address(page.route))"/>
            <published>\(stamp(page.frontMatter.date))</published>
            <updated>\(stamp(page.frontMatter.reviewed.map { max($0, page.frontMatter.date!) } ?? page.frontMatter.date))</updated>
            \(page.frontMatter.summary.map { "<summary>\(escapeHTML($0))</summary>\n" } ?? "")\
            \(edition.section(named: page.section).map { "<category term=\"\(escapeHTML($0.name))\" label=\"\(escapeHTML($0.title))\"/>\n" } ?? "")\
            </entry>

            """
        }
        return xml + "</feed>\n"
    }
}
