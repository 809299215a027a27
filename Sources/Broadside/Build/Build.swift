import Foundation

/// One build: the pipeline's steps in order, each timed. Stops before writing when any step
/// reported an error, so Output/ is only ever replaced by a complete, clean site.
public struct Build {
    public struct Step: Sendable {
        public var name: String
        public var seconds: Double
    }

    public struct Result: Sendable {
        public var diagnostics: Diagnostics
        public var steps: [Step]
        public var site: RenderedSite?
        /// Pages (HTML) and files written; zero when the build failed.
        public var pageCount: Int
        public var fileCount: Int
    }

    public let options: BuildOptions
    public let io: FileIO

    public init(options: BuildOptions, io: FileIO = .disk) {
        self.options = options
        self.io = io
    }

    /// Runs load → parse → assemble → render, and write when `write` is true and nothing failed.
    public func run(write: Bool = true) -> Result {
        var diagnostics = Diagnostics()
        var steps: [Step] = []
        func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { steps.append(Step(name: name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
            return try body()
        }
        let folders = options.folders

        let sources = step("load") { SiteSources.load(folders, io: io, diagnostics: &diagnostics) }
        let (config, pages, tables, theme) = step("parse") {
            (SiteConfig.parse(sources.config, diagnostics: &diagnostics),
             sources.pages.map { PageSource.parse($0, diagnostics: &diagnostics) },
             DataTable.parseAll(sources.dataFiles, diagnostics: &diagnostics),
             Theme.load(overrides: sources.templates, diagnostics: &diagnostics))
        }
        let site = step("assemble") {
            SiteAssembler.assemble(config: config, pages: pages, tables: tables, contentFiles: sources.contentFiles,
                                   assets: sources.assets, folders: folders, includeDrafts: options.includeDrafts,
                                   diagnostics: &diagnostics)
        }
        let rendered = step("render") { SiteRenderer.render(site, theme: theme, folders: folders, diagnostics: &diagnostics) }
        var result = Result(diagnostics: diagnostics, steps: steps, site: rendered, pageCount: 0, fileCount: 0)
        guard !diagnostics.hasErrors else { return result }
        if write {
            do {
                try step("write") { try OutputWriter(output: folders.output.root).write(rendered) }
            } catch {
                result.diagnostics.error("could not write the site: \(error.localizedDescription)",
                                         at: SourceLocation(path: folders.output.display("")))
                return result
            }
        }
        result.steps = steps
        result.pageCount = rendered.pages.keys.filter { $0.path.hasSuffix(".html") }.count
        result.fileCount = rendered.pages.count + rendered.copies.count
        return result
    }
}
