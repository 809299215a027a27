import Foundation

/// One build: the pipeline's steps in order, each timed. Nothing is written to Output/ unless
/// every step succeeded: a clean build replaces it whole, and a rebuild in `serve` (with a
/// `BuildCache`) writes only the files that changed, so Output/ is only ever a complete site.
public struct Build {
    public struct Step: Sendable {
        public var name: String
        public var seconds: Double
    }

    public struct Result: Sendable {
        public var diagnostics: Diagnostics
        public var steps: [Step]
        public var site: RenderedSite?
        /// Pages (HTML), files and PDFs written; zero when the build failed.
        public var pageCount = 0
        public var fileCount = 0
        public var pdfCount = 0
        /// Markdown pages made anew, and those reused from the last build unchanged.
        public var madePages = 0
        public var reusedPages = 0
        /// The site model the pages were made from, held with the result: a command that ends
        /// the process with the result in hand never frees a large site's model piece by
        /// piece, tens of milliseconds on one core.
        public var model: Site?
    }

    public let options: BuildOptions
    public let io: FileIO
    /// What the last build in this process left for this one; nil: a clean build.
    public let cache: BuildCache?

    public init(options: BuildOptions, io: FileIO = .disk, cache: BuildCache? = nil) {
        self.options = options
        self.io = io
        self.cache = cache
    }

    /// Runs load → parse → assemble → render → check, then when `write` is true and nothing failed,
    /// write (into a staging folder) → print (PDFs) → publish (swap with Output/).
    public func run(write: Bool = true) -> Result {
        var build = BuildRun(options: options, io: io, cache: cache)
        let sources = build.run(LoadStep())
        let parsed = build.run(ParseStep(sources: sources))
        let assembled = build.run(AssembleStep(sources: sources, parsed: parsed))
        let engine = write ? PrintStep.engine(for: assembled.site, &build) : nil
        let renderer = SiteRenderer(site: assembled.site, theme: parsed.theme, makesPDFs: engine != nil)
        let writer = OutputWriter(output: build.folders.output.root)
        // A clean build streams each Markdown page into the staging folder as soon as it is
        // made, so a large site is never all in memory at once; Output/ is still replaced only
        // when the whole build succeeded. Not while the folder around Output/ is still to be
        // made (a failed build makes none); a staging folder that cannot be made now is made,
        // or reported, by the write step.
        let streams = write && cache == nil && !build.diagnostics.hasErrors
            && FileManager.default.fileExists(atPath: writer.output.deletingLastPathComponent().path)
        let staging = streams ? (try? writer.openStaging()).map(StagingFolder.init) : nil
        var rendered = build.run(RenderStep(assembled: assembled, renderer: renderer, sink: staging, reparsed: parsed.reparsed))
        build.run(CheckStep(assembled: assembled, rendered: rendered, printsPDFs: engine != nil))
        if let failure = rendered.writeFailure { build.writeFailed(failure) }
        func result() -> Result {
            Result(diagnostics: build.diagnostics, steps: build.steps, site: rendered,
                   madePages: assembled.site.pages.count - rendered.reusedPages, reusedPages: rendered.reusedPages, model: assembled.site)
        }
        guard write, !build.diagnostics.hasErrors else {
            if let staging { writer.discard(staging.url) }
            return result()
        }
        do {
            guard case .staged(let staging, let stamps, let copiedAt) = try build.run(
                WriteStep(rendered: rendered, writer: writer, staging: staging, printsPDFs: engine != nil)) else {
                return counted(result(), rendered)
            }
            let printed: PrintStep.Printed
            do {
                printed = try build.run(PrintStep(site: assembled.site, renderer: renderer, engine: engine, staging: staging))
            } catch {
                writer.discard(staging.url)  // a failed build leaves no staging folder behind
                throw error
            }
            rendered.pages.merge(printed.pages) { _, new in new }
            guard !build.diagnostics.hasErrors else {
                writer.discard(staging.url)
                return result()
            }
            try build.run(PublishStep(writer: writer, staging: staging, rendered: rendered, pdfs: Set(printed.pageCounts.keys),
                                      stamps: stamps, copiedAt: copiedAt))
            var done = result()
            done.pdfCount = printed.pageCounts.count
            return counted(done, rendered)
        } catch {
            // What Output/ holds is no longer known: the next build writes it whole.
            cache?.written = nil
            build.writeFailed(error)
            return result()
        }
    }

    private func counted(_ result: Result, _ rendered: RenderedSite) -> Result {
        var result = result
        result.pageCount = (rendered.pages.keys + rendered.written).count { $0.path.hasSuffix(".html") }
        result.fileCount = rendered.written.count + rendered.pages.count + rendered.copies.count + result.pdfCount
        return result
    }
}
