import Foundation

/// The redirect pages a site's `aliases:` ask for, each claimed like any other output file,
/// so an old address that is now another page's (or another alias's) is an error naming both.
enum Redirects {
    static func assemble(_ pages: [ContentPage], config: SiteConfig, claims: inout RouteClaims, diagnostics: inout Diagnostics) -> [Redirect] {
        var redirects: [Redirect] = []
        for page in pages {
            for alias in page.frontMatter.aliases {
                guard let from = route(of: alias, base: config.baseURL, diagnostics: &diagnostics) else { continue }
                if from == page.route {
                    diagnostics.report(.finding(.ignoredContent, "'\(alias.value)' is this page's own address, so it needs no redirect: remove it from `aliases:`",
                                                at: alias.location))
                    continue
                }
                let owner = "the old address '\(alias.value)' of \(page.source.file.displayPath)"
                // Other files are mostly pages' own `index.html`: a page at an alias's folder
                // (`/a.html/` beside a file `a.html`) is rare, and found before writing.
                if let clash = claims.folderClash(from) {
                    diagnostics.error("\(owner) would be written to \(from.path), but \(clash.owner) is at \(clash.route.path): one of them must be a folder, the other a file; change the alias",
                                      at: alias.location)
                    continue
                }
                claims.claim(from, by: owner, at: alias.location, diagnostics: &diagnostics)
                redirects.append(Redirect(from: from, to: page.route, title: page.title, language: page.language))
            }
        }
        return redirects
    }

    /// `/legal-guides/green-card/` → `legal-guides/green-card/index.html`; `/2019/post.html` →
    /// `2019/post.html`. A full address under the site's `base_url`, or one starting with its
    /// folder (`/kit/old/` for `https://example.org/kit/`), is taken as the path after it.
    static func route(of alias: Located<String>, base: String?, diagnostics: inout Diagnostics) -> Route? {
        var path = alias.value.trimmingCharacters(in: .whitespaces)
        // An address as printed on a flyer, whole or from its host's top, is read from the site's own folder.
        if let base, path.hasPrefix(base) {
            path = String(path.dropFirst(base.count))
        } else if let folder = base.flatMap({ URL(string: $0)?.path }), folder.count > 1, path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
            path = String(path.dropFirst(folder.count))
        }
        if path.contains("://") || path.hasPrefix("//") {
            diagnostics.error("'\(alias.value)' is on another site: an alias is an old address of this one, written as a path like /old-page/",
                              at: alias.location)
            return nil
        }
        if path.contains("?") || path.contains("#") {
            diagnostics.error("'\(alias.value)' has a '?' or '#' part, which never reaches a page of the site: write the path alone, like /old-page/",
                              at: alias.location)
            return nil
        }
        let decoded = path.removingPercentEncoding ?? path
        if decoded.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            diagnostics.error("'\(alias.value.debugDescription.dropFirst().dropLast())' has a control character (a line break or tab, perhaps encoded as %0A): an address is one line of text",
                              at: alias.location)
            return nil
        }
        guard let normalized = Routes.normalize("", decoded) else {
            diagnostics.error("'\(alias.value)' climbs above the top of the site: write the old address from the top, like /old-page/",
                              at: alias.location)
            return nil
        }
        // An address that names a file is answered by that file; any other by its folder's index.
        let last = normalized.lastPathComponent
        if !decoded.hasSuffix("/"), last.contains("."), !last.hasPrefix(".") {
            return Route(normalized)
        }
        return Route(normalized.isEmpty ? "index.html" : normalized + "/index.html")
    }
}
