import Foundation

/// What a page's path under Content/ says about it (its language, address and kind), and its
/// title: each page's on its own, before the site's lists are made.
struct PagePlace: Sendable {
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
        title = source.frontMatter.title ?? Slug.humanize(isIndex ? String(folders.last ?? "Home") : file)
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
