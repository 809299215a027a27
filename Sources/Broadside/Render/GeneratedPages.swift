import Foundation

extension SiteRenderer {
    /// The files made from the site's shape alone: `pages` (every language's generated pages,
    /// flyers and calendar files, made with the Markdown pages), and the theme's own files,
    /// feeds and robots.txt.
    func generated(_ pages: [Route: [UInt8]]) -> [Route: [UInt8]] {
        var output = pages
        // A file in Site/assets/ with the theme's name replaces it, as templates replace theirs.
        for (route, text) in [(Site.stylesheet, Theme.stylesheet), (Site.script, Theme.script),
                              (Site.printStylesheet, Theme.printStylesheet)]
        where !site.assets.contains(route.path.lastPathComponent) {
            output[route] = Array(text.utf8)
        }
        // Any icon of the site's own (svg, png or ico) replaces the built-in one.
        if site.favicon == Site.builtInFavicon {
            output[Site.builtInFavicon] = Array(Theme.favicon(accent: site.config.accent).utf8)
        }
        output[Site.noJekyll] = []
        for redirect in site.redirects { output[redirect.from] = Array(RedirectPages.page(redirect, site: site).utf8) }
        if !site.redirects.isEmpty {
            output[Site.redirectList] = Array(RedirectPages.list(site.redirects, base: site.config.baseURL).utf8)
        }
        if let base = site.config.baseURL {
            for edition in site.editions where PageContext.hasFeed(edition) {
                output[edition.feed] = Array(AtomFeed(site: site, edition: edition, base: base).render().utf8)
            }
            output[Sitemap.robotsRoute] = Array(Sitemap.robots(base: base).utf8)
        }
        return output
    }

    /// The pages made from the site's shape, each on its own (see `generated`).
    func generatedPages() -> [@Sendable () -> (Route, [UInt8])] {
        var pages: [@Sendable () -> (Route, [UInt8])] = []
        for edition in site.editions {
            pages += generatedPages(of: edition)
        }
        let printer = PrintRenderer(site: site, theme: theme, markdown: markdown)
        for files in events.values {
            pages.append { (files.flyer, Array(printer.flyer(files).utf8)) }
            pages.append { (files.calendar, Array(calendar(files).utf8)) }
        }
        return pages
    }

    /// The pages an edition has without a source file: its home, sections and topics when
    /// not written, the Print materials page, and (for the default language) the 404 page.
    func generatedPages(of edition: Edition) -> [@Sendable () -> (Route, [UInt8])] {
        let strings = edition.strings
        var pages: [@Sendable () -> (Route, [UInt8])] = []
        func page(_ route: Route, template: String, title: String, section: String? = nil, tagged: [ContentPage]? = nil) {
            pages.append { (route, renderGenerated(edition, route, template: template, title: title, section: section, tagged: tagged)) }
        }
        if edition.home == nil {
            page(edition.homeRoute, template: "home", title: strings["site_title"])
        }
        for section in edition.sections where section.index == nil {
            page(section.route, template: "section", title: section.title, section: section.name)
        }
        if !edition.tags.isEmpty {
            page(edition.tagsIndex, template: "tags", title: strings["topics"])
        }
        for (tag, tagged) in edition.tags {
            page(tag.route, template: "tag", title: strings.format("topic_title", ["topic": tag.label]), tagged: tagged)
        }
        if edition.prefix.isEmpty {
            page(Site.notFound, template: "not-found", title: strings["not_found_title"])
        }
        if edition.hasPrintMaterials {
            pages.append { (edition.printMaterials, printMaterials(edition, pageCounts: [:])) }
        }
        page(edition.search, template: "search", title: strings["search"])
        if !edition.events.isEmpty && edition.section(named: "events") == nil {
            page(edition.eventsPage, template: "events", title: strings["events"])
        }
        return pages
    }

    func renderGenerated(_ edition: Edition, _ route: Route, template: String, title: String, section: String? = nil,
                                 tagged: [ContentPage]? = nil) -> [UInt8] {
        let context = PageContext(model: contexts[site.editionIndex(edition.language.code)], route: route)
        var crumbs: [(String, Route)] = [(edition.strings["home"], edition.homeRoute)]
        if tagged != nil { crumbs.append((edition.strings["topics"], edition.tagsIndex)) }
        if let section { crumbs += edition.sections(around: section.parentPath).map { ($0.title, $0.route) } }
        var values = context.chrome(title: title, summary: nil, breadcrumbs: route == edition.homeRoute ? [] : crumbs,
                                    section: section?.split(separator: "/").first.map(String.init))
        addLists(to: &values, context: context, section: section)
        if route == Site.notFound {
            // A reader who lands on a missing page may not read the default language.
            values["otherLanguages"] = .list(site.editions.dropFirst().filter { $0.strings["not_found_text"] != edition.strings["not_found_text"] }
                .map { other -> TemplateValue in
                ["code": .text(other.language.code), "text": .text(other.strings["not_found_text"]), "home": .text(other.strings["not_found_home"]),
                 "url": .text(route.link(to: other.homeRoute))]
            })
        }
        if route == edition.search {
            values["searchData"] = .text(route.link(to: edition.searchIndex))
            values["isSearchPage"] = true
            values["script"] = .text(route.link(to: Site.script))
        }
        if let pages = tagged {
            values["items"] = .list(pages.map(context.item))
            values["hasItems"] = .flag(!pages.isEmpty)
            values["showBadges"] = true
        }
        // A list of thousands of pages is megabytes: its room made at once, not doubled a
        // dozen times, each time in fresh memory.
        guard case .list(let items)? = values["items"] else { return wrap(values, template: template) }
        return wrap(values, template: template, capacity: 16_384 + 512 * items.count)
    }
}
