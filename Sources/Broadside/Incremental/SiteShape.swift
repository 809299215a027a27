import Foundation

/// Everything a page's output may depend on besides its own file: the site's settings,
/// words, templates and data, every page's path and front matter (nav, lists, links and
/// translations are made of them), the build's options, the day, and which events are past.
/// Pages' bodies are left out: a page's body shows only on that page, its handouts and
/// packets, and the search index, which are made again from it. Editing a body keeps the
/// shape; anything else changes it, and every page is made again. Two checks read other
/// pages' bodies (`#fragment` links, and bilingual pages' sections): they run on every build.
enum SiteShape {
    /// The shape of what was read: all that assembling the site depends on.
    /// A page's part of the shape: its path and front matter. Worked out when the page is
    /// parsed, so that a rebuild combines thousands of numbers, not thousands of texts.
    static func head(of page: PageSource) -> Int {
        var hasher = Hasher()
        hasher.combineBytes(page.file.relativePath)
        hasher.combineBytes(page.head)
        return hasher.finalize()
    }

    /// `heads`: each page's `head(of:)`, in the order pages were read.
    static func sources(_ sources: SiteSources, heads: [Int], options: BuildOptions) -> Int {
        var hasher = Hasher()
        func add(_ file: SourceFile?) {
            hasher.combineBytes(file?.relativePath ?? "")
            hasher.combineBytes(file?.text ?? "")
        }
        add(sources.config)
        sources.dataFiles.forEach(add)
        for name in sources.templates.keys.sorted() { add(sources.templates[name]) }
        for code in sources.interfaceStrings.keys.sorted() { add(sources.interfaceStrings[code]) }
        for path in sources.contentFiles + ["/"] + sources.assets { hasher.combineBytes(path) }
        hasher.combine(options.includeDrafts)
        hasher.combine(options.today)
        for head in heads { hasher.combine(head) }
        return hasher.finalize()
    }

    /// The whole shape: what was read, and what the build makes of it beyond the pages.
    static func key(sources: Int, makesPDFs: Bool, site: Site) -> Int {
        var hasher = Hasher()
        hasher.combine(sources)
        hasher.combine(makesPDFs)
        for files in site.editions.flatMap(\.events) { hasher.combine(files.event.isPast(at: site.now)) }
        return hasher.finalize()
    }
}
