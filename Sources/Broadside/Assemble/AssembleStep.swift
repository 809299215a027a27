/// Step 3: the site model from what was parsed: every page's address, language, section and
/// topics, the editions, handouts and packets, and the problems only seen across files.
struct AssembleStep: BuildStep {
    static let name = "assemble"
    let sources: SiteSources
    let parsed: ParseStep.Parsed

    struct Assembled {
        var site: Site
        /// The shape of what it was assembled from (`SiteShape.sources`), in a build that
        /// reuses the last one's work; nil in a clean build, which does not hash the site.
        var shape: Int?
    }

    func run(_ build: inout BuildRun) -> Assembled {
        let shape = build.cache.map { _ in SiteShape.sources(sources, heads: parsed.heads, options: build.options) }
        var site: Site
        if let shape, let reused = build.cache?.site(shape: shape, pages: parsed.pages, reparsed: parsed.reparsed,
                                                     diagnostics: &build.diagnostics) {
            site = reused
        } else {
            var problems = Diagnostics()
            site = SiteAssembler.assemble(config: parsed.config, pages: parsed.pages, tables: parsed.tables, packets: parsed.packets,
                                          questionnaires: parsed.questionnaires,
                                          strings: parsed.strings, glossaries: parsed.glossaries, contentFiles: sources.contentFiles,
                                          assets: sources.assets, folders: build.folders, includeDrafts: build.options.includeDrafts,
                                          diagnostics: &problems)
            if let shape { build.cache?.site = (shape, site, problems) }
            build.diagnostics.append(problems)
        }
        site.today = build.options.today
        site.now = build.options.now
        return Assembled(site: site, shape: shape)
    }
}
