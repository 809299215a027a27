import BroadsideMarkdown

/// A ```` ```table ```` block in a page: which CSV to show and how.
struct TableEmbed {
    static let keys = ["src", "caption", "display", "quick_check"]

    enum Display: String { case table, cards }

    var table: DataTable
    /// Address of the CSV from the page, for the download link.
    var csvURL: String
    var caption: String?
    var display: Display
    var quickCheck: Bool
    /// Level of the heading the block sits under.
    var sectionLevel: Int

    /// Reads the block's YAML; nil after reporting when it cannot be shown.
    /// `csvAddress` turns the CSV's route into a link from where the table is shown.
    init?(_ block: FencedBlock, page: ContentPage, site: Site, csvAddress: (Route) -> String, diagnostics: inout Diagnostics) {
        let fenceLine = block.line + page.source.bodyLineOffset
        let path = page.source.file.displayPath
        sectionLevel = block.sectionLevel
        let here = SourceLocation(path: path, line: fenceLine, column: block.column)
        guard let fields = YAMLFields(yaml: block.literal, path: path, lineOffset: fenceLine, what: "a table block",
                                      diagnostics: &diagnostics) else { return nil }
        fields.warnUnknownKeys(known: Self.keys, what: "table block", diagnostics: &diagnostics)
        // Every option is checked before the CSV is looked up, so one run reports them all.
        caption = fields.string("caption", diagnostics: &diagnostics)
        let displayName = fields.string("display", diagnostics: &diagnostics) ?? Display.table.rawValue
        let display = Display(rawValue: displayName)
        if display == nil {
            diagnostics.error("'display' must be table or cards", at: fields.location(ofValue: "display") ?? here)
        }
        let wantsQuickCheck = fields.bool("quick_check", diagnostics: &diagnostics)
        guard let src = fields.string("src", diagnostics: &diagnostics) else {
            diagnostics.error("this table block has no 'src': add a line like `src: relief-bars.csv`", at: here)
            return nil
        }
        let at = fields.location(ofValue: "src") ?? here
        switch site.routes.resolve(src, from: page.source.file.relativePath) {
        case .file(let route) where route.path.hasSuffix(".csv"):
            // A CSV that failed to parse has already been reported in its own file.
            guard let table = site.tables[route.path], let display else { return nil }
            self.table = table
            self.csvURL = csvAddress(route)
            self.display = display
            quickCheck = display == .table && (wantsQuickCheck ?? table.about.quickCheck) && !table.about.legend.isEmpty
        case .missing(let reason):
            diagnostics.error("table 'src': \(reason)", at: at)
            return nil
        default:
            diagnostics.error("table 'src' must name a .csv file in the content folder", at: at)
            return nil
        }
    }
}
