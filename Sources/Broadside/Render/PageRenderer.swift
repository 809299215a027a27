import Foundation

/// A Markdown page inside its template, with the lists a home or section page shows.
extension SiteRenderer {
    func render(_ page: ContentPage, body: PageBody) -> [UInt8] {
        let context = PageContext(model: contexts[site.editionIndex(page.language)], route: page.route)
        var crumbs: [(String, Route)] = []
        if page.kind != .home {
            crumbs.append((context.model.edition.strings["home"], context.model.edition.homeRoute))
            // The sections around it, the outermost first; a section's page is not its own crumb.
            let around = context.model.edition.sections(around: page.kind == .section ? page.folder?.parentPath : page.folder)
            crumbs += around.map { ($0.title, $0.route) }
        }
        var values = context.chrome(title: page.title, summary: page.frontMatter.summary, breadcrumbs: crumbs, section: page.section,
                                    shared: page.kind == .page && page.section != nil ? sharedChrome : nil)
        // A body of blank lines alone (cmark writes no other white space outside tags) is none.
        if body.html.contains(where: { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: " ") }) { values["body"] = .html(body.html) }
        values["toc"] = body.toc
        // A table of contents with a single entry only repeats the page.
        values["hasToc"] = .flag(body.headings.filter { $0.level == 2 || $0.level == 3 }.count >= 2)
        values["date"] = context.model.edition.strings.dateContext(page.frontMatter.date)
        if let reviewed = page.frontMatter.reviewed { values["reviewed"] = context.model.edition.strings.dateContext(reviewed) }
        values["hasMeta"] = .flag(page.frontMatter.date != nil || page.frontMatter.reviewed != nil)
        values["draft"] = .flag(page.frontMatter.draft)
        values["stale"] = .optional(site.staleNotice(for: page, strings: context.model.edition.strings))
        values["citations"] = body.citationValues
        values["hasCitations"] = .flag(!body.citations.isEmpty)
        values["terms"] = body.termValues
        values["hasTerms"] = .flag(!body.terms.isEmpty)
        values["idPrefix"] = ""
        if body.needsScript { values["script"] = .text(page.route.link(to: Site.script)) }
        values["hasWideTable"] = .flag(body.hasWideTable)
        if let handout = handouts[page.route] {
            values["handout"] = makesPDFs
                ? ["url": .text(page.route.link(to: handout.pdf)), "label": .text(context.model.edition.strings["printable_handout_pdf"])]
                : ["url": .text(page.route.link(to: handout.route)), "label": .text(context.model.edition.strings["printable_handout"])]
        }
        values["event"] = .optional(events[page.route].map { context.event($0, makesPDFs: makesPDFs) })
        values["tags"] = context.tagLinks(page.tags)
        values["hasTags"] = .flag(!page.tags.isEmpty)
        if page.kind == .page, let section = context.model.edition.section(named: page.section, { $0.title }) {
            values["badge"] = .text(section)
        }
        addLists(to: &values, context: context, section: page.kind == .section ? page.folder : nil)
        if page.frontMatter.letter != nil { addLetter(to: &values, page: page) }
        return wrap(values, template: page.template)
    }

    /// The lists of the home page, a section's page and the topic index.
    func addLists(to values: inout TemplateFields, context: PageContext, section: String?) {
        if context.route == context.model.edition.homeRoute {
            let dated = context.model.edition.pages.filter { $0.kind == .page && $0.frontMatter.date != nil }
            values["items"] = .list(dated.ordered(by: SiteAssembler.newestFirst).prefix(6).map(context.item))
            values["hasItems"] = .flag(!dated.isEmpty)
            values["showBadges"] = true
            let sections = context.model.edition.topSections
            values["hasSections"] = .flag(!sections.isEmpty)
            values["sections"] = .list(sections.map(context.sectionCard))
        }
        let (upcoming, past) = context.model.edition.events(at: site.now)
        func list(_ events: [EventFiles]) -> TemplateValue {
            events.isEmpty ? false : ["eventItems": .list(events.map(context.eventItem)), "itemHeading": "h3"]
        }
        if context.route == context.model.edition.homeRoute {
            values["upcoming"] = list(Array(upcoming.prefix(3)))
            values["eventsURL"] = .text(context.route.link(to: context.model.edition.eventsPage))
        } else if context.route == context.model.edition.eventsPage {
            values["eventLists"] = true
            values["upcoming"] = list(upcoming)
            values["past"] = list(past)
        }
        if let section, let match = context.model.edition.section(named: section) {
            // On the events page, the section's other pages follow the lists of events.
            let pages = context.route == context.model.edition.eventsPage ? match.pages.filter { $0.event == nil } : match.pages
            // A questionnaire in the section's folder is listed with its pages.
            let questionnaires = site.questionnaires.filter { $0.language == context.model.edition.language.code && $0.source.path.parentPath == section }
            values["items"] = .list(pages.map(context.item) + questionnaires.map(context.item))
            values["hasItems"] = .flag(!pages.isEmpty || !questionnaires.isEmpty)
            // The sections inside it (a guide's chapters), before its own pages.
            let inside = match.subsections.compactMap { context.model.edition.section(named: $0) }
            values["subsections"] = .list(inside.map(context.sectionCard))
            values["hasSubsections"] = .flag(!inside.isEmpty)
        }
        if context.route == context.model.edition.tagsIndex {
            values["allTags"] = .list(context.model.edition.tags.map {
                ["name": .text($0.tag.label), "url": .text(context.route.link(to: $0.tag.route)), "count": .number($0.pages.count)]
            })
        }
    }

    func wrap(_ values: TemplateFields, template: String, capacity: Int = TemplateRenderer.pageCapacity) -> [UInt8] {
        var values = values
        // List entries are headings one level below the heading their list sits under.
        values["itemHeading"] = values["sections"] == nil ? "h2" : "h3"
        values["main"] = .template(template)
        return theme.html(values, with: "base", capacity: capacity)
    }
}
