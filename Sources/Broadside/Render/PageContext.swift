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
            "site": ["title": config.title, "accent": config.accent, "disclaimer": config.disclaimer,
                     "paper": config.paper == .a4 ? "A4" : "letter"],
            "breadcrumbs": breadcrumbs.map { ["title": $0.0, "url": route.link(to: $0.1)] },
            "hasBreadcrumbs": !breadcrumbs.isEmpty,
        ]
        let nav = navigation(section: section)
        context["nav"] = nav
        context["hasNav"] = !nav.isEmpty
        if let summary { context["summary"] = summary }
        if let base = config.baseURL, route == Site.notFound {
            // A server shows 404.html for a missing page at any depth, where relative links
            // would point nowhere: resolve them from the site's own address instead.
            context["baseHref"] = base
        }
        if let base = config.baseURL {
            context["canonical"] = base + (route.path.hasSuffix("index.html") ? String(route.path.dropLast("index.html".count)) : route.path)
        }
        let org = config.organization
        if org != SiteConfig.Organization() {
            context["organization"] = [
                "name": absent(org.name),
                "phone": absent(org.phone),
                "phoneLink": absent(org.phone.map(Self.telephoneLink)),
                "email": absent(org.email),
                "url": absent(org.url),
            ]
        }
        if site.assets.contains("site.css") { context["siteStylesheet"] = route.link(to: Route("assets/site.css")) }
        return context
    }

    private func navigation(section: String?) -> [[String: Any]] {
        var items: [[String: Any]] = site.sections.map {
            ["title": $0.title, "url": route.link(to: $0.route), "current": $0.name == section, "here": $0.route == route]
        }
        items += site.topPages.map { ["title": $0.title, "url": route.link(to: $0.route), "current": $0.route == route, "here": $0.route == route] }
        if !site.handouts.isEmpty || !site.packets.isEmpty {
            items.append(["title": "Print materials", "url": route.link(to: Site.printMaterials),
                          "current": route == Site.printMaterials, "here": route == Site.printMaterials])
        }
        if !site.tags.isEmpty {
            let inTags = route.path.hasPrefix("tags/")
            items.append(["title": "Topics", "url": route.link(to: Site.tagsIndex), "current": inTags, "here": route == Site.tagsIndex])
        }
        return items
    }

    /// A page as an entry of a resource list (home, sections, tags).
    func item(_ page: ContentPage) -> [String: Any] {
        [
            "title": page.title,
            "url": route.link(to: page.route),
            "summary": absent(page.frontMatter.summary),
            "date": absent(DateText.context(page.frontMatter.date)),
            "badge": absent(site.section(named: page.section)?.title),
        ]
    }

    /// `(555) 010-2400` → `tel:+15550102400`: a ten-digit number is a North American one.
    static func telephoneLink(_ phone: String) -> String {
        let digits = phone.filter { $0.isNumber || $0 == "+" }
        return "tel:" + (digits.count == 10 && !digits.hasPrefix("+") ? "+1" + digits : digits)
    }

    func tagLinks(_ tags: [Tag]) -> [[String: Any]] {
        tags.map { ["name": $0.label, "url": route.link(to: $0.route)] }
    }
}

/// Mustache looks a missing name up in the enclosing contexts, so an entry without a summary
/// would show the page's own. An explicit `false` stops the lookup and renders nothing.
func absent(_ value: Any?) -> Any {
    value ?? false
}
