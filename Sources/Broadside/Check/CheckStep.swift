/// Step 5: the findings that need the whole site made: titles and summaries compared across
/// pages, handouts over their page budget, translations behind their originals; then the
/// site's `checks:` settings applied to every finding of the build.
struct CheckStep: BuildStep {
    static let name = "check"
    let assembled: AssembleStep.Assembled
    let rendered: RenderedSite
    let printsPDFs: Bool

    func run(_ build: inout BuildRun) {
        let site = assembled.site
        func siteChecks() -> Diagnostics {
            var found = Diagnostics()
            SiteChecks.run(site, diagnostics: &found)
            return found
        }
        // A rebuild of a site of the same shape says again what was found in it.
        build.diagnostics.append(assembled.shape.flatMap { shape in build.cache?.siteFindings(shape: shape, siteChecks) } ?? siteChecks())
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
