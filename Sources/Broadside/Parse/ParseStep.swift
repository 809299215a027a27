/// Step 2: reads what the loaded files say: site.yml, every page's front matter, the CSV
/// tables, packets, glossaries, the theme's templates and the interface's words.
struct ParseStep: BuildStep {
    static let name = "parse"
    let sources: SiteSources

    /// What the site's files say, for assembling.
    struct Parsed {
        var config: SiteConfig
        var pages: [PageSource]
        var tables: [String: DataTable]
        var packets: [PacketSource]
        var questionnaires: [QuestionnaireSource] = []
        var theme: Theme
        var strings: [String: Strings]
        var glossaries: [String: [GlossaryTerm]]
        /// In a rebuild: the pages parsed again because their text changed (relative paths),
        /// and each page's hash of its front matter, for `SiteShape`.
        var reparsed: Set<String> = []
        var heads: [Int] = []
    }

    func run(_ build: inout BuildRun) -> Parsed {
        let config = SiteConfig.parse(sources.config, diagnostics: &build.diagnostics)
        let pages: (parsed: [(page: PageSource, problems: Diagnostics)], reparsed: Set<String>, heads: [Int])
            = build.cache.map { $0.pages(sources.pages, timeZone: config.timeZone) }
            ?? (sources.pages.concurrentMap { file in
                var problems = Diagnostics()
                return (PageSource.parse(file, timeZone: config.timeZone, diagnostics: &problems), problems)
            }, [], [])
        // Problems are reported in page order, whichever core parsed a page.
        for (_, problems) in pages.parsed { build.diagnostics.append(problems) }
        let (questionnaires, answers) = QuestionnaireSource.parseAll(sources.dataFiles, diagnostics: &build.diagnostics)
        return Parsed(config: config,
                      pages: pages.parsed.map(\.page),
                      tables: DataTable.parseAll(sources.dataFiles.filter { !answers.contains($0.relativePath) }, translated: Array(config.languages.dropFirst()),
                                                 diagnostics: &build.diagnostics),
                      packets: PacketSource.parseAll(sources.dataFiles, diagnostics: &build.diagnostics),
                      questionnaires: questionnaires,
                      theme: build.cache?.theme(sources.templates, diagnostics: &build.diagnostics)
                          ?? Theme.load(overrides: sources.templates, diagnostics: &build.diagnostics),
                      strings: InterfaceStrings.load(config: config, files: sources.interfaceStrings, templates: sources.templates,
                                                     diagnostics: &build.diagnostics),
                      glossaries: Glossary.parseAll(sources.dataFiles, config: config, diagnostics: &build.diagnostics),
                      reparsed: pages.reparsed, heads: pages.heads)
    }
}
