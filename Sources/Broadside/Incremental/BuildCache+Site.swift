extension BuildCache {
    /// The last build's site, when what it was assembled from has the same shape: with the
    /// pages whose words changed put in, and its messages said again.
    func site(shape: Int, pages: [PageSource], reparsed: Set<String>, diagnostics: inout Diagnostics) -> Site? {
        guard var kept = site, kept.shape == shape else { return nil }
        site = nil  // held here alone while its lists are changed in place
        // The pages read again are the ones whose words may have changed.
        var changed: [String: PageSource] = [:]
        for index in pages.indices where reparsed.contains(pages[index].file.relativePath) {
            changed[pages[index].file.relativePath] = pages[index]
        }
        kept.site.replaceSources(changed)
        diagnostics.append(kept.problems)
        site = kept
        return kept.site
    }

    /// What this build may take from the last: its output whole, when the site's shape is
    /// unchanged, with the pages whose words changed (`reparsed`) to make again. Taken out
    /// of the cache, so that it is changed in place, not copied first.
    func reuse(shape: Int, site: Site, reparsed: Set<String>) -> Reuse {
        var reuse = Reuse(keeps: true)
        guard let last, last.shape == shape else { return reuse }
        self.last = nil
        reuse.last = last.site
        reuse.remake = site.pages.indices.filter { reparsed.contains(site.pages[$0].source.file.relativePath) }
        return reuse
    }
}
