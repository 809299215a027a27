import Foundation

/// Turns the print HTML of a staged build into PDFs beside it, several at once, reusing a PDF
/// from the cache when nothing that goes into it (HTML, stylesheets, images) has changed.
struct PDFPrinter {
    struct Job: Sendable {
        var html: Route
        var pdf: Route
        /// The page's `pages:` limit and where it is written.
        var budget: Int?
        var budgetLocation: SourceLocation?
        var source: String
        /// What the PDF is, and what to do when it runs over its budget.
        var what = "handout"
        var advice = "that `pages:` allows: shorten it or raise the limit"
    }

    let engine: PDFEngine
    /// `<root>/.broadside-cache/pdf`: outside Output/, so a rebuild keeps it.
    let cache: URL
    /// The folders besides the staging folder whose files a PDF may load (Content/, Site/,
    /// the cache): a page with raw HTML must not print any other file on the machine.
    let folders: [URL]

    /// Page counts by PDF route; problems go to `diagnostics`.
    func print(_ jobs: [Job], in staging: URL, diagnostics: inout Diagnostics) -> [Route: Int] {
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let results = jobs.concurrentMap { render($0, in: staging) }
        var pages: [Route: Int] = [:]
        var budgeted: [(html: Route, hash: String, pages: Int)] = []  // for `check`, which prints nothing
        defer { PageBudget.record(budgeted, in: cache) }
        for (job, result) in zip(jobs, results) {
            switch result {
            case .success(let rendering):
                let count = rendering.pages
                pages[job.pdf] = count
                for url in rendering.blocked {
                    diagnostics.report(.finding(.blockedFile, "\(job.pdf.path) may not load \(url), which is outside the site's folders: it was left out",
                                                at: SourceLocation(path: job.source)))
                }
                if let finding = PageBudget.finding(job, pages: count) { diagnostics.report(finding) }
                if job.budget != nil, let html = try? Data(contentsOf: staging.appendingPathComponent(job.html.path)) {
                    budgeted.append((job.html, PageBudget.hash(html), count))
                }
            case .failure(let failure):
                diagnostics.error("could not make \(job.pdf.path): \(failure.message)", at: SourceLocation(path: job.source))
            }
        }
        return pages
    }

    private func render(_ job: Job, in staging: URL) -> Result<PDFEngine.Rendering, PDFFailure> {
        let html = staging.appendingPathComponent(job.html.path)
        let pdf = staging.appendingPathComponent(job.pdf.path)
        let key = fingerprint(of: html)
        let cached = cache.appendingPathComponent("\(key).pdf")
        let cachedPages = cache.appendingPathComponent("\(key).pages")
        // What was refused is kept with the count, so that a rebuild from the cache says it again.
        if let text = try? String(contentsOf: cachedPages, encoding: .utf8), let rendering = PDFEngine.Rendering(lines: text.split(separator: "\n")),
           (try? FileManager.default.copyItem(at: cached, to: pdf)) != nil {
            return .success(rendering)
        }
        let result = engine.render(html, to: pdf, in: staging, allowing: folders)
        if case .success(let rendering) = result {
            try? FileManager.default.removeItem(at: cached)
            try? FileManager.default.copyItem(at: pdf, to: cached)
            try? Data(rendering.lines.utf8).write(to: cachedPages)
        }
        return result
    }

    /// A hash of the render script, the HTML and every local file it loads, one level deep
    /// (stylesheets, images). With the script: a PDF an older one made, perhaps with a file it
    /// would now refuse, is made again.
    private func fingerprint(of html: URL) -> String {
        var hasher = FNV1a()
        guard let data = try? Data(contentsOf: html) else { return UUID().uuidString }
        hasher.add(Data(PackageResources.render_pdf_py))
        hasher.add(data)
        let text = String(decoding: data, as: UTF8.self)
        for reference in Self.localReferences(in: text) {
            let file = html.deletingLastPathComponent().appendingPathComponent(reference).standardizedFileURL
            hasher.add(Data(reference.utf8))
            if let bytes = try? Data(contentsOf: file) { hasher.add(bytes) }
        }
        return hasher.hex
    }

    static func localReferences(in html: String) -> [String] {
        var references: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let tail = rest[start.upperBound...]
                guard let end = tail.firstIndex(of: "\"") else { break }
                let value = String(tail[..<end])
                if !value.isEmpty && !value.contains(":") && !value.hasPrefix("#") { references.append(value) }
                rest = tail[end...]
            }
        }
        return references
    }
}

/// Results written from concurrent jobs, each to its own slot.
/// 64-bit FNV-1a: enough to tell whether a cached PDF's inputs changed, with no dependency.
struct FNV1a {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: some Sequence<UInt8>) {
        for byte in data {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
    }

    var hex: String { String(state, radix: 16) }
}
