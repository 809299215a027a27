import Foundation

/// A Jekyll site read the way Jekyll reads it: `_config.yml`, pages, `_posts`, `_drafts`,
/// collections, `_data` and the files it copies as they are.
enum JekyllSite {
    /// Folders and files Jekyll uses to build, with no place in Broadside.
    static let buildFiles: Set<String> = ["_layouts", "_includes", "_sass", "_site", "_plugins", ".jekyll-cache", ".sass-cache",
                                          "node_modules", "vendor", "Gemfile", "Gemfile.lock", "_config.yml", "package.json",
                                          "package-lock.json", "Rakefile", "gemfiles"]

    /// Names of a repository's documents about itself, in capitals.
    static let repositoryFiles: Set<String> = ["README", "LICENSE", "LICENCE", "CHANGELOG", "HISTORY", "CONTRIBUTING", "CODE_OF_CONDUCT",
                                               "SECURITY", "AUTHORS"]

    /// What `_config.yml` says about where pages are and what their addresses were.
    private struct Settings {
        var permalink: String
        var collections: [String: (output: Bool, permalink: String?)] = [:]
        var excluded: [String]
        /// `include:`: names Jekyll reads although they start with `_` (`_pages`, a common
        /// folder for a site's pages).
        var included: [String]
        /// `defaults:`, each `scope` (a path and a type) with its `values`; the more specific path last.
        var defaults: [(path: String, type: String?, values: [(key: YAMLValue, value: YAMLValue)])]
        /// jekyll-polyglot: pages with the same address in several languages translate each
        /// other, and the other languages' are served under `/<code>/`.
        var isPolyglot: Bool

