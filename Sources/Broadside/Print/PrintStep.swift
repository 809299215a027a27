import Foundation

/// Step 7: every handout, packet and flyer printed to PDF into the staging folder, and each
/// language's "Print materials" page made again with the PDFs' page counts.
struct PrintStep: BuildStep {
    static let name = "print"
    let site: Site
    let renderer: SiteRenderer
    /// Nil when this build makes no PDFs (`--no-pdf`, no WeasyPrint, nothing to print).
    let engine: PDFEngine?
    let staging: StagingFolder

    struct Printed {
        /// Each PDF's number of pages, by its route.
        var pageCounts: [Route: Int] = [:]
        /// The "Print materials" pages made again with those counts.
        var pages: [Route: [UInt8]] = [:]
    }

    func run(_ build: inout BuildRun) throws -> Printed {
        guard let engine else { return Printed() }
        let folders = build.folders
        let printer = PDFPrinter(engine: engine, cache: build.cacheFolder.appendingPathComponent("pdf"),
                                 folders: [folders.content.root, folders.site.root].map { URL(fileURLWithPath: $0) } + [build.cacheFolder])
        // The printer's findings are tuned by the site's `checks:` like the others'.
        var found = Diagnostics()
        var printed = Printed(pageCounts: printer.print(Self.jobs(site), in: staging.url, diagnostics: &found))
        build.diagnostics.append(site.config.rules.apply(to: found))
        for edition in site.editions where edition.hasPrintMaterials {
            let page = renderer.printMaterials(edition, pageCounts: printed.pageCounts)
            printed.pages[edition.printMaterials] = page
            try staging.write(page, at: edition.printMaterials)
        }
        return printed
    }

    /// The PDF engine when this build makes PDFs; says once why it does not when it cannot.
    static func engine(for site: Site, _ build: inout BuildRun) -> PDFEngine? {
        guard build.options.pdf != .off, site.editions.contains(where: \.hasPrintMaterials) else { return nil }
        if let engine = PDFEngine.find(cache: build.cacheFolder) { return engine }
        let message = "PDF handouts need WeasyPrint \(PDFEngine.version), which is not installed: run `make site`, or `pip install weasyprint==\(PDFEngine.version)`"
        if build.options.pdf == .require {
            build.diagnostics.error(message + " (--pdf require)", at: nil)
        } else {
            build.diagnostics.warning(message + "; the printable HTML handouts were written", at: nil)
        }
        return nil
    }

    /// Every document the site prints, with the pages it holds, where the engine's findings are looked up.
    static func jobs(_ site: Site) -> [PDFPrinter.Job] {
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
        } + site.editions.flatMap(\.documents).map(\.job)
    }
}
