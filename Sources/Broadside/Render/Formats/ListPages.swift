/// The pages each language has without a source file: its home, sections and topics when not
/// written, the search page, the events page, the Print materials page, and (for the default
/// language) the 404 page.
struct ListPages: OutputFormat {
    func reserved(config: SiteConfig, assets: [String]) -> [(route: Route, owner: String)] {
        [(Site.notFound, "the 404 page")]
    }

    func files(_ renderer: SiteRenderer) -> [@Sendable () -> (Route, [UInt8])] {
        renderer.site.editions.flatMap(renderer.generatedPages)
    }
}

extension SiteRenderer {
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
