import BroadsideMarkdown

/// A ```` ```table ```` block in a page: which CSV to show and how.
struct TableEmbed {
    enum Display: String { case table, cards }

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

    /// Reads the block's YAML; nil after reporting when it cannot be shown.
    /// `csvAddress` turns the CSV's route into a link from where the table is shown.
    init?(_ block: FencedBlock, page: ContentPage, site: Site, csvAddress: (Route) -> String, diagnostics: inout Diagnostics) {
        guard var embed = EmbedBlock(block, page: page, diagnostics: &diagnostics) else { return nil }
        sectionLevel = block.sectionLevel
        // Every option is checked before the CSV is looked up, so one run reports them all.
        caption = embed.fields.string("caption", diagnostics: &diagnostics)
        let displayName = embed.fields.string("display", diagnostics: &diagnostics) ?? Display.table.rawValue
        let display = Display(rawValue: displayName)
        if display == nil {
            diagnostics.error("'display' must be table or cards", at: embed.location(of: "display"))
        }
        let wantsQuickCheck = embed.fields.bool("quick_check", diagnostics: &diagnostics)
        embed.finish(diagnostics: &diagnostics)
        guard let (table, url) = embed.csv(page: page, site: site, csvAddress: csvAddress, diagnostics: &diagnostics),
              let display else { return nil }
        self.table = table
        self.csvURL = url
        textCells = TextCells(table, shownOn: page.source.file.displayPath, site: site, address: csvAddress, diagnostics: &diagnostics)
        self.display = display
        let hasCodedColumn = table.columns.contains(where: \.isCoded)
        if wantsQuickCheck == true, !hasCodedColumn || display == .cards {
            // The sidecar's own `quick_check` is judged where the CSV is read.
            let why = display == .cards ? "cards have no quick check: use `display: table`"
                : table.about.legend.isEmpty ? "it needs a `legend` in \(table.displayPath.dropLast(".csv".count)).yml that says which values bar relief"
                : "no column is coded by the legend ('coded' or 'text' leaves none)"
            diagnostics.error("'quick_check' cannot be shown here: \(why)", at: embed.location(of: "quick_check"))
        }
        quickCheck = display == .table && (wantsQuickCheck ?? table.about.quickCheck) && hasCodedColumn
    }
}
