/// What lets readers and search engines follow the site, once it has an address online
/// (`base_url`): each language's Atom feed, robots.txt, and the sitemap, which lists every
/// file and so is made by the renderer after all the others.
struct Feeds: OutputFormat {
    func reserved(config: SiteConfig, assets: [String]) -> [(route: Route, owner: String)] {
        config.baseURL == nil ? [] : [(Sitemap.route, "the sitemap"), (Sitemap.robotsRoute, "robots.txt")]
    }

    func files(_ renderer: SiteRenderer) -> [@Sendable () -> (Route, [UInt8])] {
        let site = renderer.site
        guard let base = site.config.baseURL else { return [] }
        return site.editions.filter(PageContext.hasFeed).map { edition -> @Sendable () -> (Route, [UInt8]) in
            { (edition.feed, Array(AtomFeed(site: site, edition: edition, base: base).render().utf8)) }
        } + [{ (Sitemap.robotsRoute, Array(Sitemap.robots(base: base).utf8)) }]
    }
}
