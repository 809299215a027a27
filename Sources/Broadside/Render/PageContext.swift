/// The values templates see. Every page gets the site-wide chrome (site, organization, nav,
/// breadcrumbs, languages, `t` for the interface's words, `root` for relative links); each
/// kind of page adds its own lists. README's "Templates" section documents these names.
struct PageContext {
    /// The site and the page's language, in one object that the pages of that language share:
    /// a context holding the two themselves counted forty-odd references when made and as many
    /// when let go, on objects both cores were counting.
    let model: Model
    let route: Route

    /// The page's words, copied: what is made for every page reads `model.edition.strings`
    /// where it is instead.
    var strings: Strings { model.edition.strings }

    final class Model: Sendable {
        let site: Site
        /// The language the page is in: its words, nav and lists.
        let edition: Edition

        init(site: Site, edition: Edition) {
            (self.site, self.edition) = (site, edition)
        }
    }

    /// `shared`, for a page in a section (not its index): the values it shares with the
    /// section's other pages at its depth, made once for all of them.
    func chrome(title: String, summary: String?, breadcrumbs: [(String, Route)], section: String?,
                shared: SharedChrome? = nil) -> TemplateFields {
        let siteTitle = model.edition.strings["site_title"]
        let key = SharedChromeKey(language: model.edition.language.code, section: section ?? "", depth: route.toRoot)
        var context = shared?.value(for: key) {
            var chrome = sharedChrome(section: section)
            chrome.share()
            return chrome
        } ?? sharedChrome(section: section)
        context.reserveCapacity(48)  // room for what the page adds, so it grows once
        context["title"] = .text(title)
        context["documentTitle"] = .text(route == model.edition.homeRoute ? siteTitle : "\(title) · \(siteTitle)")
        context["breadcrumbs"] = .list(breadcrumbs.map { ["title": .text($0.0), "url": .text(route.link(to: $0.1))] })
        context["hasBreadcrumbs"] = .flag(!breadcrumbs.isEmpty)
        addLanguages(to: &context)
        if let summary { context["summary"] = .text(summary) }
        if let base = model.site.config.baseURL, route == Site.notFound {
            // A server shows 404.html for a missing page at any depth, where relative links
            // would point nowhere: resolve them from the site's own address instead.
            context["baseHref"] = .text(base)
        }
        // 404.html stands for no page at all: it has no address to share or to prefer.
        if let base = model.site.config.baseURL, route != Site.notFound {
            let address = Self.address(of: route, base: base)
            context["canonical"] = .text(address)
            if Self.hasFeed(model.edition) {
                context["feed"] = ["url": .text(route.link(to: model.edition.feed)), "title": .text(model.edition.strings.format("feed_title", ["site": siteTitle]))]
            }
            // What a link shows when it is shared in a messaging app or on social media.
            let image = model.site.config.shareImage.map { base + Route("assets/" + $0).encodedPath }
            context["share"] = [
                "type": route == model.edition.homeRoute ? "website" : "article",
                "title": .text(title), "description": .optional(summary), "url": .text(address), "siteName": .text(siteTitle),
                "image": .optional(image), "card": image == nil ? "summary" : "summary_large_image",
            ]
        }
        return context
    }

    /// What depends only on the language, the section and how deep the page is: the same for
    /// a section's pages, but for its index (and the top pages), which the nav marks as here.
    private func sharedChrome(section: String?) -> TemplateFields {
        let config = model.site.config
        var context: TemplateFields = [
            "lang": .text(model.edition.language.code),
            "t": model.edition.strings.templateValues,
            "root": .text(route.toRoot),
            "stylesheet": .text(route.link(to: Site.stylesheet)),
            "homeURL": .text(route.link(to: model.edition.homeRoute)),
            "site": ["title": .text(model.edition.strings["site_title"]), "accent": .text(config.accent), "disclaimer": .text(model.edition.strings["disclaimer"]),
                     "paper": config.paper == .a4 ? "A4" : "letter"],
        ]
        let nav = navigation(section: section)
        context["nav"] = .list(nav)
        context["hasNav"] = .flag(!nav.isEmpty)
        context["favicon"] = .text(route.link(to: model.site.favicon))
        context["faviconType"] = model.site.favicon.path.hasSuffix(".svg") ? "image/svg+xml" : model.site.favicon.path.hasSuffix(".png") ? "image/png" : "image/x-icon"
        context["searchURL"] = .text(route.link(to: model.edition.search))
        let org = config.organization
        if org != SiteConfig.Organization() {
            context["organization"] = [
                "name": .optional(org.name),
                "phone": .optional(org.phone),
                "phoneLink": .optional(org.phone.map(Self.telephoneLink)),
                "email": .optional(org.email),
                "url": .optional(org.url),
            ]
        }
        if model.site.assets.contains("site.css") { context["siteStylesheet"] = .text(route.link(to: Route("assets/site.css"))) }
        return context
    }

