/// `NAME.yml` beside `NAME.csv`: describes the table once for every page that embeds it.
public struct TableSidecar: Sendable, Equatable {
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
    /// Every header `columns:` names, where it is written: each must be a column of the CSV.
    public var columnNames: [Located<String>] = []
    /// Header name → `format:`, with where it is written.
    public var columnFormats: [String: Located<CellFormat>] = [:]
    /// Which columns the legend codes (`coded:`) or does not (`text:`); nil for every column but the key.
    public var coding: Coding?
    /// The column of source addresses, shown as marks on the row names.
    public var sources: Located<String>?
    /// In the order written, so the legend reads as the author laid it out.
    public var legend: [LegendEntry] = []
    /// Offer the interactive screening tool; needs a legend.
    public var quickCheck = false
    public var quickCheckLocation: SourceLocation?

    public init() {}

    static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> TableSidecar {
        var about = TableSidecar()
        guard let read = YAMLFields(yaml: file.text, path: file.displayPath, lineOffset: 0, what: "table description",
                                    diagnostics: &diagnostics) else { return about }
        // In the order an unknown key's warning lists them.
        var fields = YAMLReader(read)
        about.title = fields.string("title", diagnostics: &diagnostics)
        about.caption = fields.string("caption", diagnostics: &diagnostics)
        if var source = fields.group("source", diagnostics: &diagnostics) {
            about.sourceName = source.string("name", diagnostics: &diagnostics)
            about.sourceURL = source.address("url", diagnostics: &diagnostics)
            source.finish(what: "source", diagnostics: &diagnostics)
        }
        about.asOf = fields.day("as_of", diagnostics: &diagnostics)
        about.key = fields.string("key", diagnostics: &diagnostics)
        about.keyLocation = fields.location(ofValue: "key")
        if let columns = fields.mapping("columns", diagnostics: &diagnostics) {
            about.readColumns(columns, diagnostics: &diagnostics)
        }
        if let legend = fields.mapping("legend", diagnostics: &diagnostics) {
            for keyword in legend.keys {
                guard var entry = legend.fields(keyword, diagnostics: &diagnostics).map(YAMLReader.init) else { continue }
                let label = entry.string("label", diagnostics: &diagnostics) ?? keyword
                let symbol = entry.string("symbol", diagnostics: &diagnostics) ?? ""
                let styleName = entry.string("style", diagnostics: &diagnostics) ?? LegendEntry.Style.neutral.rawValue
                entry.finish(what: "legend entry", diagnostics: &diagnostics)
                guard let style = LegendEntry.Style(rawValue: styleName) else {
                    diagnostics.error("'style' must be one of \(LegendEntry.Style.allCases.map(\.rawValue).joined(separator: ", "))",
                                      at: entry.location(ofValue: "style") ?? SourceLocation(path: file.displayPath))
                    continue
                }
                about.legend.append(LegendEntry(keyword: keyword, label: label, symbol: symbol, style: style))
            }
        }
        about.quickCheck = fields.bool("quick_check", diagnostics: &diagnostics) ?? false
        about.quickCheckLocation = fields.location(ofValue: "quick_check")
        if about.quickCheck && about.legend.isEmpty, let location = fields.location(ofValue: "quick_check") {
            diagnostics.error("'quick_check' needs a 'legend' that says which values bar and which do not", at: location)
            about.quickCheck = false
        }
        about.coding = Coding.read(&fields, diagnostics: &diagnostics)
        if let name = fields.string("sources", diagnostics: &diagnostics), let location = fields.location(ofValue: "sources") {
            about.sources = Located(name, at: location)
        }
        fields.finish(what: "table description", diagnostics: &diagnostics)
        if about.coding != nil && about.legend.isEmpty, let key = about.coding?.key, let location = fields.location(ofKey: key) {
            diagnostics.error("'\(key)' says which columns the legend codes, but there is no 'legend'", at: location)
        }
        return about
    }

    /// `Header: Label`, or `Header: {label: …, format: …}`.
    private mutating func readColumns(_ columns: YAMLFields, diagnostics: inout Diagnostics) {
        for name in columns.keys {
            if let location = columns.location(ofKey: name) { columnNames.append(Located(name, at: location)) }
            guard let entry = columns.entry(name), entry.value.mapping != nil else {
                if let label = columns.string(name, diagnostics: &diagnostics) { columnLabels[name] = label }
                continue
            }
            guard var column = columns.fields(name, diagnostics: &diagnostics).map(YAMLReader.init) else { continue }
            if let label = column.string("label", diagnostics: &diagnostics) { columnLabels[name] = label }
            let spelling = column.string("format", diagnostics: &diagnostics)
            column.finish(what: "column", diagnostics: &diagnostics)
            guard let spelling,
                  let location = column.location(ofValue: "format") else { continue }
            guard let format = CellFormat(spelling: spelling) else {
                diagnostics.error("'\(spelling)' is not a format: use one of \(CellFormat.spellings.joined(separator: ", "))", at: location)
                continue
            }
            columnFormats[name] = Located(format, at: location)
        }
    }

    /// `coded: [A, B]` names the columns the legend codes; `text: [C]` the ones it does not.
    public struct Coding: Sendable, Equatable {
        public var key: String
        public var columns: [Located<String>]

        static func read(_ fields: inout YAMLReader, diagnostics: inout Diagnostics) -> Coding? {
            let coded = fields.locatedStrings("coded", diagnostics: &diagnostics)
            let text = fields.locatedStrings("text", diagnostics: &diagnostics)
            if coded != nil, text != nil, let location = fields.location(ofKey: "text") {
                diagnostics.error("'coded' and 'text' both say which columns the legend codes: keep one of them", at: location)
                return nil
            }
            if let coded { return Coding(key: "coded", columns: coded) }
            return text.map { Coding(key: "text", columns: $0) }
        }

        /// Whether the legend codes column `name`.
        func codes(_ name: String) -> Bool {
            columns.contains { $0.value == name } == (key == "coded")
        }
    }
}
