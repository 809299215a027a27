import Foundation
import BroadsideMarkdown

/// Every file the site writes: rendered pages, scripts and stylesheets as UTF-8 bytes, and
/// files copied as they are.
public struct RenderedSite: Sendable {
    /// Every link to another site, as written and where, for `broadside check --external`.
    public var externalLinks: [(url: String, location: SourceLocation)] {
        outputs.values.map(\.body).flatMap { body in
            // An address in quotes is read without them, as the page links it.
            body.rendered.links.map { link in PageBody.unquoted(link.destination.url).map { var link = link; link.destination.url = $0; return link } ?? link }
                .filter { $0.destination.url.hasPrefix("http://") || $0.destination.url.hasPrefix("https://") }
                .map { ($0.destination.url, SourceLocation(path: body.source, line: $0.destination.line + body.lineOffset, column: $0.destination.column)) }
        }.sorted { $0.location < $1.location }
    }

    public var pages: [Route: [UInt8]] = [:]
    /// Files written into the staging folder as soon as they were made (a clean build's
    /// Markdown pages and search index), and so not held in `pages`: a large site is never
    /// all in memory.
    public var written: [Route] = []
    /// Why writing one of them failed, if it did.
    var writeFailure: (any Error)?
    /// Output route → source path to copy from.
    public var copies: [Route: String] = [:]
    /// What each Markdown page turned into, by its route: kept for the next build's reuse.
    var outputs: [Route: PageOutput] = [:]
    /// The files made from the site's shape alone (lists, topics, feeds, flyers…), by route.
    var generated: [Route: [UInt8]] = [:]
    /// Each language's search index, in parts, by route.
    var search: [Route: [UInt8]] = [:]
    /// How many pages were taken from the last build instead of made again.
    var reusedPages = 0
    /// Kept for the next build when one reuses this one's work (`Reuse.keeps`), by each
    /// Markdown page's place in `Site.pages`: its search entry's place in its language's
    /// `entries` (in the site's order), and what rendering and checking it found.
    var entries: [String: [[UInt8]]] = [:]
    var entryPlaces: [Int] = []
    var problems: [Diagnostics] = []
}

/// What one Markdown page turned into. A page's output depends only on its own file and the
/// site's shape (see `SiteShape`), so a rebuild that changed neither reuses it whole. Shared,
/// never changed: handing it on costs nothing however much it holds.
final class PageOutput: Sendable {
    /// What later steps read of its body (`PageBody.forLaterSteps()` or `written()`).
    let body: PageBody
    /// Its page; empty when the page was written as soon as it was made.
    let html: [UInt8]

    init(body: PageBody, html: [UInt8]) {
        self.body = body
        self.html = html
    }
}

/// What a build may take from the one before instead of making it again.
struct Reuse: Sendable {
    /// The last build's output, when the site's shape is unchanged: every page, generated
    /// file and part of the search index in it is as this build would make it, but for the
    /// pages at `remake` (places in `Site.pages`), whose words changed. It is changed in
    /// place: a rebuild touches only what a save changed, not every page of a large site.
    var last: RenderedSite?
    var remake: [Int] = []
    /// Whether a later build reuses this one's work: then its search entries and findings
    /// are kept with it.
    var keeps = false
}

/// Renders the site model with the theme: each page (Markdown, its template inside `base`, its
/// search entry and checks) across the cores, then the pages made from the site's shape, handouts and packets.
public struct SiteRenderer: Sendable {
    let site: Site
    let theme: Theme
    /// Whether this build makes PDFs: pages then link their handout's PDF, else its print page.
    let makesPDFs: Bool
    let markdown: Markdown
    /// Handouts and event files by the route of their web page: looked up once per page.
    let handouts: [Route: Handout]
    let events: [Route: EventFiles]
    private let sharedChrome = SharedChrome()
    /// Each edition's `PageContext.Model`, in the order of `site.editions`.
    private let contexts: [PageContext.Model]

