import Foundation

/// Turns parsed sources into the site model: routes, languages, sections, tags, and the
/// problems only visible across files (two sources for one URL, a missing title).
public enum SiteAssembler {
    /// Files that a browser runs script in when opened from the site.
    static let scriptCarriers = ["html", "htm", "xhtml", "svg", "js", "mjs", "xml", "xsl"]

    public static func assemble(
        config: SiteConfig, pages sources: [PageSource], tables: [String: DataTable], packets packetSources: [PacketSource],
        questionnaires questionnaireSources: [QuestionnaireSource] = [],
        strings: [String: Strings], glossaries: [String: [GlossaryTerm]], contentFiles: [String], assets: [String],
        folders: SiteFolders, includeDrafts: Bool, diagnostics: inout Diagnostics
    ) -> Site {
        var routes = Routes()
        var claims = RouteClaims()
        // The files each output format writes whatever the pages say, then the site's own assets.
        for format in OutputFormats.all {
            for (route, owner) in format.reserved(config: config, assets: assets) { claims.reserve(route, for: owner) }
        }
        for asset in assets { claims.reserve(Route("assets/" + asset), for: folders.site.display("assets/" + asset)) }
        if config.baseURL == nil {
            diagnostics.report(.finding(.baseURL, "the site has no `base_url`, so handouts and flyers print no QR codes, and there is no feed, sitemap or link preview: add `base_url: https://…/` (the site's address online) to site.yml",
                                        at: SourceLocation(path: folders.site.display("site.yml"))))
        }
        if let image = config.shareImage, !assets.contains(image) {
            diagnostics.error("'share_image' names \(image), but there is no Site/assets/\(image): put the picture there, or remove the key",
                              at: SourceLocation(path: folders.site.display("site.yml")))
        }
        let languageNames = Dictionary(config.languages.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })

