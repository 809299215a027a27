/// A ```` ```table ```` block with its CSV found: what `TableHTML` shows, and how.
struct TableEmbed {
    typealias Display = TableBlock.Display

    var table: DataTable
    /// Address of the CSV from the page, for the download link.
    var csvURL: String
    var caption: String?
    var display: Display
    var quickCheck: Bool
    /// Its text cells as HTML, their links checked and made from where the table is shown.
    var textCells: TextCells
    /// Level of the heading the block sits under.
    var sectionLevel: Int

    /// nil after reporting when the block cannot be shown.
    init?(_ block: TableBlock, on page: inout BlockPage, diagnostics: inout Diagnostics) {
        sectionLevel = block.place.sectionLevel
        caption = block.caption
        guard let (table, url) = block.source.table(on: &page, diagnostics: &diagnostics), let display = block.display else { return nil }
        self.table = table
        self.csvURL = url
        textCells = TextCells(table, shownOn: page.page.source.file.displayPath, site: page.site, address: page.address, diagnostics: &diagnostics)
        self.display = display
        let hasCodedColumn = table.columns.contains(where: \.isCoded)
        if block.wantsQuickCheck == true, !hasCodedColumn || display == .cards {
            // The sidecar's own `quick_check` is judged where the CSV is read.
            let why = display == .cards ? "cards have no quick check: use `display: table`"
                : table.about.legend.isEmpty ? "it needs a `legend` in \(table.displayPath.dropLast(".csv".count)).yml that says which values bar relief"
                : "no column is coded by the legend ('coded' or 'text' leaves none)"
            diagnostics.error("'quick_check' cannot be shown here: \(why)", at: block.quickCheckLocation)
        }
        quickCheck = display == .table && (block.wantsQuickCheck ?? table.about.quickCheck) && hasCodedColumn
    }
}
