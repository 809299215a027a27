import Foundation
import BroadsideMarkdown

/// Every file the site writes: rendered pages, scripts and stylesheets as UTF-8 bytes, and
/// files copied as they are.
public struct RenderedSite: Sendable {
    /// Every link to another site, as written and where, for `broadside check --external`.
    public var externalLinks: [(url: String, location: SourceLocation)] {
        outputs.values.map(\.body).flatMap { body in
            // An address in quotes is read without them, as the page links it.
            body.rendered.links.map { link in PageBody.unquoted(link.destination.url).map { var link = link; link.destination.url = $0; return link } ?? link }
                .filter { $0.destination.url.hasPrefix("http://") || $0.destination.url.hasPrefix("https://") }
                .map { ($0.destination.url, SourceLocation(path: body.source, line: $0.destination.line + body.lineOffset, column: $0.destination.column)) }
        }.sorted { $0.location < $1.location }
    }

    public var pages: [Route: [UInt8]] = [:]
    /// Files written into the staging folder as soon as they were made (a clean build's
    /// Markdown pages and search index), and so not held in `pages`: a large site is never
    /// all in memory.
    public var written: [Route] = []
    /// Why writing one of them failed, if it did.
    var writeFailure: (any Error)?
    /// Output route → source path to copy from.
    public var copies: [Route: String] = [:]
    /// What each Markdown page turned into, by its route: kept for the next build's reuse.
    var outputs: [Route: PageOutput] = [:]
    /// The files made from the site's shape alone (lists, topics, feeds, flyers…), by route.
    var generated: [Route: [UInt8]] = [:]
    /// Each language's search index, in parts, by route.
    var search: [Route: [UInt8]] = [:]
    /// How many pages were taken from the last build instead of made again.
    var reusedPages = 0
    /// Kept for the next build when one reuses this one's work (`Reuse.keeps`), by each
    /// Markdown page's place in `Site.pages`: its search entry's place in its language's
    /// `entries` (in the site's order), and what rendering and checking it found.
    var entries: [String: [[UInt8]]] = [:]
    var entryPlaces: [Int] = []
    var problems: [Diagnostics] = []
}

/// What one Markdown page turned into. A page's output depends only on its own file and the
/// site's shape (see `SiteShape`), so a rebuild that changed neither reuses it whole. Shared,
/// never changed: handing it on costs nothing however much it holds.
final class PageOutput: Sendable {
    /// What later steps read of its body (`PageBody.forLaterSteps()` or `written()`).
    let body: PageBody
    /// Its page; empty when the page was written as soon as it was made.
    let html: [UInt8]

    init(body: PageBody, html: [UInt8]) {
        self.body = body
        self.html = html
    }
}
