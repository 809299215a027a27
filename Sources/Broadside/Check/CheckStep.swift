/// Step 5: the findings that need the whole site made (`CheckRules`' site rules: titles
/// compared across pages, links to headings), handouts over their page budget, translations
/// behind their originals; then the site's `checks:` settings applied to every finding.
struct CheckStep: BuildStep {
    static let name = "check"
    let assembled: AssembleStep.Assembled
    let rendered: RenderedSite
    let printsPDFs: Bool

    func run(_ build: inout BuildRun) {
        let site = assembled.site
        CheckRules.run(site, rendered, into: &build.diagnostics)
        // Printing nothing, this build says what the last one printed over a handout's budget.
        if !printsPDFs, site.editions.contains(where: \.hasPrintMaterials) {
            PageBudget.lastBuild(PrintStep.jobs(site), html: { rendered.pages[$0] }, cache: build.cacheFolder.appendingPathComponent("pdf"),
                                 diagnostics: &build.diagnostics)
        }
        if site.editions.count > 1 {
            TranslationStatus.check(site, rendered, commitTimes: build.io.commitTimes(build.folders.content.root), diagnostics: &build.diagnostics)
        }
        build.diagnostics = site.config.rules.apply(to: build.diagnostics)
    }
}
