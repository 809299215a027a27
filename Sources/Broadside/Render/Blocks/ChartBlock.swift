import BroadsideMarkdown

/// ```` ```chart ````: CSV columns drawn as bars or lines, with the numbers beside them.
struct ChartBlock: FencedBlockKind {
    static let info = "chart"

    let source: CSVSource
    /// nil after reporting a type or order that is none of the known ones.
    let kind: ChartSpec.Kind?
    let order: ChartSpec.Order?
    let x: String?
    let y: [String]
    let title: String?
    let caption: String?
    let sourceName: String?
    let sourceURL: String?
    let asOf: Day?
    let format: NumberFormat
    let highlight: String?
    /// No option was in error: a chart is drawn only from options that are all right.
    let isValid: Bool
    let place: BlockPlace
    let xLocation: SourceLocation
    let yLocation: SourceLocation
    let highlightLocation: SourceLocation

    /// Every option is read before any is judged, in the order an unknown key's warning lists them.
    init(options: inout YAMLReader, at block: BlockPlace, diagnostics: inout Diagnostics) {
        place = block
        source = CSVSource(&options, at: block, diagnostics: &diagnostics)
        let errorsBefore = diagnostics.errorCount
        let kindName = options.string("type", diagnostics: &diagnostics) ?? ChartSpec.Kind.column.rawValue
        x = options.string("x", diagnostics: &diagnostics)
        y = options.stringList("y", diagnostics: &diagnostics) ?? []
        title = options.string("title", diagnostics: &diagnostics)
        caption = options.string("caption", diagnostics: &diagnostics)
        if var source = options.group("source", diagnostics: &diagnostics) {
            sourceName = source.string("name", diagnostics: &diagnostics)
            sourceURL = source.address("url", diagnostics: &diagnostics)
            source.finish(what: "source", diagnostics: &diagnostics)
        } else {
            (sourceName, sourceURL) = (nil, nil)
        }
        asOf = options.day("as_of", diagnostics: &diagnostics)
        let units = options.string("units", diagnostics: &diagnostics)
        let prefix = options.string("prefix", diagnostics: &diagnostics) ?? ""
        let decimals = options.int("decimals", diagnostics: &diagnostics) ?? 0
        highlight = options.string("highlight", diagnostics: &diagnostics)
        let orderName = options.string("sort", diagnostics: &diagnostics) ?? ChartSpec.Order.none.rawValue
        func at(_ key: String) -> SourceLocation { options.location(ofValue: key) ?? block.here }
        (xLocation, yLocation, highlightLocation) = (at("x"), at("y"), at("highlight"))
        kind = ChartSpec.Kind(rawValue: kindName)
        if kind == nil {
            diagnostics.error("'type' must be one of \(ChartSpec.Kind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(kindName)'",
                              at: at("type"))
        }
        order = ChartSpec.Order(rawValue: orderName)
        if order == nil {
            diagnostics.error("'sort' must be one of \(ChartSpec.Order.allCases.map(\.rawValue).joined(separator: ", "))", at: at("sort"))
        }
        format = NumberFormat(prefix: prefix, units: units, decimals: min(max(decimals, 0), 6))
        if y.isEmpty {
            diagnostics.error("this chart block has no 'y': name the column (or columns) with the numbers", at: yLocation)
        }
        isValid = diagnostics.errorCount == errorsBefore
    }

    func render(on page: inout BlockPage, diagnostics: inout Diagnostics) -> String? {
        guard let spec = ChartSpec(self, on: &page, diagnostics: &diagnostics) else { return nil }
        let name = String(spec.data.series.first?.name ?? "chart")
        return ChartHTML(spec: spec, id: page.ids.next(for: "chart-" + HeadingIDs.slug(name)), strings: page.model.edition.strings).render()
    }
}
