import BroadsideMarkdown

extension Site {
    /// `markdown` as the build renders the body of the page at `relativePath` (under Content/),
    /// for the editor's live preview: the site's Markdown settings (author HTML escaped unless
    /// `raw_html` allows it), links resolved from where the page lands. A page the site does
    /// not hold yet (a draft, a new file) is rendered as one of its language would be.
    public func previewHTML(_ markdown: String, of relativePath: String, displayPath: String) -> String? {
        let language = Translations.language(of: relativePath, config: config)?.code ?? config.language
        let own = pages.first { $0.sourcePath == relativePath }
        guard var page = own ?? pages.first(where: { $0.language == language }) ?? pages.first else { return nil }
        if own == nil {
            page.route = Route(page: relativePath)
            page.language = language
        }
        let file = SourceFile(relativePath: relativePath, displayPath: displayPath, text: markdown)
        page.source = PageSource(file: file, frontMatter: page.frontMatter, bodyStart: file.text.startIndex, bodyLineOffset: 0)
        let renderer = Markdown(options: MarkdownOptions(allowRawHTML: config.rawHTML, reservedIDs: PageBody.reservedIDs))
        var ignored = Diagnostics()
        let body = PageBody(page, model: PageContext.Model(site: self, edition: edition(page.language)), markdown: renderer, diagnostics: &ignored)
        return String(decoding: body.html, as: UTF8.self)
    }

    /// The language of the page at `relativePath` (under Content/) by its name (`forum.es.md`),
    /// and the path of the page it translates by name (`forum.md`); nil for a code the site
    /// does not list.
    public func pageLanguage(of relativePath: String) -> (code: String, original: String)? {
        Translations.language(of: relativePath, config: config).map { ($0.code, $0.path) }
    }
}
