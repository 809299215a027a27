/// A ```` ```chart ```` block with its data found: which CSV columns to draw, and how.
struct ChartSpec {
    enum Kind: String, CaseIterable {
        /// Horizontal bars: long category names, and phones.
        case bar
        /// Vertical bars, side by side for several series.
        case column
        /// Vertical bars, series stacked.
        case stacked
        case line
    }

    enum Order: String, CaseIterable { case none, ascending, descending }

    var kind: Kind
    var data: ChartData
    var title: String
    var caption: String?
    var sourceName: String?
    var sourceURL: String?
    var asOf: Day?
    var format: NumberFormat
    /// A category drawn darker than the rest, with its label in bold.
    var highlight: String?
    /// Address of the CSV from the page, for the download link.
    var csvURL: String
    var sectionLevel: Int

    /// The block's data found and checked; nil after reporting every problem found.
    init?(_ block: ChartBlock, on page: inout BlockPage, diagnostics: inout Diagnostics) {
        let errorsBefore = diagnostics.errorCount
        guard let (table, url) = block.source.table(on: &page, diagnostics: &diagnostics),
              let kind = block.kind, let order = block.order, block.isValid,
              var data = ChartData(table: table, x: block.x, y: block.y, xAt: block.xLocation, yAt: block.yLocation,
                                   prefix: block.format.prefix, diagnostics: &diagnostics),
              diagnostics.errorCount == errorsBefore
        else { return nil }
        if let highlight = block.highlight, !data.categories.contains(highlight) {
            diagnostics.warning("'highlight' names '\(highlight)', which is not in the column '\(data.xLabel)'", at: block.highlightLocation)
        }
        data.sort(order)
        self.kind = kind
        self.data = data
        self.csvURL = url
        title = block.title ?? table.about.title ?? data.series.map(\.name).joined(separator: ", ")
        caption = block.caption
        sourceName = block.sourceName
        sourceURL = block.sourceURL
        asOf = block.asOf
        format = block.format
        highlight = block.highlight
        sectionLevel = block.place.sectionLevel
    }
}
