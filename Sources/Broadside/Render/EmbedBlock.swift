import BroadsideMarkdown

/// What ```` ```table ```` and ```` ```chart ```` blocks share: their YAML, read with its real
/// lines in the page, and the CSV that `src` names.
struct EmbedBlock {
    var fields: YAMLReader
    let src: String?
    /// The opening fence, for problems of the block as a whole.
    let here: SourceLocation
    let kind: String

    init?(_ block: FencedBlock, page: ContentPage, diagnostics: inout Diagnostics) {
        let fenceLine = block.line + page.source.bodyLineOffset
        let path = page.source.file.displayPath
        kind = block.info
        here = SourceLocation(path: path, line: fenceLine, column: block.column)
        guard let read = YAMLFields(yaml: block.literal, path: path, lineOffset: fenceLine, what: "a \(kind) block",
                                    diagnostics: &diagnostics) else { return nil }
        fields = YAMLReader(read)
        src = fields.string("src", diagnostics: &diagnostics)
    }

    /// Warns of the keys the block's kind did not read.
    func finish(diagnostics: inout Diagnostics) {
        fields.finish(what: "\(kind) block", diagnostics: &diagnostics)
    }

    func location(of key: String) -> SourceLocation {
        fields.location(ofValue: key) ?? here
    }

    /// The table `src` names and its address from where the block is shown (`csvAddress`);
    /// nil after reporting why not. A CSV that failed to parse was reported in its own file.
    func csv(page: ContentPage, site: Site, csvAddress: (Route) -> String,
             diagnostics: inout Diagnostics) -> (table: DataTable, url: String)? {
        guard let src else {
            diagnostics.error("this \(kind) block has no 'src': add a line like `src: relief-bars.csv`", at: here)
            return nil
        }
        switch site.routes.resolve(src, from: page.source.file.relativePath) {
        case .file(let route) where route.path.hasSuffix(".csv"):
            return site.tables[route.path].map { ($0.localized(page.language), csvAddress(route)) }
        case .missing(let reason, _):
            diagnostics.report(.finding(.brokenLink, "\(kind) 'src': \(reason)", at: location(of: "src")))
        default:
            diagnostics.error("\(kind) 'src' must name a .csv file in the content folder", at: location(of: "src"))
        }
        return nil
    }
}