        init(_ config: ConfigFile) {
            permalink = config.text("permalink") ?? "date"
            if let mapping = config.value("collections")?.mapping {
                for (key, value) in mapping {
                    guard let name = key.text else { continue }
                    let settings = value.mapping ?? []
                    func setting(_ key: String) -> YAMLValue? { settings.first { $0.key.text == key }?.value }
                    collections[name] = (setting("output").flatMap(YAMLFields.bool) ?? false, setting("permalink")?.text)
                }
            } else {
                for name in config.value("collections")?.list?.compactMap(\.text) ?? [] { collections[name] = (false, nil) }
            }
            excluded = config.value("exclude")?.list?.compactMap(\.text) ?? []
            included = (config.value("include")?.list?.compactMap(\.text) ?? []).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }
            defaults = (config.value("defaults")?.list ?? []).compactMap { item -> (path: String, type: String?, values: [(key: YAMLValue, value: YAMLValue)])? in
                let pairs = item.mapping ?? []
                func entry(_ key: String) -> YAMLValue? { pairs.first { $0.key.text == key }?.value }
                guard let values = entry("values")?.mapping else { return nil }
                let scope = entry("scope")?.mapping ?? []
                let path = scope.first { $0.key.text == "path" }?.value.text ?? ""
                return (path.trimmingCharacters(in: CharacterSet(charactersIn: "/")), scope.first { $0.key.text == "type" }?.value.text, values)
            }.sorted { $0.path.count < $1.path.count }
            isPolyglot = config.text("default_lang") != nil && config.value("languages")?.list != nil
        }
    }

    static func read(_ root: URL, config: ConfigFile, skipping: String?) -> SourceSite {
        var site = SourceSite(generator: .jekyll, config: config)
        site.title = config.text("title")
        let baseurl = (config.text("baseurl") ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        site.basePath = baseurl.isEmpty ? "" : "/" + baseurl
        if let url = config.text("url"), url.hasPrefix("http") {
            site.baseURL = url.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + site.basePath + "/"
        }
        // jekyll-polyglot's `default_lang` names the default among `languages`; `lang` is
        // otherwise the site's own (as minima reads it).
        site.language = config.text("default_lang") ?? config.text("lang") ?? config.text("language") ?? "en"
        let configured = config.value("languages")?.list?.compactMap(\.text) ?? []
        var languages = configured.filter { $0 != site.language }

        let settings = Settings(config)

        for path in SourceFiles.list(root, skipping: skipping) {
            let parts = path.split(separator: "/").map(String.init)
            let top = parts[0]
            let isExcluded = settings.excluded.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
            if buildFiles.contains(top) || isExcluded {
                site.leave(top)
                continue
            }
            if top == "_data", parts.count > 1 {
                site.dataFiles.append((path, "Data/" + parts.dropFirst().joined(separator: "/")))
                if parts.count == 2, path.hasSuffix(".yml") || path.hasSuffix(".yaml"), case .success(let file) = ConfigFile.read(root, path) {
                    site.data[String(parts[1].prefix { $0 != "." })] = file
                }
                continue
            }
            // Posts may sit in a category's folder: `news/_posts/2019-03-05-name.md`.
            let postsAt = parts.dropLast().firstIndex { $0 == "_posts" || $0 == "_drafts" }
            let isIncluded = top.hasPrefix("_") && settings.included.contains(top)
            let collection = postsAt.map { String(parts[$0].dropFirst()) } ?? (top.hasPrefix("_") && !isIncluded ? String(top.dropFirst()) : nil)
            if let collection, collection != "posts", collection != "drafts", settings.collections[collection] == nil {
                site.leave(top)
                continue
            }
            guard path.hasSuffix(".md") || path.hasSuffix(".markdown") else {
                if SiteImport.isScriptFile(path) {
                    site.scriptFiles.append(path)
                } else if collection != nil {
                    site.leave(top)
                } else if path.hasSuffix(".scss") || path.hasSuffix(".sass") {
                    site.leave(path)
                } else {
                    site.files.append((path, path))
                    site.fileURLs["/" + path] = path
                }
                continue
            }
            guard let text = SourceFiles.read(root, path) else { continue }
            let (fields, body, bodyLine) = SourceFiles.page(text, path: path, notes: &site.notes)
            // The repository's own documents: Jekyll makes no page of Markdown without front matter.
            if fields == nil, parts.count == 1, repositoryFiles.contains(String(top.prefix { $0 != "." }).uppercased()) {
                site.leave(path)
                continue
            }
            let page = page(path, parts: parts, postsAt: postsAt, collection: collection, read: (fields, body, bodyLine),
                            settings: settings, languages: languages, site: &site)
            // A page that only sends readers elsewhere (jekyll-redirect-from's `redirect_to:`, a
            // theme's `layout: redirect`) is an old address of the page it names, not a page.
            if let to = page.text("redirect_to") ?? (page.text("layout") == "redirect" ? page.text("redirect") : nil), let from = page.oldURL {
                site.redirectStubs.append((path, from, to))
                continue
            }
            if page.language != site.language, !languages.contains(page.language) { languages.append(page.language) }
            site.pages.append(page)
        }
        site.languages = languages.map { ($0, nil, nil) }
        return site
    }

    /// A page, post or collection document: where it goes, its language and its old address.
    private static func page(_ path: String, parts: [String], postsAt: Int?, collection: String?,
                             read: (fields: YAMLFields?, body: String, bodyLine: Int), settings: Settings, languages: [String],
                             site: inout SourceSite) -> SourcePage {
        let markdown = parts.dropFirst(postsAt.map { $0 + 1 } ?? (collection == nil ? 0 : 1)).joined(separator: "/")
        let withoutExtension = String(markdown.prefix(upTo: markdown.lastIndex(of: ".")!))
        let isHome = collection == nil && withoutExtension == "index"
        var page = SourcePage(path: path, linkPath: path, fields: read.fields, body: read.body, bodyLine: read.bodyLine, language: site.language,
                              newPath: withoutExtension + ".md",
                              fallbackTitle: isHome ? site.title ?? "Home" : Slug.humanize(withoutExtension.lastPathComponent))
        page.defaults = settings.defaults.filter { scope in
            (scope.path.isEmpty || path == scope.path || path.hasPrefix(scope.path + "/")) && (scope.type == nil || scope.type == collection ?? "pages")
        }.flatMap(\.values)
        if let lang = page.text("lang") ?? page.text("language") {
            page.language = lang
        } else if let folder = parts.first, languages.contains(folder) {
            page.language = folder
        }
        page.translationKey = page.text("ref")
        page.alternateURL = page.text("alt_url")

        var values = ["output_ext": ".html", "path": withoutExtension, "basename": withoutExtension.lastPathComponent,
                      "name": withoutExtension.lastPathComponent, "title": page.text("slug") ?? withoutExtension.lastPathComponent,
                      "slug": page.text("slug") ?? withoutExtension.lastPathComponent, "categories": ""]
        var pattern: String?
        switch collection {
        case "posts"?, "drafts"?:
            page.isPost = true
            page.draft = collection == "drafts"
            var name = withoutExtension.lastPathComponent
            // Only folders above `_posts/` are categories (`news/_posts/`); those inside it are not.
            let folders = parts[..<(postsAt ?? 0)]
            if name.count > 11, let day = Day(String(name.prefix(10))), name.dropFirst(10).first == "-" {
                page.fileDate = day
                name = String(name.dropFirst(11))
            }
            page.newPath = "posts/\(name).md"
            page.fallbackTitle = Slug.humanize(name)
            values["title"] = page.text("slug") ?? name
            values["slug"] = values["title"]
            var categories = Array(folders)
            for key in ["categories", "category"] {
                // A text of words is split (`categories: news legal`), a list's items never.
                let isText = page.value(key)?.text != nil
                for written in page.list(key) {
                    for category in isText ? written.split(separator: " ").map(String.init) : [written] where !categories.contains(category) {
                        categories.append(category)
                    }
                }
            }
            values["categories"] = categories.map { $0.lowercased() }.joined(separator: "/")
            // `collections: posts: permalink:` is the posts' own, over the site's.
            pattern = page.draft ? nil : Permalinks.jekyllPattern(settings.collections["posts"]?.permalink ?? settings.permalink)
        case let name?:
            page.newPath = name + "/" + page.newPath
            values["collection"] = name
            if let own = settings.collections[name], own.output {
                pattern = Permalinks.jekyllPattern(own.permalink ?? "date", styles: Permalinks.jekyllCollectionStyles)
            }
        case nil:
            values["path"] = withoutExtension.parentPath
            // An included `_folder` keeps its place without the underscore; `_pages`, which
            // holds a site's pages, is left out of their paths.
            if parts[0].hasPrefix("_"), parts.count > 1 {
                page.newPath = (parts[0] == "_pages" ? "" : String(parts[0].dropFirst()) + "/") + parts.dropFirst().joined(separator: "/")
                page.newPath = String(page.newPath.prefix(upTo: page.newPath.lastIndex(of: ".")!)) + ".md"
            }
            let isIndex = withoutExtension.lastPathComponent == "index"
            pattern = isIndex ? "/:path/" : Permalinks.jekyllPagePattern(sitePermalink: settings.permalink)
        }
        // A `date:` in the front matter is the post's date over its file name's, in its address too.
        if let day = page.text("date").flatMap(Day.init(dateOrMoment:)) ?? page.fileDate { values.merge(Permalinks.dateValues(day)) { _, new in new } }
        if page.text("published") == "false" { pattern = nil }
        if let written = page.text("permalink"), pattern != nil { pattern = written }
        if let pattern {
            let (url, unknown) = Permalinks.expand(pattern, values)
            page.oldURL = unknown.isEmpty ? url : nil  // an address with a part unknown would redirect from a wrong one
            if settings.isPolyglot {
                page.translationKey = page.translationKey ?? "url:" + url
                if page.language != site.language { page.oldURL = "/" + page.language + url }
            }
            if !unknown.isEmpty {
                site.notes.append(ImportItem(kind: .oldAddress, source: SourceLocation(path: path), text: Permalinks.notKept(pattern, unknown)))
            }
        }
        return page
    }
}
