/// What the sidecar says each CSV column is: coded by the legend, text (maybe with a format),
/// or the column of sources. Every column it names must be one of the CSV's headers.
struct TableColumnRoles {
    var coded: Set<Int> = []
    var formats: [Int: CellFormat] = [:]
    var sources: Int?

    init(_ about: TableSidecar, header: [CSVField], columnIndex: [String: Int], keyColumn: Int, diagnostics: inout Diagnostics) {
        let names = header.map { "'\($0.text)'" }.joined(separator: ", ")
        func index(_ name: Located<String>, key: String) -> Int? {
            if let index = columnIndex[name.value] { return index }
            diagnostics.error("'\(key)' names the column '\(name.value)', but the CSV's columns are \(names)", at: name.location)
            return nil
        }
        if let named = about.sources, let column = index(named, key: "sources") {
            if column == keyColumn {
                diagnostics.error("'sources' names '\(named.value)', the column that names the rows: name the column of source addresses", at: named.location)
            } else {
                sources = column
            }
        }
        if let coding = about.coding {
            for name in coding.columns {
                guard let column = index(name, key: coding.key), coding.key == "coded" else { continue }
                if column == keyColumn || column == sources {
                    let what = column == keyColumn ? "names the rows" : "holds the sources"
                    diagnostics.error("'coded' names '\(name.value)', the column that \(what): the legend cannot code it", at: name.location)
                }
            }
        }
        if !about.legend.isEmpty {
            for (column, field) in header.enumerated() where column != keyColumn && column != sources {
                if about.coding?.codes(field.text.trimmed) ?? true { coded.insert(column) }
            }
        }
        if about.quickCheck, !about.legend.isEmpty, coded.isEmpty, let location = about.quickCheckLocation {
            diagnostics.error("'quick_check' needs a column the legend codes, and 'coded' or 'text' leaves none", at: location)
        }
        for name in about.columnNames { _ = index(name, key: "columns") }
        for (name, format) in about.columnFormats.sorted(by: { $0.value.location < $1.value.location }) {
            guard let column = columnIndex[name] else { continue }
            if coded.contains(column) || column == sources {
                let what = column == sources ? "holds the sources" : "is coded by the legend"
                diagnostics.error("'\(name)' \(what), so it takes no 'format': list it under 'text' to format its values", at: format.location)
            } else {
                formats[column] = format.value
            }
        }
    }
}
