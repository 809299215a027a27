import Foundation

/// A Hugo site read the way Hugo reads it: its config, the content folder (or one per
/// language), page bundles, `static/` and `data/`.
enum HugoSite {
    /// The config files Hugo looks for at the top of a site, in its order.
    static let configNames = ["hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml"]
    /// Hugo's other way: a folder of config files, one for each top-level key.
    static let configFolder = "config/_default"

    /// How the site's addresses are made, from its config.
    private struct AddressRules {
        var codes: Set<String>
        var inSubdir: Bool
        /// `uglyURLs`: pages at `/a/b.html` rather than `/a/b/`.
        var ugly: Bool
        /// `[permalinks]`: a section's pattern.
        var patterns: [String: String] = [:]
    }

    static func read(_ sourceRoot: URL, config: ConfigFile, skipping: String?) -> SourceSite {
        var site = SourceSite(generator: .hugo, config: config)
        site.title = config.text("title")
        if let address = config.text("baseURL"), address.hasPrefix("http"), let url = URL(string: address) {
            site.baseURL = address.hasSuffix("/") ? address : address + "/"
            let path = url.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            site.basePath = path.isEmpty ? "" : "/" + path
        }
        site.language = config.text("defaultContentLanguage")?.lowercased() ?? "en"
        let contentDir = config.text("contentDir") ?? "content"
        var roots: [(language: String, folder: String)] = []
        for code in config.tableKeys("languages") {
            let language = code.lowercased()
            if language != site.language {
                // `label` is newer Hugo's name for `languageName`.
                site.languages.append((language, config.text("languages", code, "languageName") ?? config.text("languages", code, "label"),
                                       config.text("languages", code, "title")))
            }
            if let folder = config.text("languages", code, "contentDir") { roots.append((language, folder)) }
        }
        if !roots.contains(where: { $0.language == site.language }) { roots.append((site.language, contentDir)) }
        // `content/es` before `content`, which holds it.
        roots.sort { $0.folder.count > $1.folder.count }
        var rules = AddressRules(codes: Set([site.language] + site.languages.map(\.code)), inSubdir: config.flag("defaultContentLanguageInSubdir"),
                                 ugly: config.flag("uglyURLs"))
        for section in config.tableKeys("permalinks") {
            // Newer Hugo groups patterns by kind: `[permalinks.page]`.
            if let kinds = config.value("permalinks", section)?.mapping {
                if section == "page" { for (key, value) in kinds { if let key = key.text, let pattern = value.text { rules.patterns[key] = pattern } } }
            } else if let pattern = config.text("permalinks", section) {
                rules.patterns[section] = pattern
            }
        }

        for path in SourceFiles.list(sourceRoot, skipping: skipping) {
            let top = String(path.split(separator: "/")[0])
            if let root = roots.first(where: { path.hasPrefix($0.folder + "/") }) {
                let inside = String(path.dropFirst(root.folder.count + 1))
                guard inside.hasSuffix(".md") || inside.hasSuffix(".markdown") else {
                    addFile(path, to: inside, site: &site)
                    continue
                }
                site.pages.append(page(root, inside, path: path, rules: rules, files: sourceRoot, site: &site))
            } else if top == "static", path.count > 7 {
                addFile(path, to: String(path.dropFirst(7)), site: &site)
            } else if top == "data", path.count > 5 {
                site.dataFiles.append((path, "Data/" + path.dropFirst(5)))
            } else {
                // Layouts, themes, archetypes, Hugo's asset pipeline, the config, build output.
                site.leave(top)
            }
        }
        return site
    }

    /// A file copied as it is, unless a browser would run script in it.
    private static func addFile(_ path: String, to place: String, site: inout SourceSite) {
        if SiteImport.isScriptFile(path) {
            site.scriptFiles.append(path)
        } else {
            site.files.append((path, place))
            site.fileURLs["/" + place] = place
        }
    }

    /// A page of the content folder of `root.language`: its language (from its folder or a
    /// `.es.md` name), its translation key and its old address.
    private static func page(_ root: (language: String, folder: String), _ inside: String, path: String, rules: AddressRules,
                             files: URL, site: inout SourceSite) -> SourcePage {
        let text = SourceFiles.read(files, path) ?? ""
        let (fields, body, bodyLine) = SourceFiles.page(text, path: path, notes: &site.notes)
        var parts = inside.lastPathComponent.split(separator: ".").map(String.init)
        parts.removeLast()
        var language = root.language
        if parts.count > 1, rules.codes.contains(parts[parts.count - 1].lowercased()) { language = parts.removeLast().lowercased() }
        let contentPath = inside.parentPath.appendingPath(parts.joined(separator: ".") + ".md")
        let name = parts.joined(separator: ".")
        let isBundle = name == "index" || name == "_index"
        let fallback = isBundle ? (inside.parentPath.isEmpty ? site.title ?? "Home" : inside.parentPath.lastPathComponent) : name
        // The top `_index.md` is Hugo's home page, which is Broadside's `index.md`.
        var page = SourcePage(path: path, linkPath: inside, fields: fields, body: body, bodyLine: bodyLine, language: language,
                              newPath: contentPath == "_index.md" ? "index.md" : contentPath, fallbackTitle: Slug.humanize(fallback))
        page.translationKey = page.text("translationKey") ?? "path:" + contentPath
        let title = page.text("title") ?? page.fallbackTitle
        let slug = page.text("slug")
        let date = page.text("date").flatMap(Day.init(dateOrMoment:))
        var address: String
        // An address with a part left unknown would make a redirect at a wrong one.
        var known = true
        if let url = page.text("url"), !url.contains(":") {
            address = (url.hasPrefix("/") ? url : "/" + url)
        } else if name != "_index", let section = contentPath.split(separator: "/").first.map(String.init), contentPath.contains("/"),
                  let pattern = rules.patterns[section] {
            let (url, unknown) = Permalinks.expand(pattern, Permalinks.hugoValues(contentPath: contentPath, title: title, slug: slug, date: date))
            address = url
            if !unknown.isEmpty {
                site.notes.append(ImportItem(kind: .oldAddress, source: SourceLocation(path: path), text: Permalinks.notKept(pattern, unknown)))
                known = false
            }
        } else {
            address = Permalinks.hugoDefault(contentPath: contentPath, slug: slug)
            if rules.ugly, name != "_index", address != "/" { address = String(address.dropLast()) + ".html" }
        }
        if language != site.language || rules.inSubdir { address = "/" + language + address }
        if page.text("draft") != "true", known { page.oldURL = address }
        return page
    }
}
