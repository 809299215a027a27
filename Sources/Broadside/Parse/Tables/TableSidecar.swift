/// `NAME.yml` beside `NAME.csv`: describes the table once for every page that embeds it.
public struct TableSidecar: Sendable, Equatable {
    static let keys = ["title", "caption", "source", "as_of", "key", "columns", "legend", "quick_check"]

    public var title: String?
    public var caption: String?
    public var sourceName: String?
    public var sourceURL: String?
    public var asOf: Day?
    /// Header of the column that names the rows; the first column when absent.
    public var key: String?
    public var keyLocation: SourceLocation?
    /// Header name → label shown to readers.
    public var columnLabels: [String: String] = [:]
    /// In the order written, so the legend reads as the author laid it out.
    public var legend: [LegendEntry] = []
    /// Offer the interactive screening tool; needs a legend.
    public var quickCheck = false

    public init() {}

    static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> TableSidecar {
        var about = TableSidecar()
        guard let fields = YAMLFields(yaml: file.text, path: file.displayPath, lineOffset: 0, what: "table description",
                                      diagnostics: &diagnostics) else { return about }
        fields.warnUnknownKeys(known: keys, what: "table description", diagnostics: &diagnostics)
        about.title = fields.string("title", diagnostics: &diagnostics)
        about.caption = fields.string("caption", diagnostics: &diagnostics)
        if let source = fields.fields("source", diagnostics: &diagnostics) {
            source.warnUnknownKeys(known: ["name", "url"], what: "source", diagnostics: &diagnostics)
            about.sourceName = source.string("name", diagnostics: &diagnostics)
            about.sourceURL = source.address("url", diagnostics: &diagnostics)
        }
        about.asOf = fields.day("as_of", diagnostics: &diagnostics)
        about.key = fields.string("key", diagnostics: &diagnostics)
        about.keyLocation = fields.location(ofValue: "key")
        if let columns = fields.fields("columns", diagnostics: &diagnostics) {
            for name in columns.keys {
                if let label = columns.string(name, diagnostics: &diagnostics) { about.columnLabels[name] = label }
            }
        }
        if let legend = fields.fields("legend", diagnostics: &diagnostics) {
            for keyword in legend.keys {
                guard let entry = legend.fields(keyword, diagnostics: &diagnostics) else { continue }
                entry.warnUnknownKeys(known: ["label", "symbol", "style"], what: "legend entry", diagnostics: &diagnostics)
                let styleName = entry.string("style", diagnostics: &diagnostics) ?? LegendEntry.Style.neutral.rawValue
                guard let style = LegendEntry.Style(rawValue: styleName) else {
                    diagnostics.error("'style' must be one of \(LegendEntry.Style.allCases.map(\.rawValue).joined(separator: ", "))",
                                      at: entry.location(ofValue: "style") ?? SourceLocation(path: file.displayPath))
                    continue
                }
                about.legend.append(LegendEntry(
                    keyword: keyword,
                    label: entry.string("label", diagnostics: &diagnostics) ?? keyword,
                    symbol: entry.string("symbol", diagnostics: &diagnostics) ?? "",
                    style: style
                ))
            }
        }
        about.quickCheck = fields.bool("quick_check", diagnostics: &diagnostics) ?? false
        if about.quickCheck && about.legend.isEmpty, let location = fields.location(ofValue: "quick_check") {
            diagnostics.error("'quick_check' needs a 'legend' that says which values bar and which do not", at: location)
            about.quickCheck = false
        }
        return about
    }
}
