extension Edition {
    /// Sorts this language's pages into home, sections, top pages and topics, and claims the
    /// pages it generates. A section without its own `_index` in this language takes its title
    /// and place from the default language's (`fallback`).
    mutating func arrange(fallback: Edition?, claims: inout RouteClaims, folders: SiteFolders, diagnostics: inout Diagnostics) {
        home = pages.first { $0.kind == .home }
        if home == nil {
            claims.claim(homeRoute, by: "the \(language.name) home page", at: SourceLocation(path: folders.content.display("")),
                         diagnostics: &diagnostics)
        }
        // Each folder that lists a page is a section, and so is every folder around one.
        let grouped = Dictionary(grouping: pages.filter { $0.folder != nil }, by: { $0.folder! })
        var names = Set<String>()
        for var name in grouped.keys {
            while !name.isEmpty, names.insert(name).inserted { name = name.parentPath }
        }
        var made: [String: Section] = [:]
        // Outer sections first: one inside takes `legal:` from around it unless it says.
        for name in names.sorted(by: { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }) {
            let members = grouped[name] ?? []
            let index = members.first { $0.kind == .section }
            let other = fallback?.section(named: name)
            let parent = name.contains("/") ? name.parentPath : nil
            let title = index?.title ?? (name == "events" ? strings["events"] : other?.title ?? Slug.humanize(name.lastPathComponent))
            made[name] = Section(
                name: name,
                title: title,
                route: index?.route ?? route("\(name)/index.html"),
                index: index,
                pages: members.filter { $0.kind != .section }.ordered(by: SiteAssembler.readingOrder),
                weight: index?.frontMatter.weight ?? other?.weight,
                legal: index.flatMap { $0.frontMatter.written.contains("legal") ? $0.frontMatter.legal : nil } ?? other?.legal
                    ?? parent.flatMap { made[$0]?.legal } ?? false,
                parent: parent
            )
        }
        func order(_ a: Section, _ b: Section) -> Bool { (a.weight ?? Int.max, a.title) < (b.weight ?? Int.max, b.title) }
        // Innermost first, so a section's total counts its sections' pages.
        for name in names.sorted(by: { $0.split(separator: "/").count > $1.split(separator: "/").count }) {
            let inside = names.filter { $0.contains("/") && $0.parentPath == name }.compactMap { made[$0] }.sorted(by: order)
            made[name]!.subsections = inside.map(\.name)
            made[name]!.total = made[name]!.pages.count + inside.reduce(0) { $0 + $1.total }
        }
        sections = made.values.sorted(by: order)
        for section in sections where section.index == nil {
            claims.claim(section.route, by: "the section page for \(section.name)/",
                         at: SourceLocation(path: folders.content.display(section.name)), diagnostics: &diagnostics)
        }
        topPages = pages.filter { $0.kind == .page && $0.folder == nil }.ordered(by: SiteAssembler.readingOrder)

        var tagPages: [String: (tag: Tag, pages: [ContentPage])] = [:]
        for page in pages {
            for tag in page.tags {
                if tagPages[tag.slug] == nil {
                    claims.claim(tag.route, by: "the tag page for '\(tag.name)'", at: SourceLocation(path: page.source.file.displayPath),
                                 diagnostics: &diagnostics)
                }
                tagPages[tag.slug, default: (tag, [])].pages.append(page)
            }
        }
        events = pages.compactMap { page in page.event.map { EventFiles(page: page, event: $0, prefix: prefix) } }
            .sorted { $0.event.start.date(in: $0.event.zone) < $1.event.start.date(in: $1.event.zone) }
        for files in events {
            let at = SourceLocation(path: files.page.source.file.displayPath)
            claims.claim(files.calendar, by: "the calendar file of \(files.page.source.file.displayPath)", at: at, diagnostics: &diagnostics)
            claims.claim(files.flyer, by: "the flyer of \(files.page.source.file.displayPath)", at: at, diagnostics: &diagnostics)
            claims.claim(files.flyerPDF, by: "the flyer PDF of \(files.page.source.file.displayPath)", at: at, diagnostics: &diagnostics)
        }
        if !events.isEmpty && section(named: "events") == nil {
            claims.claim(eventsPage, by: "the events page", at: SourceLocation(path: folders.content.display("")), diagnostics: &diagnostics)
        }
        for route in [search, searchIndex, feed] + SearchIndex.parts(beside: searchIndex, entries: pages.count) {
            claims.claim(route, by: "the \(route.path.lastPathComponent) the site makes", at: SourceLocation(path: folders.content.display("")),
                         diagnostics: &diagnostics)
        }
        tags = tagPages.values.sorted { $0.tag.slug < $1.tag.slug }.map { ($0.tag, $0.pages.ordered(by: SiteAssembler.newestFirst)) }
        if !tags.isEmpty {
            claims.claim(tagsIndex, by: "the tag index", at: SourceLocation(path: folders.content.display("")), diagnostics: &diagnostics)
        }
    }
}
