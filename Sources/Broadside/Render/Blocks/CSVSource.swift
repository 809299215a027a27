/// The CSV a block's `src` names, as ```` ```table ```` and ```` ```chart ```` blocks read it.
struct CSVSource {
    let src: String?
    let block: BlockPlace
    /// Where `src` is written, or the fence when it is not.
    let location: SourceLocation

    init(_ options: inout YAMLReader, at block: BlockPlace, diagnostics: inout Diagnostics) {
        src = options.string("src", diagnostics: &diagnostics)
        self.block = block
        location = options.location(ofValue: "src") ?? block.here
    }

    /// The table `src` names, in the page's language, and its address from the page; nil after
    /// reporting why not. A CSV that failed to parse was reported in its own file.
    func table(on page: inout BlockPage, diagnostics: inout Diagnostics) -> (table: DataTable, url: String)? {
        let kind = block.kind
        guard let src else {
            diagnostics.error("this \(kind) block has no 'src': add a line like `src: relief-bars.csv`", at: block.here)
            return nil
        }
        switch page.site.routes.resolve(src, from: page.page.source.file.relativePath) {
        case .file(let route) where route.path.hasSuffix(".csv"):
            return page.site.tables[route.path].map { ($0.localized(page.page.language), page.address(route)) }
        case .missing(let reason, _):
            page.missingLinks.append(PageBody.MissingLink(location: location, what: "\(kind) 'src'", reason: reason))
        default:
            diagnostics.error("\(kind) 'src' must name a .csv file in the content folder", at: location)
        }
        return nil
    }
}
