import Foundation
import BroadsideMarkdown

/// Renders the site model with the theme: each page (Markdown, its template inside `base`, its
/// search entry and checks) across the cores, then the pages made from the site's shape, handouts and packets.
public struct SiteRenderer: Sendable {
    let site: Site
    let theme: Theme
    /// Whether this build makes PDFs: pages then link their handout's PDF, else its print page.
    let makesPDFs: Bool
    let markdown: Markdown
    /// Handouts and event files by the route of their web page: looked up once per page.
    let handouts: [Route: Handout]
    let events: [Route: EventFiles]
    let sharedChrome = SharedChrome()
    /// Each edition's `PageContext.Model`, in the order of `site.editions`.
    let contexts: [PageContext.Model]

    public init(site: Site, theme: Theme, makesPDFs: Bool) {
        self.site = site
        self.theme = theme
        self.makesPDFs = makesPDFs
        contexts = site.editions.map { PageContext.Model(site: site, edition: $0) }
        markdown = Markdown(options: MarkdownOptions(allowRawHTML: site.config.rawHTML, reservedIDs: PageBody.reservedIDs))
        handouts = Dictionary(site.handouts.map { ($0.page.route, $0) }, uniquingKeysWith: { first, _ in first })
        events = Dictionary(site.editions.flatMap(\.events).map { ($0.page.route, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// With a `sink`, each Markdown page and the search index are written there as soon as they
    /// are made, and not kept.
    func render(folders: SiteFolders, reusing reuse: consuming Reuse = Reuse(), into sink: (any OutputSink)? = nil,
                diagnostics: inout Diagnostics) -> RenderedSite {
        // Each page on its own, across the cores: Markdown, template, search entry and checks.
        // Its problems are kept by its place and reported in page order, so a build says the
        // same whatever the number of cores, and a reused page says what it said before.
        let checks = PageChecks(site: site)
        typealias Made = (output: PageOutput, searchEntry: [UInt8], problems: Diagnostics, failure: (any Error)?)
        @Sendable func make(_ page: ContentPage) -> Made {
            var problems = Diagnostics()
            if let layout = page.frontMatter.layout, !theme.has(layout) {
                problems.error("there is no template '\(layout)': add Site/templates/\(layout).mustache or remove `layout:`",
                               at: page.frontMatter.layoutLocation ?? SourceLocation(path: page.source.file.displayPath))
            }
            // The site and edition read where the page's model holds them (see `PageBody`).
            let model = contexts[site.editionIndex(page.language)]
            let body = PageBody(page, model: model, markdown: markdown, diagnostics: &problems)
            checks.run(page, body: body, diagnostics: &problems)
            let entry = SearchIndex.entry(page, body: body, in: model)
            let html = render(page, body: body)
            guard let sink else {
                return (PageOutput(body: body.forLaterSteps(), html: html), entry, problems, nil)
            }
            let failure: (any Error)?
            do {
                try sink.write(html, at: page.route)
                failure = nil
            } catch {
                failure = error
            }
            return (PageOutput(body: body.written(), html: []), entry, problems, failure)
        }
        // The last build's output, changed in place where pages are made again; or every page
        // made, with the pages made from the site's shape alone. Those are handed out first:
        // a topic's page lists thousands of pages, and made after the rest it would keep one
        // core busy while the other waits.
        let reusing = reuse.last != nil
        var output = reuse.last.take() ?? RenderedSite()  // taken, not copied: changed in place
        let pages = reusing ? reuse.remake : Array(site.pages.indices)
        let others = reusing ? [] : OutputFormats.all.filter { !$0.printsPageWords }.flatMap { $0.files(self) }
        enum Job: Sendable {
            case page(Made)
            case other((Route, [UInt8]))
            /// Moved out of the list of results.
            case taken
        }
        var done = Array(0..<(others.count + pages.count)).concurrentMap { index -> Job in
            index < others.count ? .other(others[index]()) : .page(make(site.pages[pages[index - others.count]]))
        }
        var madeOthers: [Route: [UInt8]] = [:]
        // Each language's search entries in its pages' order, which is the site's, and the
        // places of those made again.
        var entries = output.entries
        output.entries = [:]
        var madeEntries: [String: [Int]] = [:]
        if !reusing {
            output.entryPlaces.reserveCapacity(site.pages.count)
            output.problems.reserveCapacity(site.pages.count)
            output.outputs.reserveCapacity(site.pages.count)
            output.pages.reserveCapacity((sink == nil ? site.pages.count : 0) + 64)
        }
        // Each result moved out of its place, not copied: a copy counted every reference in it
        // again, on one core, after the others.
        for slot in done.indices {
            var job = Job.taken
            swap(&job, &done[slot])
            switch job {
            case .taken:
                break
            case .other((let route, let html)):
                madeOthers[route] = html
            case .page(let result):
                let index = pages[slot - others.count]
                let page = site.pages[index]
                output.outputs[page.route] = result.output
                if reusing {
                    entries[page.language]![output.entryPlaces[index]] = result.searchEntry
                    output.problems[index] = result.problems
                } else {
                    output.entryPlaces.append(entries[page.language]?.count ?? 0)
                    entries[page.language, default: []].append(result.searchEntry)
                    output.problems.append(result.problems)
                }
                madeEntries[page.language, default: []].append(output.entryPlaces[index])
                if sink == nil {
                    output.pages[page.route] = result.output.html
                } else {
                    output.written.append(page.route)
                    output.writeFailure = output.writeFailure ?? result.failure
                }
            }
        }
        output.reusedPages = site.pages.count - pages.count
        for problems in output.problems { diagnostics.append(problems) }
        if !reuse.keeps { (output.entryPlaces, output.problems) = ([], []) }  // kept only for a later build

        if !reusing { output.generated = madeOthers }
        output.pages.merge(output.generated) { page, _ in page }
        for edition in site.editions {
            let code = edition.language.code
            let joined = reuse.keeps ? entries[code] ?? [] : entries.removeValue(forKey: code) ?? []
            if let sink {
                // Each part written as soon as it is joined: a large site's index is tens of
                // megabytes, all of it in memory at once only to be copied into files.
                for (route, failure) in SearchIndex.files(joining: joined, at: edition.searchIndex, { route, _, join -> (Route, (any Error)?) in
                    do {
                        try sink.write(join(), at: route)
                        return (route, nil)
                    } catch {
                        return (route, error)
                    }
                }) {
                    output.written.append(route)
                    output.writeFailure = output.writeFailure ?? failure
                }
                continue
            }
            let made = madeEntries[code] ?? []
            let kept = output.search
            for (route, script) in SearchIndex.files(joining: joined, at: edition.searchIndex, kept: { route, range in
                made.contains(where: range.contains) ? nil : kept[route]
            }) {
                output.search[route] = script
                output.pages[route] = script
            }
        }
        if reuse.keeps { output.entries = entries }
        // Handouts and packets print pages' words: they are made again on every build.
        for format in OutputFormats.all where format.printsPageWords {
            for (route, bytes) in format.files(self).concurrentMap({ $0() }) { output.pages[route] = bytes }
        }
        if let base = site.config.baseURL {
            let sitemap = Sitemap(site: site, base: base, routes: Array(output.pages.keys) + output.written)
            output.pages[Sitemap.route] = Array(sitemap.render().utf8)
        }
        for file in site.contentFiles { output.copies[Route(file)] = folders.content.path(file) }
        for asset in site.assets { output.copies[Route("assets/" + asset)] = folders.site.path("assets/" + asset) }
        return output
    }
}
