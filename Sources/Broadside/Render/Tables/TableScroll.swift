import BroadsideMarkdown

/// The box every table sits in, CSV or Markdown: it scrolls sideways on a phone (a region a
/// keyboard can reach, named for a screen reader) and keeps the header in view; `print.css`
/// and the theme's print rules lay it out for paper.
enum TableScroll {
    /// Opens the box and the table; `label` is the box's accessible name, given as the id of an
    /// element that names it, or as words.
    static func open(_ label: Label) -> String {
        let name = switch label {
        case .elementID(let id): "aria-labelledby=\"\(escapeHTML(id))\""
        case .words(let words): "aria-label=\"\(escapeHTML(words))\""
        }
        return "<div class=\"table-scroll\" role=\"region\" \(name) tabindex=\"0\">\n<table>\n"
    }

    static let close = "</table>\n</div>\n"

    enum Label {
        case elementID(String)
        case words(String)
    }
}

/// A GitHub pipe table framed as a CSV table is: the same box, rules and print layout. Its
/// name for a screen reader is its columns ("Table: Relief, Bars it?"); a table of more
/// columns than fit the text column takes the page's full width, and a landscape page in print.
struct PipeTableFrame {
    let table: PipeTable
    let strings: Strings
    /// On paper, `path:line` of the table (see `TableHTML.printedFrom`).
    var printedFrom: String?

    var isWide: Bool { table.header.count > 4 }

    var frame: TableFrame {
        let columns = table.header.filter { !$0.isEmpty }.joined(separator: ", ")
        let open = "<div class=\"data-table markdown-table\(isWide ? " wide" : "")\"\(PrintColumns.sourceAttribute(printedFrom))>\n" + TableScroll.open(.words(strings.format("table_label", ["columns": columns])))
        return TableFrame(open: String(open.dropLast(1)), close: "</table>\n</div>\n</div>")
    }
}
