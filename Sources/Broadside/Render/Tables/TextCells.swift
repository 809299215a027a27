import BroadsideMarkdown

/// The HTML of a table's text cells: Markdown inline (links, emphasis, code) and bare web
/// addresses as links, rendered safely (author HTML stays out). Each link follows the rule
/// for links in pages: an address the site does not allow is an error, and a path inside the
/// site, read from the CSV's folder, must lead to a page or file. Problems point at the cell
/// and name the page that shows it: a table shown on several pages (and in their languages,
/// whose words may differ) is checked on each.
struct TextCells {
    /// By row, then column: nil where the cell is not text or needs no Markdown.
    private(set) var html: [[String?]]

    init(_ table: DataTable, shownOn page: String, site: Site, address: (Route) -> String, diagnostics: inout Diagnostics) {
        let shownOn = " (shown on \(page))"
        // Raw HTML as the site allows it in pages; quotes as typed, like the cells that need no Markdown.
        let markdown = Markdown(options: MarkdownOptions(allowRawHTML: site.config.rawHTML, smartPunctuation: false))
        html = table.rows.map { row in
            row.cells.enumerated().map { column, cell in
                guard column != table.sourceColumn, !table.columns[column].isCoded, cell.value == nil, Self.mayBeMarkdown(cell.text) else { return nil }
                let place = SourceLocation(path: table.displayPath, line: cell.line, column: cell.column)
                let rendered = markdown.render(cell.text, rewriteLink: { link in
                    Self.rewrite(link, from: table.path, site: site, address: address, at: place, shownOn: shownOn, diagnostics: &diagnostics)
                })
                for notice in rendered.notices {
                    let (rule, message) = notice.finding
                    diagnostics.report(.finding(rule, message + shownOn, at: place))
                }
                guard let html = Self.inline(String(decoding: rendered.htmlBytes, as: UTF8.self)) else { return escapeHTML(cell.text) }
                // A cell that is only an address shows it already: print adds it after other links.
                let isAddress = !cell.text.contains(where: \.isWhitespace) && html.hasPrefix("<a href=\"") && html.hasSuffix("</a>")
                return isAddress ? "<a class=\"address\"" + html.dropFirst(2) : html
            }
        }
    }

    /// Most cells are plain words: only those with a character Markdown reads, or what may be
    /// an address (`://`, `www.`), are rendered. Read by bytes: a large CSV has many cells.
    static func mayBeMarkdown(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "<"),
                 UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "~"):
                return true
            case UInt8(ascii: "/") where previous == UInt8(ascii: ":"), UInt8(ascii: ".") where previous == UInt8(ascii: "w"):
                return true
            default:
                previous = byte
            }
        }
        return false
    }

    /// One paragraph's contents; nil when the Markdown made blocks (a list, a heading), which
    /// a cell shows as the text it is.
    static func inline(_ html: String) -> String? {
        guard html.hasPrefix("<p>"), html.hasSuffix("</p>\n") else { return nil }
        let inner = html.dropFirst(3).dropLast(5)
        return inner.contains("<p>") ? nil : String(inner)
    }

    private static func rewrite(_ link: LinkDestination, from csv: String, site: Site, address: (Route) -> String,
                                at place: SourceLocation, shownOn: String, diagnostics: inout Diagnostics) -> RewrittenLink? {
        switch site.routes.resolve(link.url, from: csv) {
        case .external:
            guard let problem = AuthorURL.problem(link.url, image: link.isImage) else { return nil }
            diagnostics.report(.safety(.unsafeURL, "\(link.isImage ? "image" : "link") '\(link.url)': \(problem)\(shownOn)", at: place))
            return RewrittenLink("")
        case .file(let target):
            return RewrittenLink(address(target))
        case .page(let target, let fragment):
            return RewrittenLink(address(target) + (fragment.map { "#" + $0 } ?? ""))
        case .missing(let reason, let isDraft):
            diagnostics.report(.finding(isDraft ? .draftLink : .brokenLink, "broken \(link.isImage ? "image" : "link"): \(reason)\(shownOn)", at: place))
            return nil
        }
    }
}
