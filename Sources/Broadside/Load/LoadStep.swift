/// Step 1: reads the site's files (Content/, Site/), as text, with their places.
struct LoadStep: BuildStep {
    static let name = "load"

    func run(_ build: inout BuildRun) -> SiteSources {
        SiteSources.load(build.folders, io: build.io, cache: build.cache, diagnostics: &build.diagnostics)
    }
}
