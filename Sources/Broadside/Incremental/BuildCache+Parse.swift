extension BuildCache {
    /// Every page's front matter, across the cores, a page whose text is the same as last
    /// build's not parsed again; with the relative paths of those that were (`reparsed`), and
    /// each page's hash of its front matter for `SiteShape` (`heads`).
    func pages(_ files: [SourceFile], timeZone: String)
        -> (parsed: [(page: PageSource, problems: Diagnostics)], reparsed: Set<String>, heads: [Int]) {
        // The last build's entries, let go once read, so that they are then changed in place.
        let results = { [known = parsed] in
            files.concurrentMap { file -> (Parsed, again: Bool) in
                if let kept = known[file.relativePath], kept.text.hasSameBytes(as: file.text), kept.timeZone == timeZone { return (kept, false) }
                var problems = Diagnostics()
                let page = PageSource.parse(file, timeZone: timeZone, diagnostics: &problems)
                return (Parsed(text: file.text, timeZone: timeZone, page: page, problems: problems, head: SiteShape.head(of: page)), true)
            }
        }()
        // Kept in place: a save changes one entry of thousands.
        for (entry, again) in results where again { parsed[entry.page.file.relativePath] = entry }
        if parsed.count != files.count {
            let current = Set(files.map(\.relativePath))
            parsed = parsed.filter { current.contains($0.key) }  // files gone
        }
        return (results.map { ($0.0.page, $0.0.problems) }, Set(results.filter(\.again).map(\.0.page.file.relativePath)), results.map(\.0.head))
    }

    /// The theme, made again only when a template of the site's changed.
    func theme(_ overrides: [String: SourceFile], diagnostics: inout Diagnostics) -> Theme {
        let texts = overrides.mapValues(\.text)
        if let kept = theme, kept.texts.keys == texts.keys,
           texts.allSatisfy({ name, text in kept.texts[name]?.hasSameBytes(as: text) == true }) {
            diagnostics.append(kept.problems)
            return kept.theme
        }
        var problems = Diagnostics()
        let made = Theme.load(overrides: overrides, diagnostics: &problems)
        diagnostics.append(problems)
        theme = (texts, made, problems)
        return made
    }
}
