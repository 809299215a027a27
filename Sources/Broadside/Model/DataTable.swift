/// A CSV file read as a table, with what its sidecar `NAME.yml` says about it.
public struct DataTable: Sendable {
    public struct Column: Sendable, Equatable {
        /// The header as written in the CSV.
        public var name: String
        /// What readers see: the sidecar's label for it, or the name.
        public var label: String
        /// Its cells are legend words (the quick check's choices); other columns are text.
        public var isCoded = false
        /// How its values are written; nil for text as typed.
        public var format: CellFormat?
    }

    public struct Cell: Sendable, Equatable {
        public var text: String
        /// The legend entry the cell's leading keyword matched, when there is a legend.
        public var entry: LegendEntry?
        /// What follows `keyword:` in the cell.
        public var note: String?
        /// The number or date in it, in a column with a format.
        public var value: CellValue?
        /// Where the cell starts in the CSV, for messages about its value.
        public var line = 0
        public var column = 0
    }

    public struct Row: Sendable {
        public var cells: [Cell]
        public var line: Int
    }

    /// Relative path of the CSV under Content/.
    public var path: String
    /// The same path as messages show it.
    public var displayPath: String
    public var columns: [Column]
    /// The column whose cells name their rows (`<th scope="row">`).
    public var keyColumn: Int
    /// The sidecar's `sources:` column: its addresses become marks on the row names, not a column.
    public var sourceColumn: Int?
    public var rows: [Row]
    public var about: TableSidecar
    /// `NAME.<code>.yml`: the table's words in other languages, by language code.
    public var translations: [String: TableTranslation] = [:]

    /// The columns readers see, in order: all but the source column.
    public var shownColumns: [Int] { columns.indices.filter { $0 != sourceColumn } }
}

/// One value of a table's vocabulary: `bar` shown as "✖ Bars it", drawn in the `bar` style.
public struct LegendEntry: Sendable, Equatable {
    /// How a reader's screening weighs a cell: the quick check reports the heaviest one.
    public enum Style: String, Sendable, CaseIterable {
        case bar, caution, ok, neutral
    }

    public var keyword: String
    public var label: String
    public var symbol: String
    public var style: Style
}
