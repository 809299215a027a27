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
        /// The pages it prints, in order: where a table's `data-source` (a path under Content/)
        /// or a character without a font is written.
        var pages: [SourceFile] = []
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
        let results = render(jobs, in: staging)
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
                for overflow in rendering.overflows { diagnostics.report(Self.finding(overflow, in: job)) }
                if !rendering.missing.isEmpty { diagnostics.report(Self.finding(rendering.missing, in: job)) }
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

    /// `print/table-overflow`: what is cut off a table too wide for its page.
    static func finding(_ overflow: PDFEngine.Overflow, in job: Job) -> Diagnostic {
        let past = overflow.cut == 1 ? "1 of its \(overflow.columns) columns runs" : "\(overflow.cut) of its \(overflow.columns) columns run"
        let off = overflow.off == 0 ? "" : overflow.off == 1 ? ", 1 of them off the paper" : ", \(overflow.off) of them off the paper"
        // `laws/x.md:12`, split at the last colon: a path may hold one.
        let written = overflow.source.flatMap { source in
            source.lastIndex(of: ":").flatMap { colon in
                Int(source[source.index(after: colon)...]).flatMap { line in
                    job.pages.first { $0.relativePath == source[..<colon] }.map { SourceLocation(path: $0.displayPath, line: line) }
                }
            }
        }
        return .finding(.tableOverflow, "the table '\(overflow.name)' is wider than the printed page of \(job.pdf.path): \(past) past the right margin\(off)",
                        at: written ?? SourceLocation(path: job.source))
    }

    /// `print/missing-font`: characters that print as empty boxes, because no installed font has them.
    static func finding(_ missing: [PDFEngine.MissingCharacter], in job: Job) -> Diagnostic {
        let shown = missing.prefix(8).map { "'\($0.character)' (U+\(String(format: "%04X", $0.character.unicodeScalars.first?.value ?? 0)), in “\($0.words)”)" }
        let more = missing.count > 8 ? " and \(missing.count - 8) more" : ""
        return .finding(.missingFont, "\(job.pdf.path) prints \(shown.joined(separator: ", "))\(more) as empty boxes: no installed font has "
                        + "\(missing.count == 1 ? "it" : "them"): install a font that does (`make site` installs the Noto fonts; on Debian, fonts-noto-core and fonts-noto-cjk)",
                        at: firstUse(of: Set(missing.map(\.character)), in: job.pages) ?? SourceLocation(path: job.source))
    }

    /// Where the first of `characters` is written in the first of `pages` that has one; nil
    /// when they come from elsewhere (the site's name, interface words).
    static func firstUse(of characters: Set<String>, in pages: [SourceFile]) -> SourceLocation? {
        for page in pages {
            var (line, column) = (1, 1)
            for character in page.text {
                if characters.contains(String(character)) { return SourceLocation(path: page.displayPath, line: line, column: column) }
                if character == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
            }
        }
        return nil
    }

    /// Each job's rendering: from the cache when nothing that goes into its PDF changed, from
    /// the engine's workers otherwise, which then fill the cache.
    private func render(_ jobs: [Job], in staging: URL) -> [Result<PDFEngine.Rendering, PDFFailure>] {
        let keys = jobs.concurrentMap { fingerprint(of: staging.appendingPathComponent($0.html.path)) }
        var results = zip(jobs, keys).map { job, key -> Result<PDFEngine.Rendering, PDFFailure>? in
            // What was refused is kept with the count, so that a rebuild from the cache says it again.
            guard let data = try? Data(contentsOf: cache.appendingPathComponent("\(key).json")),
                  let rendering = try? JSONDecoder().decode(PDFEngine.Rendering.self, from: data),
                  (try? FileManager.default.copyItem(at: cache.appendingPathComponent("\(key).pdf"),
                                                     to: staging.appendingPathComponent(job.pdf.path))) != nil else { return nil }
            return .success(rendering)
        }
        // The longest documents first (a packet of 19 pages takes as long as ten handouts): so
        // no worker is left with one at the end while the others have finished.
        let missing = results.indices.filter { results[$0] == nil }.map { index in
            (index, (try? FileManager.default.attributesOfItem(atPath: staging.appendingPathComponent(jobs[index].html.path).path)[.size] as? Int) ?? 0)
        }.sorted { $0.1 > $1.1 }.map(\.0)
        let rendered = engine.render(missing.map {
            PDFEngine.Job(html: staging.appendingPathComponent(jobs[$0].html.path).path, pdf: staging.appendingPathComponent(jobs[$0].pdf.path).path,
                          staging: staging.path, folders: folders.map(\.path))
        })
        for (index, result) in zip(missing, rendered) {
            results[index] = result
            // A PDF with empty boxes is not kept: once the missing font is installed, the next
            // build makes it again, whatever else changed.
            guard case .success(let rendering) = result, rendering.missing.isEmpty,
                  let data = try? JSONEncoder().encode(rendering) else { continue }
            let cached = cache.appendingPathComponent("\(keys[index]).pdf")
            try? FileManager.default.removeItem(at: cached)
            try? FileManager.default.copyItem(at: staging.appendingPathComponent(jobs[index].pdf.path), to: cached)
            try? data.write(to: cache.appendingPathComponent("\(keys[index]).json"))
        }
        return results.map { $0! }
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
