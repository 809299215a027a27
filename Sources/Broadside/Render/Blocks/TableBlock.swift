import BroadsideMarkdown

/// ```` ```table ````: a CSV shown as an accessible table, or as cards.
struct TableBlock: FencedBlockKind {
    static let info = "table"

    enum Display: String { case table, cards }

    let source: CSVSource
    let caption: String?
    /// nil after reporting a display that is neither.
    let display: Display?
    let wantsQuickCheck: Bool?
    let quickCheckLocation: SourceLocation
    let place: BlockPlace

    init(options: inout YAMLReader, at block: BlockPlace, diagnostics: inout Diagnostics) {
        place = block
        source = CSVSource(&options, at: block, diagnostics: &diagnostics)
        caption = options.string("caption", diagnostics: &diagnostics)
        let displayName = options.string("display", diagnostics: &diagnostics) ?? Display.table.rawValue
        display = Display(rawValue: displayName)
        if display == nil {
            diagnostics.error("'display' must be table or cards", at: options.location(ofValue: "display") ?? block.here)
        }
        wantsQuickCheck = options.bool("quick_check", diagnostics: &diagnostics)
        quickCheckLocation = options.location(ofValue: "quick_check") ?? block.here
    }

    func render(on page: inout BlockPage, diagnostics: inout Diagnostics) -> String? {
        guard let embed = TableEmbed(self, on: &page, diagnostics: &diagnostics) else { return nil }
        let name = String(embed.table.path.lastPathComponent.dropLast(".csv".count))
        let table = TableHTML(embed: embed, id: page.ids.next(for: "table-" + name), strings: page.model.edition.strings,
                              paper: page.paper, besideTranslation: page.besideTranslation, printedFrom: page.printedFrom(place))
        page.needsScript = page.needsScript || embed.quickCheck
        page.hasWideTable = page.hasWideTable || table.isWide
        return table.render()
    }
}
