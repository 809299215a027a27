import BroadsideMarkdown

/// A page's Markdown rendered to HTML, its links made relative to where the page lands.
struct PageBody: Sendable {
    /// As UTF-8, never made a string: see `TemplateValue.html`.
    var html: [UInt8]
    var headings: [Heading]
    /// `#fragment` links into other pages, checked once every page's headings are known.
    var fragmentLinks: [(target: Route, fragment: String, location: SourceLocation)]
    /// Links and images that lead to no page or file of the site, for `BrokenLinkRule`.
    var missingLinks: [MissingLink] = []
    /// The page shows a quick check, which needs the theme's script.
    var needsScript = false
    /// A table too wide for the text column: the page gives up its sidebar for it.
    var hasWideTable = false

    /// Where the HTML goes: on the page itself, or into a printed handout or packet at `route`,
    /// whose links use the site's public address (a reader types it from paper) and are
    /// numbered as notes.
    enum Medium {
        case web
        /// Printed at `route`; `idPrefix` keeps ids unique when several pages share a packet.
        case print(Route, idPrefix: String)
    }

    /// Ids the built-in templates use; a heading never takes one.
    static let reservedIDs: Set<String> = ["main", "toc", "site-nav", "top", "laws-cited", "words-to-know", "event-title",
                                           "upcoming-title", "past-title", "latest-title", "sections-title", "search-input",
                                           "site-search-q", "footer-title", "contents-title"]

    /// The address inside quotes an author put around it, `'https://example.org'` or
    /// `"…"`; nil when it has none.
    static func unquoted(_ url: String) -> String? {
        guard let first = url.utf8.first, first == UInt8(ascii: "'") || first == UInt8(ascii: "\""),
              url.utf8.count > 2, url.utf8.last == first else { return nil }
        let inner = url.dropFirst().dropLast()
        return inner.contains(Character(UnicodeScalar(first))) ? nil : String(inner)
    }

    struct MissingLink: Sendable {
        var location: SourceLocation
        /// What leads nowhere, as the message begins: "broken link", "table 'src'".
        var what: String
        /// Why, as `Routes.resolve` says it.
        var reason: String
        /// It leads to a draft, which the site leaves out.
        var isDraft = false
    }

    /// The notes of a printed page: the address behind each link number.
    var linkNotes: [String] = []
    /// The laws the page cites, in order of first mention, for its Sources list.
    var citations: [Citation] = []
    /// Glossary terms the page uses, with the definitions listed under "Words to know".
    var terms: [GlossaryTerm] = []
    /// Before every id this body and its extras use ("" on the web).
    var idPrefix = ""
    /// What the checks read: links with their words, paragraphs, raw HTML.
    var rendered: RenderedMarkdown
    /// The HTML cut at top-level headings, when the Markdown options ask for it.
    var sections: [String] { rendered.sections }
    /// The page's file as messages show it, and the lines above its body.
    var source: String
    var lineOffset: Int

