import Foundation

/// Turns parsed sources into the site model: routes, languages, sections, tags, and the
/// problems only visible across files (two sources for one URL, a missing title).
public enum SiteAssembler {
    /// Files that a browser runs script in when opened from the site.
    static let scriptCarriers = ["html", "htm", "xhtml", "svg", "js", "mjs", "xml", "xsl"]

    public static func assemble(
        config: SiteConfig, pages sources: [PageSource], tables: [String: DataTable], packets packetSources: [PacketSource],
        strings: [String: Strings], glossaries: [String: [GlossaryTerm]], contentFiles: [String], assets: [String],
        folders: SiteFolders, includeDrafts: Bool, diagnostics: inout Diagnostics,
        placed: ([Route]) -> Void = { _ in }
    ) -> Site {
        var routes = Routes()
        var claims = RouteClaims()
        for (route, owner) in [(Site.notFound, "the 404 page"), (Site.stylesheet, "the theme stylesheet"),
                               (Site.script, "the theme script"), (Site.printStylesheet, "the theme's print stylesheet"),
                               (Site.noJekyll, "the file that tells GitHub Pages not to run Jekyll")] {
            claims.reserve(route, for: owner)
        }
        for asset in assets { claims.reserve(Route("assets/" + asset), for: folders.site.display("assets/" + asset)) }
        if !Site.iconNames.contains(where: assets.contains) {
            claims.reserve(Site.builtInFavicon, for: "the theme's icon")
        }
        if config.baseURL != nil {
            claims.reserve(Sitemap.route, for: "the sitemap")
            claims.reserve(Sitemap.robotsRoute, for: "robots.txt")
        }
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
        // Where the published pages go is known now, before the rest of this step, which is one core's.
        placed(zip(sources, places).compactMap { source, place in source.frontMatter.draft && !includeDrafts ? nil : place?.route })
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
                let tag = Tag(name: name, slug: TagSlug.make(name), prefix: place.prefix)
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

    /// Where a page goes in a list: weight first (authors' explicit order), then newest, then title.
    struct ListOrder: Comparable {
        var weight = 0
        /// Newest first, undated last.
        var age: Int
        var title: Int

        static func < (a: ListOrder, b: ListOrder) -> Bool {
            (a.weight, a.age, a.title) < (b.weight, b.age, b.title)
        }
    }

    static func readingOrder(_ page: ContentPage) -> ListOrder {
        var order = newestFirst(page)
        order.weight = page.frontMatter.weight ?? Int.max
        return order
    }

    static func newestFirst(_ page: ContentPage) -> ListOrder {
        ListOrder(age: page.frontMatter.date.map { -($0.year * 512 + $0.month * 32 + $0.day) } ?? Int.max, title: page.titleOrder)
    }

    /// Each title's place in a reader's order (a page's `titleOrder`). Titles a reader's order
    /// counts as the same share a number.
    private static func rankTitles(_ titles: [String]) -> [String: Int] {
        let titles = Set(titles).sorted().sorted { letterOrder($0, $1) ?? (readerOrder($0, $1) == .orderedAscending) }
        var ranks: [String: Int] = [:]
        var rank = 0
        for (index, title) in titles.enumerated() {
            if index > 0 && (letterOrder(titles[index - 1], title) != nil || readerOrder(titles[index - 1], title) != .orderedSame) {
                rank += 1
            }
            ranks[title] = rank
        }
        return ranks
    }

    /// Titles as a reader orders them: case and width aside, numbers by their value
    /// ("Page 2" before "Page 10"), as Finder and `localizedStandardCompare` do, but always by
    /// the same rules, so a site's lists come out the same on every computer whatever its
    /// language settings (Danish, say, counts "aa" as one letter after "z").
    static func readerOrder(_ first: String, _ second: String) -> ComparisonResult {
        first.compare(second, options: [.caseInsensitive, .numeric, .widthInsensitive, .forcedOrdering], range: nil, locale: titleLocale)
    }

    private static let titleLocale = Locale(identifier: "en")

    /// `readerOrder` of two titles when the first place they differ, past the same plain
    /// ASCII, holds a letter in each (whatever their case): those letters decide it, and a
    /// large site's sort would otherwise call the locale's comparison a hundred thousand
    /// times. Nil when that cannot tell (digits, accents, punctuation, one a prefix).
    static func letterOrder(_ first: String, _ second: String) -> Bool? {
        var a = first.utf8.makeIterator(), b = second.utf8.makeIterator()
        while let x = a.next(), let y = b.next(), x < 0x80, y < 0x80 {
            if x == y { continue }
            let (lowerX, lowerY) = (x | 0x20, y | 0x20)
            guard lowerX >= UInt8(ascii: "a"), lowerX <= UInt8(ascii: "z"), lowerY >= UInt8(ascii: "a"), lowerY <= UInt8(ascii: "z") else {
                return nil
            }
            if lowerX != lowerY { return lowerX < lowerY }
        }
        return nil
    }

    /// `know-your-rights` → `Know your rights`, for folders and files without a title.
    static func humanize(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// What a page's path under Content/ says about it (its language, address and kind), and its
/// title: each page's on its own, before the site's lists are made.
private struct PagePlace: Sendable {
    var language: String
    /// The path without the language: what its translations share.
    var unlocalized: String
    var prefix: String
    var route: Route
    var kind: ContentPage.Kind
    var section: String?
    /// The section that lists it (see `ContentPage.folder`).
    var folder: String?
    /// Its front matter's, or else made from its file's name (an index's folder's).
    var title: String

    /// Nil when the name ends in a language the site does not have. `branches`: the folders
    /// that hold pages besides an `index.md` (see `branches(_:config:)`).
    init?(_ source: PageSource, config: SiteConfig, branches: Set<String>) {
        let path = source.file.relativePath
        guard let (language, unlocalized) = Translations.language(of: path, config: config) else { return nil }
        self.language = language
        self.unlocalized = unlocalized
        prefix = Translations.prefix(for: language, config: config)
        route = Route(prefix + Route(page: unlocalized).path)
        let folders = unlocalized.split(separator: "/").dropLast()
        let file = String(unlocalized.lastPathComponent.dropLast(".md".count))
        let isIndex = file == "index" || file == "_index"
        let folder = unlocalized.parentPath
        // `_index.md` always stands for its section; `index.md` does when other pages share its
        // folder, and is otherwise a page with its pictures beside it (Hugo's page bundle).
        let isSection = isIndex && !folders.isEmpty && (file == "_index" || branches.contains(folder))
        kind = folders.isEmpty ? (isIndex ? .home : .page) : (isSection ? .section : .page)
        section = folders.first.map(String.init)
        self.folder = folders.isEmpty ? nil : isIndex && !isSection ? (folders.count > 1 ? folder.parentPath : nil) : folder
        title = source.frontMatter.title ?? SiteAssembler.humanize(isIndex ? String(folders.last ?? "Home") : file)
    }

    /// Every folder above a page that is not an `index.md`, and above each `index.md`'s own folder.
    static func branches(_ sources: [PageSource], config: SiteConfig) -> Set<String> {
        var folders = Set<String>()
        for source in sources {
            let path = Translations.language(of: source.file.relativePath, config: config)?.path ?? source.file.relativePath
            let name = path.lastPathComponent
            var folder = path.parentPath
            if name == "index.md" || name == "_index.md" { folder = folder.parentPath }
            while !folder.isEmpty, folders.insert(folder).inserted { folder = folder.parentPath }
        }
        return folders
    }

    /// A translation of a home or section page is that page in its language, wherever its file
    /// is and whatever its name (`guias/_index.es.md` translating `guides/_index.md` is the
    /// Spanish guides section); a translation of any other page is listed in that page's section.
    /// A translation may also name a section with no `_index.md` (`translation_of: guides/forum/`,
    /// a folder of `branches`): it is that section's page in its language.
    static func placeTranslations(_ places: [PagePlace?], of sources: [PageSource], branches: Set<String>) -> [PagePlace?] {
        guard sources.contains(where: { $0.frontMatter.translationOf != nil }) else { return places }
        var places = places
        let indices = Dictionary(sources.indices.map { (sources[$0].file.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        for index in sources.indices {
            if let written = sources[index].frontMatter.translationOf, var place = places[index],
               Translations.target(of: written, from: sources[index].file.relativePath, among: { indices[$0] != nil }) == nil,
               let folder = Translations.sectionFolder(written, from: sources[index].file.relativePath, among: branches) {
                place.route = Route(place.prefix + folder + "/index.html")
                (place.kind, place.section, place.folder) = (.section, String(folder.prefix { $0 != "/" }), folder)
                places[index] = place
                continue
            }
            guard let written = sources[index].frontMatter.translationOf, var place = places[index],
                  let target = Translations.target(of: written, from: sources[index].file.relativePath, among: { indices[$0] != nil }),
                  let source = places[indices[target]!], source.language != place.language, sources[indices[target]!].frontMatter.translationOf == nil
            else { continue }
            switch source.kind {
            case .home, .section:
                place.route = Route(place.prefix + source.route.path.dropFirst(source.prefix.count))
                place.kind = source.kind
            case .page:
                break
            }
            place.section = source.section
            place.folder = source.folder
            places[index] = place
        }
        return places
    }
}

/// Who writes each output file, so two sources for one URL are an error naming both.
struct RouteClaims {
    private var owners: [Route: String] = [:]

    mutating func reserve(_ route: Route, for owner: String) {
        owners[route] = owner
    }

    /// Whose file is where `route` needs a folder (`a.html` for `a.html/index.html`), or whose
    /// files are inside the folder that `route` would be a file in its place: the disk holds one.
    func folderClash(_ route: Route) -> (owner: String, route: Route)? {
        var folder = route.path.parentPath
        while !folder.isEmpty {
            if let owner = owners[Route(folder)] { return (owner, Route(folder)) }
            folder = folder.parentPath
        }
        let inside = route.path + "/"
        return owners.first { $0.key.path.hasPrefix(inside) }.map { ($0.value, $0.key) }
    }

    mutating func claim(_ route: Route, by owner: String, at location: SourceLocation, diagnostics: inout Diagnostics) {
        if let first = owners[route] {
            diagnostics.error("\(owner) and \(first) would both be written to \(route.path); rename or remove one", at: location)
        } else {
            owners[route] = owner
        }
    }
}

enum TagSlug {
    static func make(_ name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "tag" : slug
    }
}
