import BroadsideMarkdown

/// The kinds of fenced block a page may hold; any other fence is shown as code.
enum FencedBlocks {
    static var kinds: [any FencedBlockKind.Type] {
        [
            TableBlock.self,
            ChartBlock.self,
        ]
    }

    /// The HTML for `block` on `page`: nil when no kind claims it, "" after reporting when it
    /// cannot be shown.
    static func render(_ block: FencedBlock, on page: inout BlockPage, diagnostics: inout Diagnostics) -> String? {
        guard let kind = kinds.first(where: { $0.info == block.info }) else { return nil }
        let source = page.page.source
        let fenceLine = block.line + source.bodyLineOffset
        let place = BlockPlace(here: SourceLocation(path: source.file.displayPath, line: fenceLine, column: block.column),
                               kind: block.info, sectionLevel: block.sectionLevel)
        guard let fields = YAMLFields(yaml: block.literal, path: source.file.displayPath, lineOffset: fenceLine, what: "a \(block.info) block",
                                      diagnostics: &diagnostics) else { return "" }
        var options = YAMLReader(fields)
        let read = kind.init(options: &options, at: place, diagnostics: &diagnostics)
        options.finish(what: "\(block.info) block", diagnostics: &diagnostics)
        return read?.render(on: &page, diagnostics: &diagnostics) ?? ""
    }
}
