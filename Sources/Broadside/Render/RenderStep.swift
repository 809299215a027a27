/// Step 4: every page and file of the site made from the model with the theme; with a
/// staging folder, each Markdown page and the search index are written there as they are made.
struct RenderStep: BuildStep {
    static let name = "render"
    let assembled: AssembleStep.Assembled
    let renderer: SiteRenderer
    let sink: (any OutputSink)?
    /// The pages parsed again because their words changed (relative paths), in a rebuild.
    let reparsed: Set<String>

    func run(_ build: inout BuildRun) -> RenderedSite {
        let site = assembled.site
        let shape = assembled.shape.map { SiteShape.key(sources: $0, makesPDFs: renderer.makesPDFs, site: site) }
        // The last build's output is handed over, not shared, so that rendering changes it
        // in place; this one's is kept for the next.
        let reuse = shape.flatMap { shape in
            build.cache.map { $0.reuse(shape: shape, site: site, reparsed: reparsed) }
        } ?? Reuse()
        let rendered = renderer.render(folders: build.folders, reusing: reuse, into: sink, diagnostics: &build.diagnostics)
        if let shape { build.cache?.last = (shape, rendered) }
        return rendered
    }
}
