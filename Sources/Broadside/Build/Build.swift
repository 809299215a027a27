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
        var diagnostics = Diagnostics()
        var steps: [Step] = []
        func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { steps.append(Step(name: name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
            return try body()
        }
        let folders = options.folders

        let sources = step("load") { SiteSources.load(folders, io: io, cache: cache, diagnostics: &diagnostics) }
        var reparsed = Set<String>()
        var heads: [Int] = []
        let (config, pages, tables, packets, theme, strings, glossaries) = step("parse") {
            let config = SiteConfig.parse(sources.config, diagnostics: &diagnostics)
            return (config,
                    parsePages(sources.pages, timeZone: config.timeZone, reparsed: &reparsed, heads: &heads, diagnostics: &diagnostics),
                    DataTable.parseAll(sources.dataFiles, translated: Array(config.languages.dropFirst()), diagnostics: &diagnostics),
                    PacketSource.parseAll(sources.dataFiles, diagnostics: &diagnostics),
                    loadTheme(sources.templates, diagnostics: &diagnostics),
                    InterfaceStrings.load(config: config, files: sources.interfaceStrings, templates: sources.templates,
                                          diagnostics: &diagnostics),
                    Glossary.parseAll(sources.dataFiles, config: config, diagnostics: &diagnostics))
        }
        // Shapes matter only to a build that reuses work: a clean build does not hash the site.
        let sourceShape = cache == nil ? nil : SiteShape.sources(sources, heads: heads, options: options)
        let writer = OutputWriter(output: folders.output.root)
        // A clean build writes each Markdown page into the staging folder as soon as it is
        // made, so a large site is never all in memory at once; Output/ is still replaced only
        // when the whole build succeeded. Not while the folder around Output/ is still to be
        // made (a failed build makes none); a staging folder that cannot be made now is made,
        // or reported, when writing. Opened before assembling, so that the pages' folders are
        // made on the core that step leaves idle.
        let stages = write && cache == nil && !diagnostics.hasErrors
            && FileManager.default.fileExists(atPath: writer.output.deletingLastPathComponent().path)
        let staging = stages ? try? writer.openStaging() : nil
        var pageFolders: Background<Void>?
        var site = step("assemble") {
            if let sourceShape, let site = reusedSite(shape: sourceShape, pages: pages, reparsed: reparsed, diagnostics: &diagnostics) {
                return site
            }
            var problems = Diagnostics()
            let site = SiteAssembler.assemble(config: config, pages: pages, tables: tables, packets: packets, strings: strings,
                                              glossaries: glossaries, contentFiles: sources.contentFiles, assets: sources.assets,
                                              folders: folders, includeDrafts: options.includeDrafts, diagnostics: &problems) { routes in
                if let path = staging?.path { pageFolders = Background { OutputWriter.makeFolders(for: routes, in: path) } }
            }
            if let sourceShape { cache?.site = (sourceShape, site, problems) }
            diagnostics.append(problems)
            return site
        }
        site.today = options.today
        site.now = options.now
        let engine = write ? pdfEngine(for: site, diagnostics: &diagnostics) : nil
        let renderer = SiteRenderer(site: site, theme: theme, makesPDFs: engine != nil)
        var madePages = 0, reusedPages = 0
        var rendered = step("render") { () -> RenderedSite in
            let shape = sourceShape.map { SiteShape.key(sources: $0, makesPDFs: engine != nil, site: site) }
            // The last build's output is handed over, not shared, so that rendering changes it
            // in place; this one's is kept for the next.
            let rendered = renderer.render(folders: folders, reusing: shape.map { reusable(shape: $0, site: site, reparsed: reparsed) } ?? Reuse(),
                                           writingInto: staging, diagnostics: &diagnostics)
            (madePages, reusedPages) = (site.pages.count - rendered.reusedPages, rendered.reusedPages)
            if let shape { remember(rendered, shape: shape) }
            return rendered
        }
        _ = pageFolders?.value  // made before the staging folder is published or thrown away
        step("check") {
            CheckRules.run(site, rendered, into: &diagnostics)
            // Printing nothing, this build says what the last one printed over a handout's budget.
            if engine == nil, site.editions.contains(where: \.hasPrintMaterials) {
                PageBudget.lastBuild(printJobs(site), html: { rendered.pages[$0] }, cache: cacheFolder.appendingPathComponent("pdf"),
                                     diagnostics: &diagnostics)
            }
            if site.editions.count > 1 {
                TranslationStatus.check(site, rendered, commitTimes: io.commitTimes(folders.content.root), diagnostics: &diagnostics)
            }
            diagnostics = config.rules.apply(to: diagnostics)
        }
        if let failure = rendered.writeFailure {
            diagnostics.error("could not write the site: \(failure.localizedDescription)", at: SourceLocation(path: folders.output.display("")))
        }
        var result = Result(diagnostics: diagnostics, steps: steps, site: rendered, madePages: madePages, reusedPages: reusedPages,
                            model: site)
        guard write, !diagnostics.hasErrors else {
            if let staging { writer.discard(staging) }
            return result
        }

        // A rebuild in a process that wrote Output/ updates it in place: only changed files.
        // Not with PDFs, whose failure must leave Output/ as it was.
        if let cache, let written = cache.written, engine == nil, writer.isOurs {
            do {
                cache.written = try step("write") { try writer.update(rendered, from: written, stamp: io.stamp) }
            } catch {
                cache.written = nil
                result.diagnostics.error("could not write the site: \(error.localizedDescription)",
                                         at: SourceLocation(path: folders.output.display("")))
                return result
            }
            result.steps = steps
            return counted(result, rendered)
        }
        // Stamped before copying: an edit made while the site is written shows next time.
        let copiedAt = Date().timeIntervalSince1970
        let stamps = cache == nil ? [:] : rendered.copies.mapValues { io.stamp($0) }
        do {
            let staging = try step("write") { () throws -> URL in
                let staging = try staging ?? writer.openStaging()
                try writer.stage(rendered, in: staging)
                return staging
            }
            let pageCounts = step("print") { () -> [Route: Int] in
                guard let engine else { return [:] }
                let printer = PDFPrinter(engine: engine, cache: cacheFolder.appendingPathComponent("pdf"),
                                         folders: [folders.content.root, folders.site.root].map { URL(fileURLWithPath: $0) } + [cacheFolder])
                // The printer's findings are tuned by the site's `checks:` like the others'.
                var printed = Diagnostics()
                let counts = printer.print(printJobs(site), in: staging, diagnostics: &printed)
                diagnostics.append(config.rules.apply(to: printed))
                for edition in site.editions where edition.hasPrintMaterials {
                    let page = renderer.printMaterials(edition, pageCounts: counts)
                    rendered.pages[edition.printMaterials] = page
                    try? Data(page).write(to: staging.appendingPathComponent(edition.printMaterials.path))
                }
                return counts
            }
            result.diagnostics = diagnostics
            guard !diagnostics.hasErrors else {
                writer.discard(staging)
                result.steps = steps
                return result
            }
            try step("publish") { try writer.publish(staging) }
            result.pdfCount = pageCounts.count
            cache?.written = writer.record(rendered, pdfs: Set(pageCounts.keys), stamps: stamps, at: copiedAt)
        } catch {
            // What Output/ holds is no longer known: the next build writes it whole.
            cache?.written = nil
            result.diagnostics.error("could not write the site: \(error.localizedDescription)",
                                     at: SourceLocation(path: folders.output.display("")))
        }
        result.steps = steps
        return counted(result, rendered)
    }

    private func counted(_ result: Result, _ rendered: RenderedSite) -> Result {
        var result = result
        result.site = rendered
        result.pageCount = (rendered.pages.keys + rendered.written).count { $0.path.hasSuffix(".html") }
        result.fileCount = rendered.written.count + rendered.pages.count + rendered.copies.count + result.pdfCount
        return result
    }

    /// The last build's site, when what it was assembled from has the same shape: with the
    /// pages whose words changed put in, and its messages said again.
    private func reusedSite(shape: Int, pages: [PageSource], reparsed: Set<String>, diagnostics: inout Diagnostics) -> Site? {
        guard let cache, var kept = cache.site, kept.shape == shape else { return nil }
        cache.site = nil  // held here alone while its lists are changed in place
        // The pages read again are the ones whose words may have changed.
        var changed: [String: PageSource] = [:]
        for index in pages.indices where reparsed.contains(pages[index].file.relativePath) {
            changed[pages[index].file.relativePath] = pages[index]
        }
        kept.site.replaceSources(changed)
        diagnostics.append(kept.problems)
        cache.site = kept
        return kept.site
    }

    /// What this build may take from the last: its output whole, when the site's shape is
    /// unchanged, with the pages whose words changed (`reparsed`) to make again. Taken out
    /// of the cache, so that it is changed in place, not copied first.
    private func reusable(shape: Int, site: Site, reparsed: Set<String>) -> Reuse {
        guard let cache else { return Reuse() }
        var reuse = Reuse(keeps: true)
        guard let last = cache.last, last.shape == shape else { return reuse }
        cache.last = nil
        reuse.last = last.site
        reuse.remake = site.pages.indices.filter { reparsed.contains(site.pages[$0].source.file.relativePath) }
        return reuse
    }

    /// Kept whole for the next build, which changes it where a save changed something.
    private func remember(_ rendered: RenderedSite, shape: Int) {
        cache?.last = (shape, rendered)
    }

    /// Every page's front matter at once, across the cores; problems reported in page order.
    /// A page whose text is the same as last build's is not parsed again. In a rebuild,
    /// `reparsed` gets the relative paths of those that were, and `heads` each page's hash of
    /// its front matter for `SiteShape`.
    private func parsePages(_ files: [SourceFile], timeZone: String, reparsed: inout Set<String>, heads: inout [Int],
                            diagnostics: inout Diagnostics) -> [PageSource] {
        let shaped = cache != nil
        // The last build's entries, let go once read, so that they are then changed in place.
        let parsed = { [known = cache?.parsed ?? [:]] in
            files.concurrentMap { file -> (BuildCache.Parsed, again: Bool) in
                if let kept = known[file.relativePath], kept.text.hasSameBytes(as: file.text), kept.timeZone == timeZone { return (kept, false) }
                var problems = Diagnostics()
                let page = PageSource.parse(file, timeZone: timeZone, diagnostics: &problems)
                return (BuildCache.Parsed(text: file.text, timeZone: timeZone, page: page, problems: problems,
                                          head: shaped ? SiteShape.head(of: page) : 0), true)
            }
        }()
        if let cache {
            // What a rebuild compares with the last build's; a clean build has none to compare.
            reparsed = Set(parsed.filter(\.again).map(\.0.page.file.relativePath))
            heads = parsed.map(\.0.head)
            // Kept in place: a save changes one entry of thousands.
            for (page, again) in parsed where again { cache.parsed[page.page.file.relativePath] = page }
            if cache.parsed.count != files.count {
                let current = Set(files.map(\.relativePath))
                cache.parsed = cache.parsed.filter { current.contains($0.key) }  // files gone
            }
        }
        return parsed.map { parsed, _ in
            diagnostics.append(parsed.problems)
            return parsed.page
        }
    }

    /// The theme, made again only when a template of the site's changed.
    private func loadTheme(_ overrides: [String: SourceFile], diagnostics: inout Diagnostics) -> Theme {
        let texts = overrides.mapValues(\.text)
        if let kept = cache?.theme, kept.texts.keys == texts.keys,
           texts.allSatisfy({ name, text in kept.texts[name]?.hasSameBytes(as: text) == true }) {
            diagnostics.append(kept.problems)
            return kept.theme
        }
        var problems = Diagnostics()
        let theme = Theme.load(overrides: overrides, diagnostics: &problems)
        diagnostics.append(problems)
        cache?.theme = (texts, theme, problems)
        return theme
    }

    /// `<root>/.broadside-cache`: kept between builds, outside Output/.
    var cacheFolder: URL {
        URL(fileURLWithPath: options.root).appendingPathComponent(".broadside-cache")
    }

    /// The PDF engine when this build makes PDFs; says once why it does not when it cannot.
    private func pdfEngine(for site: Site, diagnostics: inout Diagnostics) -> PDFEngine? {
        guard options.pdf != .off, site.editions.contains(where: \.hasPrintMaterials) else { return nil }
        if let engine = PDFEngine.find(cache: cacheFolder) { return engine }
        let message = "PDF handouts need WeasyPrint \(PDFEngine.version), which is not installed: run `make site`, or `pip install weasyprint==\(PDFEngine.version)`"
        if options.pdf == .require {
            diagnostics.error(message + " (--pdf require)", at: nil)
        } else {
            diagnostics.warning(message + "; the printable HTML handouts were written", at: nil)
        }
        return nil
    }

    private func printJobs(_ site: Site) -> [PDFPrinter.Job] {
        // The pages each document prints, where the engine's findings are looked up.
        func files(_ pages: [ContentPage?]) -> [SourceFile] { pages.compactMap { $0?.source.file } }
        return site.handouts.map {
            PDFPrinter.Job(html: $0.route, pdf: $0.pdf, budget: $0.page.frontMatter.pageBudget,
                           budgetLocation: $0.page.frontMatter.pageBudgetLocation, source: $0.page.source.file.displayPath,
                           pages: files([$0.page, $0.partner]))
        } + site.packets.map {
            PDFPrinter.Job(html: $0.route, pdf: $0.pdf, budget: nil, budgetLocation: nil, source: $0.about.displayPath,
                           pages: files($0.pages.flatMap { [$0.page, $0.partner] }))
        } + site.editions.flatMap(\.events).map {
            // A flyer is one sheet: a longer one says so at the event.
            PDFPrinter.Job(html: $0.flyer, pdf: $0.flyerPDF, budget: 1,
                           budgetLocation: $0.page.frontMatter.eventLocation ?? SourceLocation(path: $0.page.source.file.displayPath),
                           source: $0.page.source.file.displayPath, pages: files([$0.page]),
                           what: "flyer", advice: "a flyer has: shorten its summary or the event's details")
        }
    }
}