    public init(site: Site, theme: Theme, makesPDFs: Bool) {
        self.site = site
        self.theme = theme
        self.makesPDFs = makesPDFs
        contexts = site.editions.map { PageContext.Model(site: site, edition: $0) }
        markdown = Markdown(options: MarkdownOptions(allowRawHTML: site.config.rawHTML, reservedIDs: PageBody.reservedIDs))
        handouts = Dictionary(site.handouts.map { ($0.page.route, $0) }, uniquingKeysWith: { first, _ in first })
        events = Dictionary(site.editions.flatMap(\.events).map { ($0.page.route, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// With `staging`, each Markdown page is written there as soon as it is made.
    func render(folders: SiteFolders, reusing reuse: consuming Reuse = Reuse(), writingInto staging: URL? = nil,
                diagnostics: inout Diagnostics) -> RenderedSite {
        // Each page on its own, across the cores: Markdown, template, search entry and checks.
        // Its problems are kept by its place and reported in page order, so a build says the
        // same whatever the number of cores, and a reused page says what it said before.
        let checks = PageChecks(site: site)
        let staging = staging?.path
        typealias Made = (output: PageOutput, searchEntry: [UInt8], problems: Diagnostics, failure: (any Error)?)
        @Sendable func make(_ page: ContentPage) -> Made {
            var problems = Diagnostics()
            if let layout = page.frontMatter.layout, !theme.has(layout) {
                problems.error("there is no template '\(layout)': add Site/templates/\(layout).mustache or remove `layout:`",
                               at: page.frontMatter.layoutLocation ?? SourceLocation(path: page.source.file.displayPath))
            }
            // The site and edition read where the page's model holds them (see `PageBody`).
            let model = contexts[site.editionIndex(page.language)]
            let body = PageBody(page, model: model, markdown: markdown, diagnostics: &problems)
            checks.run(page, body: body, diagnostics: &problems)
            let entry = SearchIndex.entry(page, body: body, in: model)
            let html = render(page, body: body)
            guard let staging else {
                return (PageOutput(body: body.forLaterSteps(), html: html), entry, problems, nil)
            }
            let failure: (any Error)?
            do {
                try OutputWriter.write(html, at: page.route, in: staging)
                failure = nil
            } catch {
                failure = error
            }
            return (PageOutput(body: body.written(), html: []), entry, problems, failure)
        }
        // The last build's output, changed in place where pages are made again; or every page
        // made, with the pages made from the site's shape alone. Those are handed out first:
        // a topic's page lists thousands of pages, and made after the rest it would keep one
        // core busy while the other waits.
        let reusing = reuse.last != nil
        var output = reuse.last.take() ?? RenderedSite()  // taken, not copied: changed in place
        let pages = reusing ? reuse.remake : Array(site.pages.indices)
        let others = reusing ? [] : generatedPages()
        enum Job: Sendable {
            case page(Made)
            case other((Route, [UInt8]))
            /// Moved out of the list of results.
            case taken
        }
        var done = Array(0..<(others.count + pages.count)).concurrentMap { index -> Job in
            index < others.count ? .other(others[index]()) : .page(make(site.pages[pages[index - others.count]]))
        }
        var madeOthers: [Route: [UInt8]] = [:]
        // Each language's search entries in its pages' order, which is the site's, and the
        // places of those made again.
        var entries = output.entries
        output.entries = [:]
        var madeEntries: [String: [Int]] = [:]
        if !reusing {
            output.entryPlaces.reserveCapacity(site.pages.count)
            output.problems.reserveCapacity(site.pages.count)
            output.outputs.reserveCapacity(site.pages.count)
            output.pages.reserveCapacity((staging == nil ? site.pages.count : 0) + 64)
        }
        // Each result moved out of its place, not copied: a copy counted every reference in it
        // again, on one core, after the others.
        for slot in done.indices {
            var job = Job.taken
            swap(&job, &done[slot])
            switch job {
            case .taken:
                break
            case .other((let route, let html)):
                madeOthers[route] = html
            case .page(let result):
                let index = pages[slot - others.count]
                let page = site.pages[index]
                output.outputs[page.route] = result.output
                if reusing {
                    entries[page.language]![output.entryPlaces[index]] = result.searchEntry
                    output.problems[index] = result.problems
                } else {
                    output.entryPlaces.append(entries[page.language]?.count ?? 0)
                    entries[page.language, default: []].append(result.searchEntry)
                    output.problems.append(result.problems)
                }
                madeEntries[page.language, default: []].append(output.entryPlaces[index])
                if staging == nil {
                    output.pages[page.route] = result.output.html
                } else {
                    output.written.append(page.route)
                    output.writeFailure = output.writeFailure ?? result.failure
                }
            }
        }
        output.reusedPages = site.pages.count - pages.count
        for problems in output.problems { diagnostics.append(problems) }
        if !reuse.keeps { (output.entryPlaces, output.problems) = ([], []) }  // kept only for a later build

        if !reusing { output.generated = generated(madeOthers) }
        output.pages.merge(output.generated) { page, _ in page }
        for edition in site.editions {
            let code = edition.language.code
            let joined = reuse.keeps ? entries[code] ?? [] : entries.removeValue(forKey: code) ?? []
            if let staging {
                // Each part written as soon as it is joined: a large site's index is tens of
                // megabytes, all of it in memory at once only to be copied into files.
                for (route, failure) in SearchIndex.files(joining: joined, at: edition.searchIndex, { route, _, join -> (Route, (any Error)?) in
                    do {
                        try OutputWriter.write(join(), at: route, in: staging)
                        return (route, nil)
                    } catch {
                        return (route, error)
                    }
                }) {
                    output.written.append(route)
                    output.writeFailure = output.writeFailure ?? failure
                }
                continue
            }
            let made = madeEntries[code] ?? []
            let kept = output.search
            for (route, script) in SearchIndex.files(joining: joined, at: edition.searchIndex, kept: { route, range in
                made.contains(where: range.contains) ? nil : kept[route]
            }) {
                output.search[route] = script
                output.pages[route] = script
            }
        }
        if reuse.keeps { output.entries = entries }
        // Handouts and packets print pages' words: they are made again on every build.
        let printer = PrintRenderer(site: site, theme: theme, markdown: markdown)
        for handout in site.handouts { output.pages[handout.route] = Array(printer.handout(handout).utf8) }
        for packet in site.packets { output.pages[packet.route] = Array(printer.packet(packet).utf8) }
        if let base = site.config.baseURL {
            let sitemap = Sitemap(site: site, base: base, routes: Array(output.pages.keys) + output.written)
            output.pages[Sitemap.route] = Array(sitemap.render().utf8)
        }
        for file in site.contentFiles { output.copies[Route(file)] = folders.content.path(file) }
        for asset in site.assets { output.copies[Route("assets/" + asset)] = folders.site.path("assets/" + asset) }
        return output
    }

    /// The files made from the site's shape alone: `pages` (every language's generated pages,
    /// flyers and calendar files, made with the Markdown pages), and the theme's own files,
    /// feeds and robots.txt.
    private func generated(_ pages: [Route: [UInt8]]) -> [Route: [UInt8]] {
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
    private func generatedPages() -> [@Sendable () -> (Route, [UInt8])] {
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
    private func generatedPages(of edition: Edition) -> [@Sendable () -> (Route, [UInt8])] {
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

    /// The event's `.ics`, in its page's language.
    private func calendar(_ files: EventFiles) -> String {
        let page = files.page
        // Without an address, the site's name keeps two organizations' events apart.
        let host = site.config.baseURL.flatMap { URL(string: $0)?.host } ?? TagSlug.make(site.config.title) + ".broadside.invalid"
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

    private func render(_ page: ContentPage, body: PageBody) -> [UInt8] {
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
        return wrap(values, template: page.template)
    }

    private func renderGenerated(_ edition: Edition, _ route: Route, template: String, title: String, section: String? = nil,
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

    /// The lists of the home page, a section's page and the topic index.
    private func addLists(to values: inout TemplateFields, context: PageContext, section: String?) {
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
            values["items"] = .list(pages.map(context.item))
            values["hasItems"] = .flag(!pages.isEmpty)
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

    /// The "Print materials" page: every handout and packet, with page counts once printed.
    public func printMaterials(_ edition: Edition, pageCounts: [Route: Int]) -> [UInt8] {
        let strings = edition.strings
        let context = PageContext(model: contexts[site.editionIndex(edition.language.code)], route: edition.printMaterials)
        var values = context.chrome(title: strings["print_materials"], summary: nil,
                                    breadcrumbs: [(strings["home"], edition.homeRoute)], section: nil)
        func entry(title: String, summary: String?, html: Route, pdf: Route, languages: [String]) -> TemplateValue {
            [
                "title": .text(title), "summary": .optional(summary), "lang": .text(languages[0]),
                "url": .text(context.route.link(to: makesPDFs ? pdf : html)),
                "printURL": .text(context.route.link(to: html)),
                "pdf": .flag(makesPDFs),
                "pages": .optional(pageCounts[pdf].map { strings.count("page_count", $0) }),
                // A handout in another language than the list's says which ones it holds.
                "languages": .optional(languages == [edition.language.code] ? nil
                                       : languages.map { site.edition($0).language.name }.joined(separator: " / ")),
            ]
        }
        values["packets"] = .list(edition.packets.map {
            entry(title: $0.about.title, summary: $0.about.subtitle, html: $0.route, pdf: $0.pdf,
                  languages: [$0.language] + ($0.about.bilingual.map { [$0] } ?? []))
        })
        values["hasPackets"] = .flag(!edition.packets.isEmpty)
        values["handouts"] = .list(edition.handouts.map { handout in
            // A bilingual handout is listed by its words in this list's language.
            let shown = handout.partner?.language == edition.language.code ? handout.partner! : handout.page
            let other = shown.language == handout.page.language ? handout.partner : handout.page
            return entry(title: shown.title, summary: shown.frontMatter.summary, html: handout.route, pdf: handout.pdf,
                         languages: [shown.language] + (other.map { [$0.language] } ?? []))
        })
        values["hasHandouts"] = .flag(!edition.handouts.isEmpty)
        values["flyers"] = .list(edition.events.map {
            entry(title: $0.page.title, summary: strings.eventTime($0.event),
                  html: $0.flyer, pdf: $0.flyerPDF, languages: [edition.language.code])
        })
        values["hasFlyers"] = .flag(!edition.events.isEmpty)
        values["makesPDFs"] = .flag(makesPDFs)
        return wrap(values, template: "print-materials")
    }

    private func wrap(_ values: TemplateFields, template: String, capacity: Int = TemplateRenderer.pageCapacity) -> [UInt8] {
        var values = values
        // List entries are headings one level below the heading their list sits under.
        values["itemHeading"] = values["sections"] == nil ? "h2" : "h3"
        values["main"] = .template(template)
        return theme.html(values, with: "base", capacity: capacity)
    }
}
