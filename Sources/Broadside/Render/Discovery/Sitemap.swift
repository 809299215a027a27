/// `sitemap.xml` (sitemaps.org) for search engines: every page readers land on, each with its
/// translations as `xhtml:link hreflang` alternates, and `robots.txt` pointing to it.
struct Sitemap {
    let site: Site
    let base: String
    /// Every rendered route: only the web pages among them are listed.
    let routes: [Route]

    func render() -> String {
        let print = Set(site.handouts.map(\.route) + site.packets.map(\.route) + site.editions.flatMap(\.events).map(\.flyer))
        // Old addresses that send readers on are not pages to list.
        let unlisted = Set(site.editions.map(\.search) + site.redirects.map(\.from))
        let pages = Dictionary(site.pages.map { ($0.route, $0) }, uniquingKeysWith: { first, _ in first })
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for route in routes.sorted() where route.path.hasSuffix("index.html") && !print.contains(route) && !unlisted.contains(route) {
            xml += "<url>\n<loc>\(escapeHTML(PageContext.address(of: route, base: base)))</loc>\n"
            if let day = pages[route].flatMap({ $0.frontMatter.reviewed ?? $0.frontMatter.date }) {
                xml += "<lastmod>\(day)</lastmod>\n"
            }
            if let versions = site.alternates[route], versions.count > 1 {
                var links = site.editions.compactMap { edition in versions[edition.language.code].map { (edition.language.code, $0) } }
                if let fallback = versions[site.config.language] { links.append(("x-default", fallback)) }
                for (code, other) in links {
                    xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(code)\" href=\"\(escapeHTML(PageContext.address(of: other, base: base)))\"/>\n"
                }
            }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// robots.txt: it needs only the site's address, so it is made with the pages that need
    /// no list of routes.
    static func robots(base: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(base)sitemap.xml\n"
    }

    static let route = Route("sitemap.xml")
    static let robotsRoute = Route("robots.txt")
}