    /// A language has a feed when the site has an address and the language has dated pages.
    static func hasFeed(_ edition: Edition) -> Bool {
        edition.pages.contains { $0.kind == .page && $0.frontMatter.date != nil }
    }

    /// `<link rel=alternate hreflang>` for each version of this page (and `x-default`, the
    /// default language's), and the switcher: every language, each linking to this page in it,
    /// or to its home page with a note in that language when the page is not translated.
    private func addLanguages(to context: inout TemplateFields) {
        guard model.site.editions.count > 1 else { return }
        let versions = model.site.alternates[route] ?? [model.edition.language.code: route]
        // Search engines read hreflang from full addresses only: without `base_url`, none.
        if let base = model.site.config.baseURL {
            var alternates: [TemplateValue] = model.site.editions.compactMap { other in
                versions[other.language.code].map { ["hreflang": .text(other.language.code), "href": .text(Self.address(of: $0, base: base))] }
            }
            if alternates.count > 1, let fallback = versions[model.site.config.language] {
                alternates.append(["hreflang": "x-default", "href": .text(Self.address(of: fallback, base: base))])
            }
            context["alternates"] = .list(alternates.count > 1 ? alternates : [])
        }
        context["languages"] = .list(model.site.editions.map { other -> TemplateValue in
            let code = other.language.code
            let target = versions[code]
            return [
                "code": .text(code), "name": .text(other.language.name), "current": .flag(code == model.edition.language.code),
                "url": .text(route.link(to: target ?? other.homeRoute)),
                "untranslated": .optional(target == nil ? other.strings["not_translated"] : nil),
            ]
        })
        context["hasLanguages"] = true
    }

    private func navigation(section: String?) -> [TemplateValue] {
        func item(_ title: String, _ target: Route, current: Bool, here: Bool) -> TemplateValue {
            ["title": .text(title), "url": .text(route.link(to: target)), "current": .flag(current), "here": .flag(here)]
        }
        var items = model.edition.topSections.map { item($0.title, $0.route, current: $0.name == section, here: $0.route == route) }
        items += model.edition.topPages.map { item($0.title, $0.route, current: $0.route == route, here: $0.route == route) }
        // Events in no `events` section still need a way in, past ones included.
        if !model.edition.events.isEmpty && model.edition.section(named: "events") == nil {
            let here = route == model.edition.eventsPage
            items.append(item(model.edition.strings["events"], model.edition.eventsPage, current: here, here: here))
        }
        if model.edition.hasPrintMaterials {
            let here = route == model.edition.printMaterials
            items.append(item(model.edition.strings["print_materials"], model.edition.printMaterials, current: here, here: here))
        }
        if !model.edition.tags.isEmpty {
            let inTags = route.path.hasPrefix(model.edition.prefix + "tags/")
            items.append(item(model.edition.strings["topics"], model.edition.tagsIndex, current: inTags, here: route == model.edition.tagsIndex))
        }
        return items
    }

    /// A page as an entry of a resource list (home, sections, tags).
    func item(_ page: ContentPage) -> TemplateValue {
        [
            "title": .text(page.title),
            "url": .text(route.link(to: page.route)),
            "summary": .optional(page.frontMatter.summary),
            "date": .optional(model.edition.strings.dateContext(page.frontMatter.date)),
            "badge": .optional(model.edition.section(named: page.section) { $0.title }),
        ]
    }

    /// A section as a card of the home page's list, or of the list of the section it is in.
    func sectionCard(_ section: Section) -> TemplateValue {
        ["title": .text(section.title), "url": .text(route.link(to: section.route)),
         "count": .text(model.edition.strings.count("resource_count", section.total)),
         "summary": .optional(section.index?.frontMatter.summary)]
    }

    /// The public address of `route`: `https://example.org/guides/da-forum/`.
    static func address(of route: Route, base: String) -> String {
        base + (route.path.hasSuffix("index.html") ? String(route.encodedPath.dropLast("index.html".count)) : route.encodedPath)
    }

    /// `(555) 010-2400` → `tel:+15550102400`: a ten-digit number is a North American one.
    static func telephoneLink(_ phone: String) -> String {
        let digits = phone.filter { $0.isNumber || $0 == "+" }
        return "tel:" + (digits.count == 10 && !digits.hasPrefix("+") ? "+1" + digits : digits)
    }

    func tagLinks(_ tags: [Tag]) -> TemplateValue {
        .list(tags.map { ["name": .text($0.label), "url": .text(route.link(to: $0.route))] })
    }
}

/// The chrome the pages of one language and section share at one depth, made by the first
/// page that needs it: a large site's pages would each make the same.
typealias SharedChrome = MadeOnce<SharedChromeKey, TemplateFields>

struct SharedChromeKey: Hashable {
    var language: String, section: String, depth: String
}
