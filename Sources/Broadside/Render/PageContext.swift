/// The values templates see. Every page gets the site-wide chrome (site, organization, nav,
/// breadcrumbs, `root` for relative links); each kind of page adds its own lists.
/// README's "Templates" section documents these names for theme overrides.
struct PageContext {
    let site: Site
    let route: Route

    func chrome(title: String, summary: String?, breadcrumbs: [(String, Route)], section: String?) -> [String: Any] {
        let config = site.config
        var context: [String: Any] = [
            "lang": config.language,
            "title": title,
            "documentTitle": route == site.home?.route ? config.title : "\(title) · \(config.title)",
            "root": route.toRoot,
            "stylesheet": route.link(to: Site.stylesheet),
            "homeURL": route.link(to: Route("index.html")),
            "site": ["title": config.title, "accent": config.accent, "disclaimer": config.disclaimer],
            "breadcrumbs": breadcrumbs.map { ["title": $0.0, "url": route.link(to: $0.1)] },
            "hasBreadcrumbs": !breadcrumbs.isEmpty,
        ]
        let nav = navigation(section: section)
        context["nav"] = nav
        context["hasNav"] = !nav.isEmpty
        if let summary { context["summary"] = summary }
        if let base = config.baseURL {
            context["canonical"] = base + (route.path.hasSuffix("index.html") ? String(route.path.dropLast("index.html".count)) : route.path)
        }
        let org = config.organization
        var organization: [String: Any] = [:]
        if let name = org.name { organization["name"] = name }
        if let phone = org.phone {
            organization["phone"] = phone
            organization["phoneLink"] = "tel:" + phone.filter { $0.isNumber || $0 == "+" }
        }
        if let email = org.email { organization["email"] = email }
        if let url = org.url { organization["url"] = url }
        if !organization.isEmpty { context["organization"] = organization }
        if site.assets.contains("site.css") { context["siteStylesheet"] = route.link(to: Route("assets/site.css")) }
        return context
    }

    private func navigation(section: String?) -> [[String: Any]] {
        var items: [[String: Any]] = site.sections.map {
            ["title": $0.title, "url": route.link(to: $0.route), "current": $0.name == section, "here": $0.route == route]
        }
        items += site.topPages.map { ["title": $0.title, "url": route.link(to: $0.route), "current": $0.route == route, "here": $0.route == route] }
        if !site.tags.isEmpty {
            let inTags = route.path.hasPrefix("tags/")
            items.append(["title": "Topics", "url": route.link(to: Site.tagsIndex), "current": inTags, "here": route == Site.tagsIndex])
        }
        return items
    }

    /// A page as an entry of a resource list (home, sections, tags).
    func item(_ page: ContentPage) -> [String: Any] {
        var item: [String: Any] = ["title": page.title, "url": route.link(to: page.route)]
        if let summary = page.frontMatter.summary { item["summary"] = summary }
        if let date = DateText.context(page.frontMatter.date) { item["date"] = date }
        if let section = site.sections.first(where: { $0.name == page.section }) { item["badge"] = section.title }
        return item
    }

    func tagLinks(_ tags: [Tag]) -> [[String: Any]] {
        tags.map { ["name": $0.name, "url": route.link(to: $0.route)] }
    }
}
