/// A pipe table as the page's renderer sees it, to frame it: its header's words, each
/// column's alignment, how many rows, and the line of its header.
public struct PipeTable: Sendable, Equatable {
    public enum Alignment: String, Sendable {
        case none = "", left, center, right
    }

    public var header: [String]
    public var alignments: [Alignment]
    public var rowCount: Int
    public var line: Int
}

/// HTML around a pipe table's `<thead>` and `<tbody>`: it opens and closes the `<table>`.
public struct TableFrame: Sendable, Equatable {
    public var open: String
    public var close: String

    public init(open: String, close: String) {
        self.open = open
        self.close = close
    }

    public static let plain = TableFrame(open: "<table>", close: "</table>")
}

/// Something the author wrote that does not show as written: the page's renderer reports it
/// with the file, so nothing is left out without a word.
public struct MarkdownNotice: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Raw HTML, left out because the site does not allow it: the tag as written.
        case rawHTMLOmitted(String)
        /// A tag GitHub's tag filter disarms (`<script>`, `<iframe>`…), shown as text.
        case tagFiltered(String)
        /// `[^label]` with no `[^label]: …` anywhere on the page; shown as written.
        case footnoteUndefined(String)
        /// `[^label]: …` that no text refers to; left out, as on GitHub.
        case footnoteUnused(String)
        /// A second `[^label]: …` for the same label; the first is used.
        case footnoteDuplicate(String)
        /// A table row with more cells than its header: the extra cells are left out.
        case tableCellsDropped(count: Int, columns: Int)
    }

    public var kind: Kind
    /// In the Markdown text (1-based).
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}

/// Words generated parts of a page show, in the page's language.
public struct MarkdownLabels: Sendable, Equatable {
    /// Heading of the list of footnotes.
    public var footnotes = "Notes"
    /// A footnote's link back to where it is referred to; `{n}` is its number.
    public var backToReference = "Back to reference {n}"
    /// A footnote reference's accessible name; `{n}` is its number.
    public var footnote = "Note {n}"

    public init() {}
}

enum RawHTML {
    /// Raw HTML as a message quotes it: its first line, at most 60 characters.
    static func shown(_ html: String) -> String {
        let line = html.prefix { $0 != "\n" }
        return line.count > 60 ? String(line.prefix(57)) + "…" : String(line)
    }
}
