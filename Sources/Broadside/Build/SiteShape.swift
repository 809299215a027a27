import Foundation

/// Everything a page's output may depend on besides its own file: the site's settings,
/// words, templates and data, every page's path and front matter (nav, lists, links and
/// translations are made of them), the build's options, the day, and which events are past.
/// Pages' bodies are left out: a page's body shows only on that page, its handouts and
/// packets, and the search index, which are made again from it. Editing a body keeps the
/// shape; anything else changes it, and every page is made again.
enum SiteShape {
    /// The shape of what was read: all that assembling the site depends on.
    static func sources(_ sources: SiteSources, pages: [PageSource], options: BuildOptions) -> Int {
        var hasher = Hasher()
        func add(_ file: SourceFile?) {
            hasher.combine(file?.relativePath)
            hasher.combine(file?.text)
        }
        add(sources.config)
        sources.dataFiles.forEach(add)
        for name in sources.templates.keys.sorted() { add(sources.templates[name]) }
        for code in sources.interfaceStrings.keys.sorted() { add(sources.interfaceStrings[code]) }
        hasher.combine(sources.contentFiles)
        hasher.combine(sources.assets)
        hasher.combine(options.includeDrafts)
        hasher.combine(options.today)
        for page in pages {
            hasher.combine(page.file.relativePath)
            var head = page.head
            head.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
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
