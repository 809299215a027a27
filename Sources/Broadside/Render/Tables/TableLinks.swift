import BroadsideMarkdown

extension Site {
    /// Every address to another site in the site's tables, as written and where: the links in
    /// text cells and the sources column's addresses. `check --external` lists them beside the
    /// pages' links, so a link checker run on that list sees them all.
    public var tableLinks: [(url: String, location: SourceLocation)] {
        let markdown = Markdown(options: MarkdownOptions(smartPunctuation: false))
        var links: [(url: String, location: SourceLocation)] = []
        for table in tables.values {
            for row in table.rows {
                for (column, cell) in row.cells.enumerated() where !table.columns[column].isCoded && cell.value == nil {
                    let place = SourceLocation(path: table.displayPath, line: cell.line, column: cell.column)
                    let urls = column == table.sourceColumn ? cell.text.split(whereSeparator: \.isWhitespace).map(String.init)
                        : TextCells.mayBeMarkdown(cell.text) ? markdown.render(cell.text).links.map(\.destination.url) : []
                    links += urls.filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }.map { ($0, place) }
                }
            }
        }
        return links
    }
}
