import Foundation

/// Where the old site's addresses and files lead in the new one, each as a path under
/// Content/: the page's own file, a translation's too (`guide.es.md`, so a link the author
/// made to the Spanish page still goes there), or a copied file's path.
struct LinkTargets {
    /// Old addresses, as `normalize` writes them.
    var byURL: [String: String] = [:]
    /// Paths in SOURCE: `_guides/x.md`, `content/posts/x.md`, `assets/img/map.png`.
    var bySourcePath: [String: String] = [:]
    /// Hugo's content paths (`posts/x.md`) by language, for `ref` and `relref`.
    var byContentPath: [String: [String: String]] = [:]
    /// Jekyll's post names for `post_url`: `2019-03-05-know-your-rights`.
    var posts: [String: String] = [:]
    /// The old site's full address without its final `/` (`https://example.org/kit`), and its sub-path.
    var siteURL: String?
    var basePath = ""

    init() {}

    /// Every page of the site (by the path links to it use), and every copied file.
    init(_ site: SourceSite, placement: Placement) {
        basePath = site.basePath
        siteURL = site.baseURL.map { String($0.dropLast()) }
        for (url, path) in site.fileURLs where !Self.isYAML(path) { byURL[Self.normalize(url)] = path }
        for file in site.files where !Self.isYAML(file.to) { bySourcePath[file.from] = file.to }
        for (index, page) in site.pages.enumerated() {
            let own = placement.paths[index]
            if let url = page.oldURL { byURL[Self.normalize(url)] = own }
            for alias in page.list("redirect_from") + page.list("aliases") { byURL[Self.normalize(alias)] = own }
            bySourcePath[page.path] = own
            byContentPath[page.language, default: [:]][page.linkPath] = own
            if page.isPost, let posts = page.path.range(of: "_posts/") {
                let name = String(page.path[posts.upperBound...].prefix { $0 != "." })
                self.posts[name] = own
                self.posts[name.lastPathComponent] = own
            }
        }
    }

    /// YAML under Content/ is read as a table's description or a packet: such files go with
    /// the data, outside Content/, and links to them are left for a person.
    static func isYAML(_ path: String) -> Bool {
        path.hasSuffix(".yml") || path.hasSuffix(".yaml")
    }

    /// An address as a key: no query, no `index.html`, `.html` or final `/`.
    static func normalize(_ url: String) -> String {
        var url = String(url.prefix { $0 != "?" })
        if url.hasSuffix("/index.html") { url.removeLast("index.html".count) }
        if url.hasSuffix(".html") { url.removeLast(".html".count) }
        while url.hasSuffix("/") { url.removeLast() }
        return url.removingPercentEncoding ?? url
    }

    func page(atURL url: String) -> String? {
        var path = url
        if !basePath.isEmpty, path == basePath || path.hasPrefix(basePath + "/") { path = String(path.dropFirst(basePath.count)) }
        // An address, or a site-relative path to a source file (`/about.md`, `/assets/map.png`).
        return byURL[Self.normalize(path)] ?? bySourcePath[String(Self.normalize(path).drop { $0 == "/" })]
    }

    /// Hugo's `ref "x"`: a content path from the page's folder or the content folder's top,
    /// with or without `.md`, a folder's `_index.md` or `index.md`, or else a file name found once.
    func hugoPage(_ reference: String, from folder: String, language: String) -> String? {
        let written = reference.hasSuffix("/") ? String(reference.dropLast()) : reference
        let starts = written.hasPrefix("/") ? [String(written.dropFirst())] : [folder.appendingPath(written), written]
        let tables = [byContentPath[language] ?? [:]] + byContentPath.filter { $0.key != language }.map(\.value)
        for table in tables {
            for start in starts.map(LinkRewriter.resolved) {
                for candidate in [start, start + ".md", start.appendingPath("_index.md"), start.appendingPath("index.md")] {
                    if let target = table[candidate] { return target }
                }
            }
        }
        let name = written.lastPathComponent.hasSuffix(".md") ? written.lastPathComponent : written.lastPathComponent + ".md"
        let found = Set(tables.flatMap { $0.filter { $0.key.lastPathComponent == name }.map(\.value) })
        return found.count == 1 ? found.first : nil
    }
}
