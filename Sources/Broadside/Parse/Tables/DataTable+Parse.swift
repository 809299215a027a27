import Foundation

extension DataTable {
    /// Every CSV under Content/ with its sidecar, by relative path. Each is checked whether or
    /// not a page embeds it: a broken download is as bad as a broken table.
    /// `translated` are the languages other than the default: a `NAME.<code>.yml` beside the
    /// CSV gives the table's words in that language.
    static func parseAll(_ files: [SourceFile], translated: [Language] = [], diagnostics: inout Diagnostics) -> [String: DataTable] {
        let byPath = Dictionary(files.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        var tables: [String: DataTable] = [:]
        for file in files where file.relativePath.hasSuffix(".csv") {
            let stem = String(file.relativePath.dropLast(".csv".count))
            guard var table = parse(csv: file, sidecar: byPath[stem + ".yml"], diagnostics: &diagnostics) else { continue }
            for language in translated {
                guard let words = byPath["\(stem).\(language.code).yml"] else { continue }
                table.translations[language.code] = TableTranslation.parse(words, for: table, language: language, diagnostics: &diagnostics)
            }
            tables[file.relativePath] = table
        }
        return tables
    }

    /// The table in `csv`, or nil after reporting every problem found in it.
    static func parse(csv: SourceFile, sidecar: SourceFile?, diagnostics: inout Diagnostics) -> DataTable? {
        let about = sidecar.map { TableSidecar.parse($0, diagnostics: &diagnostics) } ?? TableSidecar()
        guard let records = CSV.parse(csv, diagnostics: &diagnostics) else { return nil }
        func at(_ field: CSVField) -> SourceLocation {
            SourceLocation(path: csv.displayPath, line: field.line, column: field.column)
        }
        guard let header = records.first else {
            diagnostics.error("this CSV file is empty: its first line must name the columns", at: SourceLocation(path: csv.displayPath))
            return nil
        }
        let errorsBefore = diagnostics.errorCount
        var columnIndex: [String: Int] = [:]
        for (index, field) in header.enumerated() {
            let name = field.text.trimmed
            if name.isEmpty {
                diagnostics.error("column \(index + 1) has no name: give every column a name in the first line", at: at(field))
            } else if let first = columnIndex[name] {
                diagnostics.error("the column name '\(name)' is used twice (also column \(first + 1)): each column needs its own name", at: at(field))
            } else {
                columnIndex[name] = index
            }
        }
        var keyColumn = 0
        if let key = about.key {
            if let index = columnIndex[key] {
                keyColumn = index
            } else {
                let names = header.map { "'\($0.text)'" }.joined(separator: ", ")
                diagnostics.error("'key' names the column '\(key)', but the CSV's columns are \(names)",
                                  at: about.keyLocation ?? SourceLocation(path: csv.displayPath))
            }
        }
        let keyName = header[keyColumn].text
        let roles = TableColumnRoles(about, header: header, columnIndex: columnIndex, keyColumn: keyColumn, diagnostics: &diagnostics)
        let legend = about.legend.sorted { $0.keyword.count > $1.keyword.count }
        let vocabulary = about.legend.map(\.keyword).joined(separator: ", ")

        var rows: [Row] = []
        var firstLineOfKey: [String: Int] = [:]
        for record in records.dropFirst() {
            guard record.count == header.count else {
                diagnostics.error("this row has \(record.count) field\(record.count == 1 ? "" : "s") but the header has \(header.count): "
                                  + "check for a missing or extra comma, or quote a value that contains one", at: at(record[0]))
                continue
            }
            let key = record[keyColumn].text.trimmed
            if key.isEmpty {
                diagnostics.error("this row has no value in the column '\(keyName)', which names the rows", at: at(record[keyColumn]))
            } else if let first = firstLineOfKey[key] {
                diagnostics.error("'\(key)' names two rows (the first is on line \(first)): each row needs its own name in '\(keyName)'",
                                  at: at(record[keyColumn]))
            } else {
                firstLineOfKey[key] = record[keyColumn].line
            }
            var cells: [Cell] = []
            for (index, field) in record.enumerated() {
                let text = field.text.trimmed
                var cell = Cell(text: text, line: field.line, column: field.column)
                if roles.coded.contains(index) {
                    guard let matched = Cell(matching: text, legend: legend) else {
                        let shown = text.isEmpty ? "this empty cell" : "'\(text)'"
                        diagnostics.error("\(shown) matches no legend entry: start the cell with one of \(vocabulary)", at: at(field))
                        continue
                    }
                    (cell.entry, cell.note) = (matched.entry, matched.note)
                } else if let format = roles.formats[index], !text.isEmpty {
                    cell.value = format.value(of: text)
                    if cell.value == nil { diagnostics.error(Self.notA(format, text, column: header[index].text), at: at(field)) }
                } else if index == roles.sources {
                    Self.checkSources(text, at: at(field), column: header[index].text, diagnostics: &diagnostics)
                }
                cells.append(cell)
            }
            rows.append(Row(cells: cells, line: record[0].line))
        }
        guard diagnostics.errorCount == errorsBefore else { return nil }
        var columns = header.map { Column(name: $0.text, label: about.columnLabels[$0.text] ?? $0.text) }
        for index in columns.indices {
            columns[index].isCoded = roles.coded.contains(index)
            columns[index].format = roles.formats[index]
        }
        var table = DataTable(path: csv.relativePath, displayPath: csv.displayPath, columns: columns, keyColumn: keyColumn,
                              sourceColumn: roles.sources, rows: rows, about: about)
        table.findNumberColumns()
        table.findCents()
        return table
    }

    /// A column of plain numbers needs no `format:` to read as one: right-aligned, without a
    /// meaningless `.0`. Blank cells are allowed; a column of blanks is not numbers.
    private mutating func findNumberColumns() {
        for column in columns.indices where column != keyColumn && column != sourceColumn && !columns[column].isCoded && columns[column].format == nil {
            var values: [DecimalText?] = []
            values.reserveCapacity(rows.count)
            // Most text columns show they are not numbers in their first cell.
            for row in rows {
                let text = row.cells[column].text
                guard !text.isEmpty else {
                    values.append(nil)
                    continue
                }
                guard let number = DecimalText(text) else { break }
                values.append(number)
            }
            guard values.count == rows.count, values.contains(where: { $0 != nil }) else { continue }
            columns[column].format = .plain
            for row in rows.indices { rows[row].cells[column].value = values[row].map(CellValue.number) }
        }
    }

    /// A currency column shows cents in every cell when one of them has some.
    private mutating func findCents() {
        for column in columns.indices {
            guard case .currency(let code, _) = columns[column].format else { continue }
            let cents = rows.contains { row in
                guard case .number(let number)? = row.cells[column].value else { return false }
                return !number.withoutZeroFraction.fraction.isEmpty
            }
            columns[column].format = .currency(code: code, cents: cents)
        }
    }

    private static func notA(_ format: CellFormat, _ text: String, column: String) -> String {
        if format == .date {
            return "'\(text)' is not a date written YYYY-MM-DD, like 2026-03-02, as the column '\(column)' has format: date"
        }
        return "'\(text)' is not a number, as the column '\(column)' has format: \(format.spelling): write digits, like 1470925 or 1,470,925.50"
    }

    /// A sources cell holds web addresses, separated by spaces, or nothing. Words in it are
    /// one mistake, said once for the cell.
    private static func checkSources(_ text: String, at location: SourceLocation, column: String, diagnostics: inout Diagnostics) {
        var wordsFound = false
        for address in text.split(whereSeparator: \.isWhitespace).map(String.init) {
            if let problem = AuthorURL.problem(address) {
                diagnostics.report(.safety(.unsafeURL, "source '\(address)': \(problem)", at: location))
            } else if !address.hasPrefix("https://") && !address.hasPrefix("http://") {
                wordsFound = true
            }
        }
        if wordsFound {
            diagnostics.error("'\(text)' in '\(column)' is not a web address: write each source as an address starting with https://, with a space between two",
                              at: location)
        }
    }
}

extension DataTable.Cell {
    init(text: String, line: Int = 0, column: Int = 0) {
        self.init(text: text, entry: nil, note: nil, line: line, column: column)
    }

    /// Matches a cell to the legend entry its text starts with (`depends: if the sentence is
    /// 5 years or more` is `depends` with a note). `legend` is longest keyword first, so
    /// `no bar` wins over `no`.
    init?(matching text: String, legend: [LegendEntry]) {
        let lowered = text.lowercased()
        for entry in legend where lowered.hasPrefix(entry.keyword.lowercased()) {
            var rest = text.dropFirst(entry.keyword.count)
            guard rest.isEmpty || rest.first == ":" || rest.first == " " || rest.first == "(" else { continue }
            if rest.first == ":" { rest = rest.dropFirst() }
            let note = rest.trimmed
            self.init(text: text, entry: entry, note: note.isEmpty ? nil : note)
            return
        }
        return nil
    }
}
