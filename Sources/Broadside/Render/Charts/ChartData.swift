/// The numbers a chart draws: one category per row of the `x` column, one series per `y` column.
struct ChartData {
    struct Series {
        var name: String
        /// One value per category; nil where the cell is empty (no data, drawn as a gap).
        var values: [Double?]
    }

    var xLabel: String
    var categories: [String]
    var series: [Series]

    /// Reads the columns from `table`; nil after reporting unknown columns, values that are not
    /// numbers (with their place in the CSV) and series with no numbers at all.
    init?(table: DataTable, x: String?, y: [String], xAt: SourceLocation, yAt: SourceLocation, prefix: String,
          diagnostics: inout Diagnostics) {
        let names = table.columns.map(\.name)
        func index(of column: String, key: String, at location: SourceLocation) -> Int? {
            if let index = names.firstIndex(of: column) { return index }
            diagnostics.error("'\(key)' names the column '\(column)', but the CSV's columns are "
                              + names.map { "'\($0)'" }.joined(separator: ", "), at: location)
            return nil
        }
        let xIndex = x.map { index(of: $0, key: "x", at: xAt) } ?? table.keyColumn
        let yIndexes = y.map { index(of: $0, key: "y", at: yAt) }
        guard let xIndex, case let yColumns = yIndexes.compactMap({ $0 }), yColumns.count == y.count else { return nil }

        var failed = false
        xLabel = table.columns[xIndex].label
        categories = table.rows.map { $0.cells[xIndex].text }
        series = yColumns.map { column in
            Series(name: table.columns[column].label, values: table.rows.map { row in
                let cell = row.cells[column]
                switch NumberFormat.parse(cell.text, prefix: prefix) {
                case .number(let value): return value
                case .blank: return nil
                case .invalid:
                    diagnostics.error("'\(cell.text)' in the column '\(table.columns[column].name)' is not a number: write digits "
                                      + "like 1,234 or 12.5, or leave the cell empty when there is no number",
                                      at: SourceLocation(path: table.displayPath, line: cell.line, column: cell.column))
                    failed = true
                    return nil
                }
            })
        }
        for item in series where !failed && item.values.allSatisfy({ $0 == nil }) {
            diagnostics.error("the column '\(item.name)' has no numbers to draw", at: yAt)
            failed = true
        }
        if failed { return nil }
    }

    mutating func sort(_ order: ChartSpec.Order) {
        guard order != .none, let first = series.first else { return }
        let ranked = categories.indices.sorted {
            let a = first.values[$0] ?? -.infinity, b = first.values[$1] ?? -.infinity
            return order == .ascending ? a < b : a > b
        }
        categories = ranked.map { categories[$0] }
        for index in series.indices {
            series[index].values = ranked.map { series[index].values[$0] }
        }
    }

    /// The largest value the axis must reach: the tallest stack when stacked.
    func maximum(stacked: Bool) -> Double {
        if stacked {
            return categories.indices.map { i in series.reduce(0) { $0 + max($1.values[i] ?? 0, 0) } }.max() ?? 0
        }
        return series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
    }

    func minimum() -> Double {
        min(series.flatMap { $0.values.compactMap { $0 } }.min() ?? 0, 0)
    }
}