    /// `model` is the page's language's: the site and its edition are read where it holds
    /// them. Passed as values, the closures below each kept a copy of the site, counting
    /// dozens of references that both cores share.
    init(_ page: ContentPage, model: PageContext.Model, markdown: Markdown, medium: Medium = .web, diagnostics: inout Diagnostics) {
        let source = page.source
        let here: Route
        var printing = false
        var markdown = markdown
        switch medium {
        case .web: here = page.route
        case .print(let route, let idPrefix):
            here = route
            printing = true
            markdown.options.idPrefix = idPrefix
        }
        markdown.options.labels = MarkdownLabels(model.edition.strings)
        let idPrefix = markdown.options.idPrefix
        let besideTranslation = markdown.options.splitSections  // a bilingual handout's half page
        // What the page's fenced blocks see of it, and tell it back.
        var blocks = BlockPage(page: page, model: model, here: here, paper: printing ? model.site.config.paper : nil,
                               besideTranslation: besideTranslation, ids: HeadingIDs(reserved: Self.reservedIDs))
        /// The address of another page or file as this medium shows it.
        func address(_ target: Route) -> String { blocks.address(target) }
        var problems = Diagnostics()
        var fragments: [(Route, String, SourceLocation)] = []
        var citations: [Citation] = []
        var usedTerms = Set<Int>()
        let rendered = markdown.render(source.body, numberLinks: printing, rewriteLink: { link in
            let location = SourceLocation(path: source.file.displayPath, line: link.line + source.bodyLineOffset, column: link.column)
            // `[x]('https://…')`: cmark keeps the quotes in the address, which then leads
            // nowhere (and looks like a page of this site, so `check --external` misses it).
            let written = link.url
            var link = link
            if let unquoted = Self.unquoted(written) {
                let what = link.isImage ? "image" : "link"
                problems.report(.finding(.quotedLink, "the quotes around this \(what)'s address become part of it, and it leads nowhere: remove the quotes: (\(unquoted))",
                                         at: location))
                link.url = unquoted
            }
            switch model.site.routes.resolve(link.url, from: source.file.relativePath) {
            case .external:
                guard let problem = AuthorURL.problem(link.url, image: link.isImage) else {
                    return link.url == written ? nil : RewrittenLink(link.url)
                }
                problems.report(.safety(.unsafeURL, "\(link.isImage ? "image" : "link") '\(link.url)': \(problem)", at: location))
                return RewrittenLink("")
            case .file(let target):
                return RewrittenLink(address(target))
            case .page(let target, let fragment):
                // A reader should know before following it that a link leads to another language.
                let note = model.site.pageLanguages[target].flatMap { $0 == page.language || link.isImage ? nil : model.edition.strings.languageNote($0) }
                guard let fragment, !fragment.isEmpty else { return RewrittenLink(address(target), after: note) }
                fragments.append((target, fragment, location))
                return RewrittenLink(target == page.route && !printing ? "#" + fragment : address(target) + "#" + fragment, after: note)
            case .missing(let reason, let isDraft):
                blocks.missingLinks.append(MissingLink(location: location, what: "broken \(link.isImage ? "image" : "link")", reason: reason, isDraft: isDraft))
                return nil
            }
        }, renderFence: { block in
            FencedBlocks.render(block, on: &blocks, diagnostics: &problems)
        }, frameTable: { table in
            let frame = PipeTableFrame(table: table, strings: model.edition.strings,
                                       printedFrom: printing ? "\(source.file.relativePath):\(table.line + source.bodyLineOffset)" : nil)
            blocks.hasWideTable = blocks.hasWideTable || frame.isWide
            return frame.frame
        }, mayLink: { text in
            !model.edition.glossary.isEmpty || (model.site.config.citations && Citations.mayCite(text))
        }, autolink: { text in
            var links: [AutoLink] = []
            if model.site.config.citations {
                for citation in Citations.find(in: text) {
                    links.append(AutoLink(range: citation.range, url: citation.url, title: citation.name))
                    if !citations.contains(where: { $0.url == citation.url }) { citations.append(citation) }
                }
            }
            // A term is explained where the page first uses it, outside the citations; longer
            // terms first, so "aggravated felony" is one link, not "felony" inside it.
            let glossary = model.edition.glossary
            let places = glossary.isEmpty ? [:] : glossary.firstPlaces(in: text, skipping: usedTerms)
            for (index, range) in places.sorted(by: { $0.key < $1.key }) {
                guard !links.contains(where: { $0.range.overlaps(range) }) else { continue }
                let term = glossary.terms[index]
                links.append(AutoLink(range: range, url: "#" + idPrefix + term.id, title: term.definition))
                usedTerms.insert(index)
            }
            return links.sorted { $0.range.lowerBound < $1.range.lowerBound }
        })
        for notice in rendered.notices {
            let (rule, message) = notice.finding
            problems.report(.finding(rule, message, at: SourceLocation(path: source.file.displayPath, line: notice.line + source.bodyLineOffset, column: notice.column)))
        }
        diagnostics.append(problems)
        self.needsScript = blocks.needsScript
        self.hasWideTable = blocks.hasWideTable
        self.citations = citations
        self.terms = usedTerms.sorted().map { model.edition.glossary.terms[$0] }.sorted { $0.term.lowercased() < $1.term.lowercased() }
            .map { GlossaryTerm(term: $0.term, definition: $0.definition, id: idPrefix + $0.id) }
        self.idPrefix = idPrefix
        self.rendered = rendered
        self.source = page.source.file.displayPath
        lineOffset = page.source.bodyLineOffset
        html = rendered.htmlBytes
        if printing {
            // Paper does not scroll sideways: a wide Markdown table is fitted to the page.
            let fit = PipeTablePrint(paper: model.site.config.paper, besideTranslation: besideTranslation, strings: model.edition.strings)
            html = Array(fit.fitted(String(decoding: html, as: UTF8.self)).utf8)
            self.rendered.sections = rendered.sections.map(fit.fitted)
        }
        headings = rendered.headings
        linkNotes = rendered.linkNotes
        fragmentLinks = fragments
        missingLinks = blocks.missingLinks
    }

    /// What the steps after a page is made read of its body: headings and links. Its HTML and
    /// plain text are in the page and its search entry already; on a large site, keeping them
    /// twice more would take a third of the build's memory. Taken, not copied: a copy counted
    /// a reference to each of the body's dozen arrays and strings.
    consuming func forLaterSteps() -> PageBody {
        html = []
        rendered.htmlBytes = []
        rendered.paragraphs = []
        rendered.tableRows = []
        rendered.htmlBlocks = []
        rendered.sections = []
        return self
    }

    /// `forLaterSteps` for a page already written to disk: headings and links to other pages'
    /// headings, for the checks made once every page is done, but not its links, citations and
    /// terms, which only a page kept in memory (for `check`, or for `serve` to reuse) needs.
    consuming func written() -> PageBody {
        var kept = forLaterSteps()
        kept.rendered.links = []
        kept.rendered.linkNotes = []
        kept.linkNotes = []
        kept.citations = []
        kept.terms = []
        return kept
    }

    /// The laws it cites, as templates list them.
    var citationValues: TemplateValue {
        .list(citations.map { ["name": .text($0.name), "url": .text($0.url)] })
    }

    /// The glossary terms it uses, as templates list them.
    var termValues: TemplateValue {
        .list(terms.map { ["term": .text($0.term), "definition": .text($0.definition), "id": .text($0.id)] })
    }

    /// The table of contents: h2s with their h3s beneath. An h3 goes under the h2 before it;
    /// with none before it (a page of ### alone), it is an entry of its own, beside the others.
    var toc: TemplateValue {
        var entries: [(heading: Heading, children: [Heading])] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 3, entries.last?.heading.level == 2 {
                entries[entries.count - 1].children.append(heading)
            } else {
                entries.append((heading, []))
            }
        }
        func entry(_ heading: Heading, children: [Heading]) -> TemplateValue {
            var values: TemplateFields = ["id": .text(heading.id), "text": .text(heading.text), "hasChildren": .flag(!children.isEmpty)]
            if !children.isEmpty { values["children"] = .list(children.map { entry($0, children: []) }) }
            return .object(values)
        }
        return .list(entries.map { entry($0.heading, children: $0.children) })
    }
}
