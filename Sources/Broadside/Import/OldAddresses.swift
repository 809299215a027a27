/// A page's address in Broadside, and the old addresses that become its `aliases:`.
enum OldAddresses {
    /// First parts of the addresses Broadside makes pages of its own at, in every language:
    /// an alias or a page there would take the place of Broadside's.
    static let broadsidePages: Set<String> = Set(["search", "tags", "print"]).union(broadsideFiles)
    /// Files at the top of Output/ that Broadside writes itself, so none is copied there.
    static let broadsideFiles: Set<String> = ["feed.xml", "404.html", "robots.txt", "sitemap.xml", "_redirects", ".nojekyll"]

    /// The page's address in Broadside: its path without `.md`, `index` standing for its folder,
    /// under `/<code>/` for another language.
    static func address(of path: String, language: String, site: SourceSite) -> String {
        var stem = String(path.dropLast(3))
        if stem.hasSuffix("." + language) { stem.removeLast(language.count + 1) }
        let name = stem.lastPathComponent
        if name == "index" || name == "_index" { stem = stem.parentPath }
        let prefix = language == site.language ? "" : language + "/"
        return "/" + (prefix + stem + (stem.isEmpty ? "" : "/"))
    }

    /// Whether an address (`/search/`, `/es/tags/rights/`) is one of Broadside's own pages.
    static func isBroadsidePage(_ address: String, site: SourceSite) -> Bool {
        var parts = address.split(separator: "/").map(String.init)
        if let first = parts.first, first == site.language || site.languages.contains(where: { $0.code == first }) { parts.removeFirst() }
        return parts.first.map(broadsidePages.contains) ?? false
    }

    /// Every old address of a page that differs from its new one, site-relative; and those
    /// that cannot be one (a pattern like `/blog/*`, a `?` or `#` part, one of Broadside's pages).
    static func aliases(of page: SourcePage, site: SourceSite, newAddress: String) -> (aliases: [String], skipped: [String]) {
        func same(_ address: String) -> String {
            var address = address
            if address.hasSuffix("/index.html") { address.removeLast("index.html".count) }
            while address.count > 1, address.hasSuffix("/") { address.removeLast() }
            return address
        }
        var aliases: [String] = []
        var skipped: [String] = []
        for written in (page.oldURL.map { [$0] } ?? []) + page.list("redirect_from") + page.list("aliases") + page.movedHere {
            var alias = written.hasPrefix("/") ? written : "/" + written
            if !site.basePath.isEmpty, alias.hasPrefix(site.basePath + "/") { alias = String(alias.dropFirst(site.basePath.count)) }
            guard same(alias) != same(newAddress), !aliases.contains(alias), !skipped.contains(written) else { continue }
            if alias.contains(where: { "*?#".contains($0) }) || isBroadsidePage(alias, site: site) {
                skipped.append(written)
            } else {
                aliases.append(alias)
            }
        }
        return (aliases, skipped)
    }
}
