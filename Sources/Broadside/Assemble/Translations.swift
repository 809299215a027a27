/// How file names say a page's language, and how translations find each other.
enum Translations {
    /// `guides/da-forum.es.md` → (`es`, `guides/da-forum.md`) when es is one of the site's
    /// languages; a page in the default language keeps its own path.
    static func language(of path: String, config: SiteConfig) -> (code: String, path: String)? {
        let stem = path.dropLast(".md".count)
        guard let dot = stem.utf8.lastIndex(of: UInt8(ascii: ".")), !stem.utf8[dot...].contains(UInt8(ascii: "/")) else {
            return (config.language, path)
        }
        let code = String(stem[stem.index(after: dot)...])
        // `x.zh-hant.md` is the site's zh-Hant: codes are not case-sensitive.
        if let language = config.languages.first(where: { $0.code.lowercased() == code.lowercased() }) {
            return (language.code, String(stem[..<dot]) + ".md")
        }
        // `notes.v2.md` is just a name; `notes.vi.md` is a language the site forgot to list.
        return Language.looksLikeLanguage(code) ? nil : (config.language, path)
    }

    /// The route of a page of `code` at `path` (its name without the language).
    static func prefix(for code: String, config: SiteConfig) -> String {
        code == config.language ? "" : code + "/"
    }

    /// The page `translation_of:` names, as the path of a file for which `among` holds: from
    /// the top of Content/, else from the folder of the page at `path`. A folder (`guides/`,
    /// or `/` for the top) names its `_index.md` or `index.md`.
    static func target(of written: String, from path: String, among isPage: (String) -> Bool) -> String? {
        for base in ["", path.parentPath] {
            guard let joined = Routes.normalize(base, written) else { continue }
            let candidates = joined.hasSuffix(".md") ? [joined]
                : joined.isEmpty ? ["index.md", "_index.md"] : [joined + "/_index.md", joined + "/index.md", joined + ".md"]
            if let found = candidates.first(where: isPage) { return found }
        }
        return nil
    }

    /// The section `translation_of:` names by its folder when the folder has no index of its
    /// own: one of `folders` (those holding pages), from the top of Content/ or the page's folder.
    static func sectionFolder(_ written: String, from path: String, among folders: Set<String>) -> String? {
        ["", path.parentPath].lazy.compactMap { Routes.normalize($0, written) }.first { !$0.hasSuffix(".md") && folders.contains($0) }
    }

    /// Which pages are the same page in another language, checked: a `translation_of:` must
    /// name a published page, and a page has one translation per language.
    static func link(_ pages: inout [ContentPage], routes: inout Routes, languageNames: [String: String],
                     diagnostics: inout Diagnostics) -> [String: [String: ContentPage]] {
        // Made at the first `translation_of:`, before any page is changed: most sites' pages
        // say what they translate by their file names alone.
        lazy var byPath = Dictionary(pages.map { ($0.source.file.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        for index in pages.indices {
            guard let written = pages[index].frontMatter.translationOf else { continue }
            let page = pages[index]
            let at = page.frontMatter.translationOfLocation ?? SourceLocation(path: page.source.file.displayPath)
            guard let target = Translations.target(of: written, from: page.source.file.relativePath, among: { byPath[$0] != nil }),
                  var source = byPath[target] else {
                // Placed already as the page of a section that has no `_index.md` to translate.
                if page.kind == .section, let folder = page.folder,
                   sectionFolder(written, from: page.source.file.relativePath, among: [folder]) != nil { continue }
                let draft = Translations.target(of: written, from: page.source.file.relativePath, among: routes.drafts.contains)
                let why = draft != nil ? "is a draft" : "is not a page in the content folder"
                diagnostics.error("'\(written)' \(why): `translation_of:` names the page this one translates by its path under Content/, like guides/da-forum.md, guides/_index.md or index.md",
                                  at: at)
                continue
            }
            guard target != page.source.file.relativePath else {
                diagnostics.error("a page cannot be its own translation: name the page this one translates", at: at)
                continue
            }
            if source.language == page.language {
                let name = languageNames[source.language] ?? source.language
                diagnostics.error("this page and '\(written)' are both in \(name): a translation's file name says its language, like \(source.translationKey.dropLast(3)).<code>.md",
                                  at: at)
                continue
            }
            // A translation of a translation belongs with the page they both translate.
            var seen: Set<String> = [page.source.file.relativePath]
            while seen.insert(source.source.file.relativePath).inserted,
                  let next = source.frontMatter.translationOf.flatMap({ Translations.target(of: $0, from: source.source.file.relativePath, among: { byPath[$0] != nil }) }),
                  let further = byPath[next] {
                source = further
            }
            pages[index].translationKey = source.translationKey
        }
        var groups: [String: [String: ContentPage]] = [:]
        groups.reserveCapacity(pages.count)
        routes.languages.reserveCapacity(pages.count)
        routes.keys.reserveCapacity(pages.count)
        routes.translations.reserveCapacity(pages.count)
        for page in pages {
            if let first = groups[page.translationKey]?[page.language] {
                let name = languageNames[page.language] ?? page.language
                diagnostics.error("\(first.source.file.displayPath) is already the \(name) version of \(page.translationKey): remove one, or point `translation_of:` elsewhere",
                                  at: page.frontMatter.translationOfLocation ?? SourceLocation(path: page.source.file.displayPath))
                continue
            }
            groups[page.translationKey, default: [:]][page.language] = page
            routes.languages[page.source.file.relativePath] = page.language
            routes.keys[page.source.file.relativePath] = page.translationKey
            routes.translations[page.translationKey, default: [:]][page.language] = page.source.file.relativePath
        }
        // A translation shares what it does not say itself with the page it translates.
        for index in pages.indices where pages[index].translationKey != pages[index].source.file.relativePath {  // not the source itself
            let group = groups[pages[index].translationKey] ?? [:]
            guard let source = group.values.first(where: { $0.source.file.relativePath == pages[index].translationKey }) else { continue }
            pages[index].frontMatter.inherit(from: source.frontMatter)
            groups[pages[index].translationKey]?[pages[index].language] = pages[index]
        }
        return groups
    }
}
