import Foundation

/// Turns parsed sources into the site model: routes, sections, tags, and the problems only
/// visible across files (two sources for one URL, a missing title).
public enum SiteAssembler {
    public static func assemble(
        config: SiteConfig, pages sources: [PageSource], tables: [String: DataTable], packets packetSources: [PacketSource],
        contentFiles: [String], assets: [String],
        folders: SiteFolders, includeDrafts: Bool, diagnostics: inout Diagnostics
    ) -> Site {
        var routes = Routes()
        var owners: [Route: String] = [:]
        func claim(_ route: Route, by owner: String, at location: SourceLocation) {
            if let first = owners[route] {
                diagnostics.error("\(owner) and \(first) would both be written to \(route.path); rename or remove one",
                                  at: location)
            } else {
                owners[route] = owner
            }
        }
        for (route, owner) in [(Site.tagsIndex, "the tag index"), (Site.notFound, "the 404 page"),
                               (Site.stylesheet, "the theme stylesheet"), (Site.script, "the theme script"),
                               (Site.printStylesheet, "the theme's print stylesheet")] {
            owners[route] = owner
        }
        for asset in assets { owners[Route("assets/" + asset)] = folders.site.display("assets/" + asset) }

        var pages: [ContentPage] = []
        for source in sources {
            let path = source.file.relativePath
            if source.frontMatter.draft && !includeDrafts {
                routes.drafts.insert(path)
                continue
            }
            let route = Route(page: path)
            claim(route, by: source.file.displayPath, at: SourceLocation(path: source.file.displayPath))
            routes.pages[path] = route
            let folders = path.split(separator: "/").dropLast()
            let name = String(path.lastPathComponent.dropLast(".md".count))
            let isIndex = name == "index" || name == "_index"
            let kind: ContentPage.Kind = folders.isEmpty ? (isIndex ? .home : .page) : (folders.count == 1 && isIndex ? .section : .page)
            let title = source.frontMatter.title ?? {
                if source.frontMatterIsReadable {
                    diagnostics.error("this page has no title: add `title: …` to its front matter",
                                      at: SourceLocation(path: source.file.displayPath))
                }
                return Self.humanize(isIndex ? String(folders.last ?? "Home") : name)
            }()
            let tags = source.frontMatter.tags.map { Tag(name: $0, slug: TagSlug.make($0)) }
            pages.append(ContentPage(source: source, route: route, kind: kind, section: folders.first.map(String.init),
                                     title: title, tags: tags))
        }
        for file in contentFiles {
            let route = Route(file)
            let display = folders.content.display(file)
            claim(route, by: display, at: SourceLocation(path: display))
            routes.files[file] = route
        }

        var tagPages: [String: (tag: Tag, pages: [ContentPage])] = [:]
        for page in pages {
            for tag in page.tags {
                if tagPages[tag.slug] == nil {
                    claim(tag.route, by: "the tag page for '\(tag.name)'", at: SourceLocation(path: page.source.file.displayPath))
                }
                tagPages[tag.slug, default: (tag, [])].pages.append(page)
            }
        }
        let handouts = pages.filter(\.frontMatter.handout).map(Handout.init)
        for handout in handouts {
            let at = SourceLocation(path: handout.page.source.file.displayPath)
            claim(handout.route, by: "the handout of \(handout.page.source.file.displayPath)", at: at)
            claim(handout.pdf, by: "the handout PDF of \(handout.page.source.file.displayPath)", at: at)
        }
        let pagesByPath = Dictionary(pages.map { ($0.source.file.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        var packets: [Packet] = []
        for source in packetSources {
            var members: [ContentPage] = []
            for (path, location) in source.pages {
                if let page = pagesByPath[path] {
                    members.append(page)
                } else {
                    let why = routes.drafts.contains(path) ? "is a draft" : "is not a page in the content folder"
                    diagnostics.error("'\(path)' \(why): list pages by their path under Content/, like laws/pc-18-5.md", at: location)
                }
            }
            let packet = Packet(about: source, pages: members)
            let at = source.pages.first?.location ?? SourceLocation(path: source.displayPath)
            claim(packet.route, by: "the packet \(source.name)", at: at)
            claim(packet.pdf, by: "the packet PDF \(source.name)", at: at)
            packets.append(packet)
        }
        if !handouts.isEmpty || !packets.isEmpty {
            claim(Site.printMaterials, by: "the Print materials page", at: SourceLocation(path: folders.content.display("")))
        }
        let sections = sections(of: pages)
        for section in sections where section.index == nil {
            claim(section.route, by: "the section page for \(section.name)/", at: SourceLocation(path: folders.content.display(section.name)))
        }

        return Site(
            config: config,
            home: pages.first { $0.kind == .home },
            sections: sections,
            pages: pages,
            topPages: pages.filter { $0.kind == .page && $0.section == nil }.sorted(by: readingOrder),
            tags: tagPages.values.sorted { $0.tag.slug < $1.tag.slug }
                .map { ($0.tag, $0.pages.sorted(by: newestFirst)) },
            tables: tables,
            handouts: handouts,
            packets: packets,
            contentFiles: contentFiles,
            assets: assets,
            routes: routes
        )
    }

    private static func sections(of pages: [ContentPage]) -> [Section] {
        let grouped = Dictionary(grouping: pages.filter { $0.section != nil }, by: { $0.section! })
        return grouped.map { name, members in
            let index = members.first { $0.kind == .section }
            return Section(
                name: name,
                title: index?.title ?? humanize(name),
                route: index?.route ?? Route("\(name)/index.html"),
                index: index,
                pages: members.filter { $0.kind != .section }.sorted(by: readingOrder)
            )
        }.sorted { ($0.index?.frontMatter.weight ?? Int.max, $0.title) < ($1.index?.frontMatter.weight ?? Int.max, $1.title) }
    }

    /// Weight first (authors' explicit order), then newest, then title.
    static func readingOrder(_ a: ContentPage, _ b: ContentPage) -> Bool {
        let wa = a.frontMatter.weight ?? Int.max, wb = b.frontMatter.weight ?? Int.max
        if wa != wb { return wa < wb }
        return newestFirst(a, b)
    }

    static func newestFirst(_ a: ContentPage, _ b: ContentPage) -> Bool {
        let da = a.frontMatter.date, db = b.frontMatter.date
        if da != db {
            guard let da else { return false }
            guard let db else { return true }
            return da > db
        }
        return a.title.localizedStandardCompare(b.title) == .orderedAscending
    }

    /// `know-your-rights` → `Know your rights`, for folders and files without a title.
    static func humanize(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
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
