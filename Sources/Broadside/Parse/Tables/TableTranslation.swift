/// `NAME.<code>.yml` beside `NAME.csv`: the table's words in another language. The data
/// stays in one CSV, so a fix to it reaches every language at once; only what readers see
/// (title, caption, source line, column labels, legend labels, row names, notes, text cells) is translated.
public struct TableTranslation: Sendable, Equatable {
    public var title: String?
    public var caption: String?
    public var sourceName: String?
    /// CSV header → label; legend keyword → label; key-column value → name; note → note.
    public var columns: [String: String] = [:]
    public var legend: [String: String] = [:]
    public var rows: [String: String] = [:]
    public var notes: [String: String] = [:]
    /// A text cell (not coded, not a number or date) → its words; many, like citations, need none.
    public var cells: [String: String] = [:]

    /// Reads the file and reports words that match nothing in `table` (a typo would silently
    /// leave them untranslated) and, once, what is still untranslated.
    static func parse(_ file: SourceFile, for table: DataTable, language: Language, diagnostics: inout Diagnostics) -> TableTranslation {
        var words = TableTranslation()
        guard let read = YAMLFields(yaml: file.text, path: file.displayPath, lineOffset: 0, what: "table translation",
                                    diagnostics: &diagnostics) else { return words }
        var fields = YAMLReader(read)
        words.title = fields.string("title", diagnostics: &diagnostics)
        words.caption = fields.string("caption", diagnostics: &diagnostics)
        if var source = fields.group("source", diagnostics: &diagnostics) {
            words.sourceName = source.string("name", diagnostics: &diagnostics)
            source.finish(what: "source", diagnostics: &diagnostics)
        }
        let keyColumn = table.keyColumn
        let known: [(key: String, what: String, values: [String])] = [
            ("columns", "a column of \(table.displayPath)", table.shownColumns.map { table.columns[$0].name }),
            ("legend", "a legend keyword of the table", table.about.legend.map(\.keyword)),
            ("rows", "a row name in the column '\(table.columns[keyColumn].name)'", table.rows.map { $0.cells[keyColumn].text }),
            ("notes", "a note in \(table.displayPath)", table.rows.flatMap { $0.cells.compactMap(\.note) }),
            ("cells", "a text cell of \(table.displayPath)", table.textCells),
        ]
        var untranslated: [String] = []
        for (key, what, values) in known {
            var map: [String: String] = [:]
            if let group = fields.mapping(key, diagnostics: &diagnostics) {
                for name in group.keys {
                    guard let text = group.string(name, diagnostics: &diagnostics) else { continue }
                    if values.contains(name) {
                        map[name] = text
                    } else if let location = group.location(ofKey: name) {
                        diagnostics.warning("'\(name)' is not \(what), so it translates nothing: copy it exactly from the data", at: location)
                    }
                }
            }
            let missing = Set(values).subtracting(map.keys).count
            // Text cells are often the same in every language (a statute, an address): none is missing.
            if missing > 0 && key != "cells" { untranslated.append("\(key) (\(missing))") }
            switch key {
            case "columns": words.columns = map
            case "legend": words.legend = map
            case "rows": words.rows = map
            case "notes": words.notes = map
            default: words.cells = map
            }
        }
        fields.finish(what: "table translation", diagnostics: &diagnostics)
        if !untranslated.isEmpty {
            diagnostics.report(.finding(.missingTranslation,
                "no \(language.name) words here yet for some \(untranslated.joined(separator: ", ")) of \(table.displayPath): \(language.name) pages show those as the data has them",
                at: SourceLocation(path: file.displayPath)))
        }
        return words
    }
}

extension DataTable {
    /// The words of its text cells, each once: not the row names, codes, numbers, dates or sources.
    var textCells: [String] {
        var seen = Set<String>()
        return rows.flatMap { row in
            row.cells.enumerated().compactMap { column, cell in
                column == keyColumn || column == sourceColumn || cell.entry != nil || cell.value != nil || cell.text.isEmpty
                    || !seen.insert(cell.text).inserted ? nil : cell.text
            }
        }
    }

    /// This table as readers of `language` see it: the same data in their words.
    public func localized(_ language: String) -> DataTable {
        guard let words = translations[language] else { return self }
        var table = self
        table.about.title = words.title ?? about.title
        table.about.caption = words.caption ?? about.caption
        table.about.sourceName = words.sourceName ?? about.sourceName
        for index in table.columns.indices {
            table.columns[index].label = words.columns[columns[index].name] ?? columns[index].label
        }
        func translated(_ entry: LegendEntry) -> LegendEntry {
            var entry = entry
            entry.label = words.legend[entry.keyword] ?? entry.label
            return entry
        }
        table.about.legend = about.legend.map(translated)
        for row in table.rows.indices {
            for column in table.rows[row].cells.indices {
                var cell = table.rows[row].cells[column]
                if column == keyColumn {
                    cell.text = words.rows[cell.text] ?? cell.text
                } else if cell.entry == nil && cell.value == nil {
                    cell.text = words.cells[cell.text] ?? cell.text
                }
                cell.entry = cell.entry.map(translated)
                cell.note = cell.note.map { words.notes[$0] ?? $0 }
                table.rows[row].cells[column] = cell
            }
        }
        return table
    }
}
