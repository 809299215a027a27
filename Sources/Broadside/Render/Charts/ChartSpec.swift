import BroadsideMarkdown

/// A ```` ```chart ```` block: which CSV columns to draw, and how.
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

    /// Reads the block and its data; nil after reporting every problem found.
    init?(_ block: FencedBlock, page: ContentPage, site: Site, csvAddress: (Route) -> String, diagnostics: inout Diagnostics) {
        guard var embed = EmbedBlock(block, page: page, diagnostics: &diagnostics) else { return nil }
        let errorsBefore = diagnostics.errorCount
        // Every option is read before any is judged, in the order an unknown key's warning lists them.
        let kindName = embed.fields.string("type", diagnostics: &diagnostics) ?? Kind.column.rawValue
        let x = embed.fields.string("x", diagnostics: &diagnostics)
        let y = embed.fields.stringList("y", diagnostics: &diagnostics) ?? []
        let title = embed.fields.string("title", diagnostics: &diagnostics)
        caption = embed.fields.string("caption", diagnostics: &diagnostics)
        if var source = embed.fields.group("source", diagnostics: &diagnostics) {
            sourceName = source.string("name", diagnostics: &diagnostics)
            sourceURL = source.address("url", diagnostics: &diagnostics)
            source.finish(what: "source", diagnostics: &diagnostics)
        }
        asOf = embed.fields.day("as_of", diagnostics: &diagnostics)
        let units = embed.fields.string("units", diagnostics: &diagnostics)
        let prefix = embed.fields.string("prefix", diagnostics: &diagnostics) ?? ""
        let decimals = embed.fields.int("decimals", diagnostics: &diagnostics) ?? 0
        highlight = embed.fields.string("highlight", diagnostics: &diagnostics)
        let orderName = embed.fields.string("sort", diagnostics: &diagnostics) ?? Order.none.rawValue
        embed.finish(diagnostics: &diagnostics)
        let kind = Kind(rawValue: kindName)
        if kind == nil {
            diagnostics.error("'type' must be one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(kindName)'",
                              at: embed.location(of: "type"))
        }
        let order = Order(rawValue: orderName)
        if order == nil {
            diagnostics.error("'sort' must be one of \(Order.allCases.map(\.rawValue).joined(separator: ", "))", at: embed.location(of: "sort"))
        }
        format = NumberFormat(prefix: prefix, units: units, decimals: min(max(decimals, 0), 6))
        if y.isEmpty {
            diagnostics.error("this chart block has no 'y': name the column (or columns) with the numbers", at: embed.location(of: "y"))
        }
        guard let (table, url) = embed.csv(page: page, site: site, csvAddress: csvAddress, diagnostics: &diagnostics),
              let kind, let order, !y.isEmpty,
              var data = ChartData(table: table, x: x, y: y, xAt: embed.location(of: "x"), yAt: embed.location(of: "y"),
                                   prefix: format.prefix, diagnostics: &diagnostics),
              diagnostics.errorCount == errorsBefore
        else { return nil }
        if let highlight, !data.categories.contains(highlight) {
            diagnostics.warning("'highlight' names '\(highlight)', which is not in the column '\(data.xLabel)'",
                                at: embed.location(of: "highlight"))
        }
        data.sort(order)
        self.kind = kind
        self.data = data
        self.csvURL = url
        self.title = title ?? table.about.title ?? data.series.map(\.name).joined(separator: ", ")
        sectionLevel = block.sectionLevel
    }
}
