import Foundation

/// A handout's `pages:` as a rule (`print/page-budget`): `build` finds the count when it
/// prints; `check`, which prints nothing, reads the count the last build recorded for the same
/// print HTML, so that a handout of 19 pages for a budget of 2 is in its report too.
enum PageBudget {
    /// What `job` printing on `pages` pages says, if that is over its budget.
    static func finding(_ job: PDFPrinter.Job, pages: Int, lastBuild: Bool = false) -> Diagnostic? {
        guard let budget = job.budget, pages > budget else { return nil }
        let when = lastBuild ? " (as the last build printed it)" : ""
        return .finding(.pageBudget, "this \(job.what) prints on \(pages) pages\(when), more than the \(budget) \(job.advice)", at: job.budgetLocation)
    }

    /// `<cache>/page-counts`: a line for each PDF with a budget, its print HTML's route, a
    /// hash of that HTML, and its pages.
    static func record(_ counts: [(html: Route, hash: String, pages: Int)], in cache: URL) {
        let lines = counts.map { "\($0.html.path)\t\($0.hash)\t\($0.pages)\n" }.joined()
        try? Data(lines.utf8).write(to: cache.appendingPathComponent("page-counts"), options: .atomic)
    }

    /// The findings of the last build's counts for `jobs` whose print HTML (`html`) is still
    /// what was printed; a changed handout is printed again by the next build, and says then.
    static func lastBuild(_ jobs: [PDFPrinter.Job], html: (Route) -> [UInt8]?, cache: URL, diagnostics: inout Diagnostics) {
        guard jobs.contains(where: { $0.budget != nil }),
              let text = try? String(contentsOf: cache.appendingPathComponent("page-counts"), encoding: .utf8) else { return }
        var recorded: [String: (hash: String, pages: Int)] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count == 3, let pages = Int(fields[2]) else { continue }
            recorded[String(fields[0])] = (String(fields[1]), pages)
        }
        for job in jobs where job.budget != nil {
            guard let last = recorded[job.html.path], let bytes = html(job.html), hash(bytes) == last.hash,
                  let finding = finding(job, pages: last.pages, lastBuild: true) else { continue }
            diagnostics.report(finding)
        }
    }

    static func hash(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = FNV1a()
        hasher.add(bytes)
        return hasher.hex
    }
}