        var pages: [ContentPage] = []
        pages.reserveCapacity(sources.count)
        routes.pages.reserveCapacity(sources.count)
        // Each topic worked out once, by its language's folder and name, not on every page it tags.
        var madeTags: [String: [String: Tag]] = [:]
        // What each path says on its own, across the cores: this step is otherwise one core's.
        let branches = PagePlace.branches(sources, config: config)
        let places = PagePlace.placeTranslations(sources.concurrentMap { PagePlace($0, config: config, branches: branches) }, of: sources,
                                                 branches: branches)
        // Titles are ranked on another core while this one goes through the pages. Drafts and
        // pages left out are ranked too: a rank only orders titles, and theirs change no order.
        let ranking = Background { rankTitles(places.compactMap { $0?.title }) }
        for (source, place) in zip(sources, places) {
            let path = source.file.relativePath
            let at = SourceLocation(path: source.file.displayPath)
            guard let place else {
                let code = String(path.dropLast(".md".count).split(separator: ".").last ?? "")
                diagnostics.warning("this looks like a page in \(Language(code: code).name) (\(code)), which is not one of the site's languages, so it is left out: add `\(code): \(Language(code: code).name)` under `languages:` in site.yml, or rename the file if '.\(code)' is part of its name",
                                    at: at)
                continue
            }
            if source.frontMatter.draft && !includeDrafts {
                routes.drafts.insert(path)
                if source.frontMatter.unpublished { routes.unpublished.insert(path) }
                continue
            }
            claims.claim(place.route, by: source.file.displayPath, at: at, diagnostics: &diagnostics)
            routes.pages[path] = place.route
            for address in Routes.oldAddresses(inFrontMatter: source.head) { routes.permalinks[Routes.comparable(address)] = path }
            if source.frontMatter.title == nil && source.frontMatterIsReadable {
                diagnostics.error("this page has no title: add `\(source.frontMatter.isTOML ? "title = \"…\"" : "title: …")` to its front matter", at: at)
            }
            let tags = source.frontMatter.tags.map { name in
                if let known = madeTags[place.prefix]?[name] { return known }
                let tag = Tag(name: name, slug: Slug.make(name), prefix: place.prefix)
                madeTags[place.prefix, default: [:]][name] = tag
                return tag
            }
            pages.append(ContentPage(source: source, route: place.route, kind: place.kind, section: place.section, folder: place.folder,
                                     title: place.title, tags: tags, language: place.language, translationKey: place.unlocalized,
                                     frontMatter: source.frontMatter))
        }
        let ranks = ranking.value
        for index in pages.indices { pages[index].titleOrder = ranks[pages[index].title] ?? 0 }
        // A web page, script or SVG copied as it is would carry an author's script onto the
        // site, past everything that keeps it out of pages: only a site that opts in gets them.
        let contentFiles = contentFiles.filter { file in
            guard !config.rawHTML, let kind = scriptCarriers.first(where: { file.lowercased().hasSuffix("." + $0) }) else { return true }
            diagnostics.report(.safety(.scriptFile, "a .\(kind) file can carry script, so it is not copied to the site; "
                                       + "link to a page or a PDF instead, or set `raw_html: true` in Site/site.yml if you trust every author",
                                       at: SourceLocation(path: folders.content.display(file))))
            return false
        }
        for file in contentFiles {
            let route = Route(file)
            let display = folders.content.display(file)
            claims.claim(route, by: display, at: SourceLocation(path: display), diagnostics: &diagnostics)
            routes.files[file] = route
        }
        var translations = Translations.link(&pages, routes: &routes, languageNames: languageNames, diagnostics: &diagnostics)
        // Events are whole only now: a translation's `event:` may give just its own words.
        for index in pages.indices {
            guard let fields = pages[index].frontMatter.eventFields else { continue }
            pages[index].event = fields.event(defaultZone: config.timeZone, diagnostics: &diagnostics)
            translations[pages[index].translationKey]?[pages[index].language] = pages[index]
        }

        var editions = config.languages.map { language in
            Edition(language: language, strings: strings[language.code] ?? Strings(language: language, values: [:]),
                    prefix: Translations.prefix(for: language.code, config: config),
                    pages: pages.filter { $0.language == language.code }, glossary: GlossaryTerms(glossaries[language.code] ?? []))
        }
        for index in editions.indices {
            editions[index].arrange(fallback: index == 0 ? nil : editions[0], claims: &claims, folders: folders, diagnostics: &diagnostics)
        }
        for edition in editions {
            routes.prefixes[edition.language.code] = edition.prefix
            if edition.home == nil { routes.generated.insert(edition.homeRoute) }
            for section in edition.sections where section.index == nil { routes.generated.insert(section.route) }
        }
        let questionnaires = questionnaireSources.flatMap {
            QuestionnaireAssembly(config: config, languageNames: languageNames, strings: strings)
                .assemble($0, claims: &claims, routes: &routes, diagnostics: &diagnostics)
        }
        for questionnaire in questionnaires { editions[config.languages.firstIndex { $0.code == questionnaire.language } ?? 0].documents.append(questionnaire.guide) }
        routes.indexForSuggestions()  // every page and file is known now
        let print = PrintAssembly(config: config, pages: pages, translations: translations, routes: routes, languageNames: languageNames)
        let handouts = print.handouts(diagnostics: &diagnostics)
        let packets = packetSources.map { print.packet($0, diagnostics: &diagnostics) }
        for handout in handouts {
            let at = SourceLocation(path: handout.page.source.file.displayPath)
            claims.claim(handout.route, by: "the handout of \(handout.page.source.file.displayPath)", at: at, diagnostics: &diagnostics)
            claims.claim(handout.pdf, by: "the handout PDF of \(handout.page.source.file.displayPath)", at: at, diagnostics: &diagnostics)
        }
        for packet in packets {
            let at = packet.about.pages.first?.location ?? SourceLocation(path: packet.about.displayPath)
            claims.claim(packet.route, by: "the packet \(packet.about.name)", at: at, diagnostics: &diagnostics)
            claims.claim(packet.pdf, by: "the packet PDF \(packet.about.name)", at: at, diagnostics: &diagnostics)
        }
        ForumAssembly(pages: pages, translations: translations, routes: routes).assemble(&editions, claims: &claims, diagnostics: &diagnostics)
        let letters = LetterAssembly.letters(pages: pages, tables: tables, contentFiles: contentFiles, editions: &editions,
                                             claims: &claims, diagnostics: &diagnostics)
        for index in editions.indices {
            let code = editions[index].language.code
            // A bilingual handout is listed for the readers of both its languages.
            editions[index].handouts = handouts.filter { $0.page.language == code || $0.partner?.language == code }
            editions[index].packets = packets.filter { $0.language == code || $0.about.bilingual == code }
            if editions[index].hasPrintMaterials {
                claims.claim(editions[index].printMaterials, by: "the Print materials page",
                             at: SourceLocation(path: folders.content.display("")), diagnostics: &diagnostics)
            }
        }

        var site = Site(
            config: config,
            editions: editions,
            pages: pages,
            tables: tables,
            handouts: handouts,
            packets: packets,
            contentFiles: contentFiles,
            assets: assets,
            routes: routes,
            // Only a site in more than one language has other versions of a page to point to.
            alternates: editions.count > 1 ? Self.alternates(editions, translations: translations) : [:],
            translations: translations
        )
        site.questionnaires = questionnaires
        if editions.count > 1 { QuestionnaireAssembly.addAlternates(questionnaires, to: &site.alternates) }
        site.letters = letters
        if editions.count > 1 { LetterAssembly.alternates(of: letters, into: &site.alternates) }
        site.pageLanguages = Dictionary(pages.map { ($0.route, $0.language) }, uniquingKeysWith: { first, _ in first })
        // Last, so an old address that is now any other file of the site is the one reported.
        if let first = pages.lazy.compactMap(\.frontMatter.aliases.first).first {
            claims.claim(Site.redirectList, by: "the list of old addresses the site makes", at: first.location, diagnostics: &diagnostics)
        }
        site.redirects = Redirects.assemble(pages, config: config, claims: &claims, diagnostics: &diagnostics)
        return site
    }

    /// Each page's versions in every language: translations of a content page, and the
    /// generated pages (home, sections, topics, print materials) that every language has.
    private static func alternates(_ editions: [Edition], translations: [String: [String: ContentPage]]) -> [Route: [String: Route]] {
        var groups: [String: [String: Route]] = [:]
        groups.reserveCapacity(translations.count + 16)
        for edition in editions {
            let code = edition.language.code
            groups["home", default: [:]][code] = edition.homeRoute
            for section in edition.sections { groups["section:" + section.name, default: [:]][code] = section.route }
            if !edition.tags.isEmpty { groups["tags", default: [:]][code] = edition.tagsIndex }
            if edition.hasPrintMaterials { groups["print", default: [:]][code] = edition.printMaterials }
            groups["search", default: [:]][code] = edition.search
            // A language's events page is its `events` section's page or one made for it.
            if !edition.events.isEmpty { groups["section:events", default: [:]][code] = edition.eventsPage }
        }
        for (key, versions) in translations {
            for (code, page) in versions where page.kind == .page { groups["page:" + key, default: [:]][code] = page.route }
        }
        var result: [Route: [String: Route]] = [:]
        result.reserveCapacity(groups.count)
        for versions in groups.values {
            for route in versions.values { result[route] = versions }
        }
        return result
    }
}
