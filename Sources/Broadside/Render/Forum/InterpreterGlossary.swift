import BroadsideMarkdown
import Foundation

/// The glossary terms a forum's pages use, in every language of the site side by side: what an
/// interpreter reads before the forum. The pages are the event page, the pages it links to
/// and those under `forum: {pages: …}`, each read in every language it is translated into.
/// A term of another language's glossary sits beside the default language's term it
/// `translates:`, or the one spelled the same (`notario`).
struct InterpreterGlossary {
    let site: Site
    let kit: ForumKit
    let markdown: Markdown

    /// The kit's language first, then the site's others.
    var languages: [String] {
        [kit.page.language] + site.editions.map(\.language.code).filter { $0 != kit.page.language }
    }

    /// The forum's pages in the kit's language: the event page, then those it links to and those listed.
    var pages: [ContentPage] { forumPages(in: kit.page.language) }

    /// One row per term, a cell per language (in `languages` order), sorted by the kit language's term.
    func rows() -> [[(language: String, term: GlossaryTerm?)]] {
        let defaultCode = site.config.language
        let glossary = site.edition(defaultCode).glossary.terms
        // Terms found on each language's pages, by language.
        var used: [String: [GlossaryTerm]] = [:]
        for code in languages { used[code] = terms(on: forumPages(in: code), language: code) }
        // Each row keyed by the default language's term; a term with no partner there keys its own.
        var rows: [String: [String: GlossaryTerm]] = [:]
        func partner(of term: GlossaryTerm) -> String {
            term.translates ?? glossary.first { Self.same($0.term, term.term) }?.term ?? term.term
        }
        for code in languages {
            for term in used[code] ?? [] {
                rows[code == defaultCode ? term.term : partner(of: term), default: [:]][code] = term
            }
        }
        // A used term's partner is printed even where that language's pages do not use it.
        for (key, row) in rows {
            for code in languages where row[code] == nil {
                let terms = site.edition(code).glossary.terms
                rows[key]?[code] = code == defaultCode ? terms.first { $0.term == key }
                    : terms.first { $0.translates == key } ?? terms.first { Self.same($0.term, key) }
            }
        }
        let first = kit.page.language
        return rows.values
            .map { row in languages.map { ($0, row[$0]) } }
            .sorted { a, b in
                let (x, y) = (a[0].term?.term ?? a.compactMap(\.term).first?.term ?? "", b[0].term?.term ?? b.compactMap(\.term).first?.term ?? "")
                return x.compare(y, options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: first)) == .orderedAscending
            }
    }

    /// The event page in `code` (or as written), the pages it links to, and the pages listed.
    private func forumPages(in code: String) -> [ContentPage] {
        let event = site.translations(of: kit.page)[code] ?? kit.page
        var found = [event]
        let body = self.body(event)
        for link in body.rendered.links where !link.destination.isImage {
            guard case .page(let route, _) = site.routes.resolve(link.destination.url, from: event.source.file.relativePath),
                  let page = site.pages.first(where: { $0.route == route }) else { continue }
            found.append(page)
        }
        found += kit.pages.map { site.translations(of: $0)[code] ?? $0 }
        var seen = Set<Route>()
        return found.filter { seen.insert($0.route).inserted }
    }

    /// The glossary terms of `code` the pages use, as the glossary has them (a page's copy
    /// carries no `translates:`).
    private func terms(on pages: [ContentPage], language code: String) -> [GlossaryTerm] {
        let glossary = site.edition(code).glossary.terms
        var terms: [GlossaryTerm] = []
        for page in pages where page.language == code {
            for used in body(page).terms where !terms.contains(where: { $0.term == used.term }) {
                if let term = glossary.first(where: { $0.term == used.term }) { terms.append(term) }
            }
        }
        return terms
    }

    private func body(_ page: ContentPage) -> PageBody {
        var ignored = Diagnostics()  // the web render already reported this page's problems
        return PageBody(page, model: PageContext.Model(site: site, edition: site.edition(page.language)), markdown: markdown,
                        medium: .web, diagnostics: &ignored)
    }

    private static func same(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame
    }
}
