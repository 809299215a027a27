import BroadsideMarkdown

/// A kind of fenced block an author writes in a page, ```` ```table ```` or ```` ```chart ````:
/// its options read from the block's YAML with their problems, apart from the site, then its
/// HTML where the page is shown (the web, a handout). A new kind is a type conforming to this
/// and a line in `FencedBlocks.kinds`.
///
/// The options are read where the page's Markdown is rendered, not when the page is parsed:
/// the blocks are found by cmark's reading of the Markdown, which happens there (once for the
/// web, and again for a handout, whose problems are not reported twice). Finding them at
/// parse time would need a second Markdown reading, or a fence scanner of our own that could
/// disagree with cmark about fences in lists and quotes.
protocol FencedBlockKind {
    /// The word after the opening fence.
    static var info: String { get }
    /// Reads the options, asking `options` for every key the kind knows, whatever their
    /// values (see `YAMLReader`); nil after reporting when the block cannot be shown.
    init?(options: inout YAMLReader, at block: BlockPlace, diagnostics: inout Diagnostics)
    /// The block's HTML on `page`; nil after reporting when it cannot be shown.
    func render(on page: inout BlockPage, diagnostics: inout Diagnostics) -> String?
}

/// Where a block is written.
struct BlockPlace {
    /// The opening fence, for problems of the block as a whole.
    let here: SourceLocation
    /// The fence's info string, as messages name the block: "table".
    let kind: String
    /// Level of the heading the block sits under.
    let sectionLevel: Int
}

/// The page a block is shown on, and what blocks tell the page back.
struct BlockPage {
    let page: ContentPage
    let model: PageContext.Model
    /// The route the HTML is shown at: the page's own, or a handout's.
    let here: Route
    /// Paper's size in a handout; nil on the web.
    let paper: SiteConfig.Paper?
    /// In a bilingual handout, the block sits beside its translation, in half the width.
    let besideTranslation: Bool
    /// Ids the page's blocks have taken, so each is unique on the page.
    var ids: HeadingIDs
    /// A block needs the theme's script (a quick check).
    var needsScript = false
    /// A block is too wide for the text column: the page gives up its sidebar for it.
    var hasWideTable = false
    /// Links, images and blocks' files that lead nowhere, for `BrokenLinkRule`.
    var missingLinks: [PageBody.MissingLink] = []

    var site: Site { model.site }
    var isPrinted: Bool { paper != nil }

    /// The address of another page or file from here: on paper, the site's public address,
    /// which a reader can type.
    func address(_ target: Route) -> String {
        guard isPrinted, let base = site.config.baseURL else { return here.link(to: target) }
        return PageContext.address(of: target, base: base)
    }

    /// `path:line` of a block on paper, for the PDF engine's report of one that runs past the page.
    func printedFrom(_ block: BlockPlace) -> String? {
        isPrinted ? "\(page.source.file.relativePath):\(block.here.line)" : nil
    }
}
