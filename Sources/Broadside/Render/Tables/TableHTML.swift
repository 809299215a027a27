/// Turns an embedded table into accessible HTML: a real `<table>` with scoped headers, every
/// coded value shown as symbol and words (never color alone), text cells as safe Markdown,
/// numbers and dates in the reader's language, notes as numbered footnotes, sources as marks
/// on the row names, then the key, sources, source line and download link that make a chart
/// trustworthy on screen and on paper.
struct TableHTML {
    let embed: TableEmbed
    /// Unique on the page: `table-relief-bars`.
    let id: String
    let strings: Strings
    /// The paper of a handout the table prints in; nil on the web.
    var paper: SiteConfig.Paper?
    /// On paper, whether the table sits beside its translation in a bilingual handout.
    var besideTranslation = false
    /// On paper, `path:line` of the block, for the PDF engine's report of a table that still
    /// runs past the page.
    var printedFrom: String?

    var table: DataTable { embed.table }
    /// Headings the table adds (quick check, card titles) sit one level below the text's.
    var headingLevel: Int { min(max(embed.sectionLevel + 1, 2), 6) }
    var about: TableSidecar { table.about }
    /// Every table needs a caption; without one in the block or sidecar, the file name serves.
    var caption: String {
        embed.caption ?? about.caption ?? about.title ?? Slug.humanize(String(table.path.lastPathComponent.dropLast(".csv".count)))
    }
    /// More columns than fit a portrait page: printed on a landscape page.
    var isWide: Bool { embed.display == .table && table.shownColumns.count > 4 }

    func render() -> String {
        var html = ""
        var notes = FootnoteNumbers()
        var sources = FootnoteNumbers()
        var body = ""
        var small = false
        if embed.display == .cards {
            body = cards(notes: &notes, sources: &sources)
        } else if let paper {
            let shown = table.shownColumns, key = shown.firstIndex(of: table.keyColumn) ?? 0
            let width = PrintColumns.textWidth(paper, wide: isWide, besideTranslation: besideTranslation)
            let plan = PrintColumns.plan(shown.map(printedTexts), key: key, pageWidth: width)
            small = plan.fontSize < PrintColumns.regular
            for (index, part) in plan.parts.enumerated() {
                let columns = ([key] + part).map { shown[$0] }
                body += grid(columns, part: plan.parts.count > 1 ? (index + 1, plan.parts.count) : nil, notes: &notes, sources: &sources)
            }
        } else {
            body = grid(table.shownColumns, part: nil, notes: &notes, sources: &sources)
        }
        // The quick check comes first, outside the figure: a figure's caption must open it.
        if embed.quickCheck {
            html += QuickCheckHTML(table: table, tableID: id, headingLevel: headingLevel, strings: strings).render()
        }
        html += "<figure class=\"data-table\(isWide ? " wide" : "")\(small ? " small-type" : "")\" id=\"\(id)\"\(PrintColumns.sourceAttribute(printedFrom))>\n"
        html += body
        html += legend()
        if !notes.texts.isEmpty {
            html += "<ol class=\"table-notes\" aria-label=\"\(escapeHTML(strings["table_notes"]))\">\n"
            for (index, text) in notes.texts.enumerated() {
                // Notes follow a keyword ("depends: if…") in the data; as sentences they start with a capital.
                let sentence = text.prefix(1).uppercased() + text.dropFirst()
                html += "<li id=\"\(id)-note-\(index + 1)\">\(escapeHTML(sentence))</li>\n"
            }
            html += "</ol>\n"
        }
        html += sourceList(sources.texts)
        html += sourceLine()
        html += "</figure>\n"
        return html
    }

    /// The table with the columns `shown`; on paper, perhaps one `part` of several, each
    /// repeating the key column and saying which part it is.
    private func grid(_ shown: [Int], part: (number: Int, count: Int)?, notes: inout FootnoteNumbers, sources: inout FootnoteNumbers) -> String {
        // Looked up once, not for each of a large table's cells.
        let table = self.table, classes = table.columns.indices.map(numberClass)
        var title = caption, titleID = id + "-title"
        if let part {
            let which = strings.format("table_part", ["part": "\(part.number)", "parts": "\(part.count)"])
            title += part.number == 1 ? " (\(which))" : " (\(strings["table_continued"]), \(which))"
            if part.number > 1 { titleID += "-\(part.number)" }
        }
        var html = ""
        if paper == nil {
            // The visible title stays outside the scrolling box so phones show all of it; the
            // table keeps its own caption for screen readers.
            html += "<figcaption class=\"table-title\" id=\"\(titleID)\">\(escapeHTML(title))</figcaption>\n"
            html += TableScroll.open(.elementID(titleID))
            html += "<caption class=\"visually-hidden\">\(escapeHTML(title))</caption>\n"
        } else {
            // Paper does not scroll: the title is the table's own caption, which the PDF's tags
            // keep with it, and a hidden copy would only muddle the PDF's text.
            html += TableScroll.open(.elementID(titleID))
            html += "<caption class=\"table-title\" id=\"\(titleID)\">\(escapeHTML(title))</caption>\n"
        }
        html += "<thead>\n<tr>"
        for index in shown {
            html += "<th scope=\"col\"\(classes[index])>\(escapeHTML(table.columns[index].label))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for (rowIndex, row) in table.rows.enumerated() {
            html += "<tr>"
            for index in shown {
                let cell = row.cells[index]
                if index == table.keyColumn {
                    html += "<th scope=\"row\">\(rowName(row, rowIndex, sources: &sources))</th>"
                } else if let entry = cell.entry {
                    html += "<td class=\"value-\(entry.style.rawValue)\" data-style=\"\(entry.style.rawValue)\">\(value(cell, entry, notes: &notes))</td>"
                } else {
                    html += "<td\(classes[index])>\(text(cell, rowIndex, index))</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n" + TableScroll.close
    }

    private func cards(notes: inout FootnoteNumbers, sources: inout FootnoteNumbers) -> String {
        var html = "<figcaption class=\"table-title\" id=\"\(id)-title\">\(escapeHTML(caption))</figcaption>\n"
        html += "<ul class=\"table-cards\" role=\"list\" aria-labelledby=\"\(id)-title\">\n"
        let shownColumns = table.shownColumns
        for (rowIndex, row) in table.rows.enumerated() {
            html += "<li class=\"table-card\">\n<h\(headingLevel)>\(rowName(row, rowIndex, sources: &sources))</h\(headingLevel)>\n<dl>\n"
            for index in shownColumns where index != table.keyColumn {
                let cell = row.cells[index]
                let shown = cell.entry.map { value(cell, $0, notes: &notes) } ?? text(cell, rowIndex, index)
                html += "<div><dt>\(escapeHTML(table.columns[index].label))</dt><dd>\(shown)</dd></div>\n"
            }
            html += "</dl>\n</li>\n"
        }
        return html + "</ul>\n"
    }

    /// The row's name, then a numbered mark for each of its sources.
    private func rowName(_ row: DataTable.Row, _ rowIndex: Int, sources: inout FootnoteNumbers) -> String {
        let name = text(row.cells[table.keyColumn], rowIndex, table.keyColumn)
        guard let column = table.sourceColumn else { return name }
        let addresses = row.cells[column].text.split(whereSeparator: \.isWhitespace)
        guard !addresses.isEmpty else { return name }
        var html = "<span class=\"row-name\">\(name)</span>"
        for address in addresses {
            let number = sources.number(for: String(address))
            html += "<sup class=\"source-ref\"><a href=\"#\(id)-source-\(number)\" aria-label=\"\(escapeHTML(strings["source"])) \(number)\">[\(number)]</a></sup>"
        }
        return html
    }

    /// A text cell: its value in the column's format, its Markdown, or its words.
    private func text(_ cell: DataTable.Cell, _ row: Int, _ column: Int) -> String {
        if let value = cell.value, let format = embed.table.columns[column].format {
            return escapeHTML(CellText(strings: strings).shown(value, format: format, typed: cell.text))
        }
        return embed.textCells.html[row][column] ?? escapeHTML(cell.text)
    }

    /// A column's words as paper shows them, header first, for `PrintColumns` to measure.
    private func printedTexts(_ column: Int) -> [String] {
        [table.columns[column].label] + table.rows.map { row in
            let cell = row.cells[column]
            if let entry = cell.entry { return entry.symbol + " " + entry.label + (cell.note == nil ? "" : "99") }
            if let value = cell.value, let format = table.columns[column].format { return CellText(strings: strings).shown(value, format: format, typed: cell.text) }
            return cell.text
        }
    }

    /// Numbers line up by their last digit, in figures of one width.
    private func numberClass(_ column: Int) -> String {
        table.columns[column].format?.isNumeric == true && column != table.keyColumn ? " class=\"number\"" : ""
    }

    /// `✖ Bars it³`: the symbol is decoration, the words carry the meaning.
    private func value(_ cell: DataTable.Cell, _ entry: LegendEntry, notes: inout FootnoteNumbers) -> String {
        var html = ""
        // A no-break space keeps the symbol on the line of its word.
        if !entry.symbol.isEmpty { html += "<span class=\"symbol\" aria-hidden=\"true\">\(escapeHTML(entry.symbol))</span>&nbsp;" }
        html += escapeHTML(entry.label)
        if let note = cell.note {
            let number = notes.number(for: note)
            html += "<sup class=\"note-ref\"><a href=\"#\(id)-note-\(number)\" aria-label=\"\(escapeHTML(strings["table_note"])) \(number)\">\(number)</a></sup>"
        }
        return html
    }

    private func legend() -> String {
        guard !about.legend.isEmpty else { return "" }
        var html = "<div class=\"table-legend\">\n<p class=\"legend-title\" id=\"\(id)-legend\">\(escapeHTML(strings["table_key"]))</p>\n"
        html += "<ul role=\"list\" aria-labelledby=\"\(id)-legend\">\n"
        for entry in about.legend {
            html += "<li class=\"value-\(entry.style.rawValue)\">"
            if !entry.symbol.isEmpty { html += "<span class=\"symbol\" aria-hidden=\"true\">\(escapeHTML(entry.symbol))</span> " }
            html += "<strong>\(escapeHTML(entry.label))</strong>"
            if entry.label.lowercased() != entry.keyword.lowercased() {
                let keyword = "<code>\(escapeHTML(entry.keyword))</code>"
                html += " <span class=\"legend-keyword\">(\(escapeHTML(strings["table_in_data"]).replacingOccurrences(of: "{keyword}", with: keyword)))</span>"
            }
            html += "</li>\n"
        }
        return html + "</ul>\n</div>\n"
    }

    /// Each source once, in order of first mark, its address in full: on paper a reader types it.
    private func sourceList(_ addresses: [String]) -> String {
        guard !addresses.isEmpty else { return "" }
        var html = "<div class=\"table-sources\">\n<p class=\"legend-title\" id=\"\(id)-sources\">\(escapeHTML(strings["table_sources"]))</p>\n"
        html += "<ol aria-labelledby=\"\(id)-sources\">\n"
        for (index, address) in addresses.enumerated() {
            html += "<li id=\"\(id)-source-\(index + 1)\"><a href=\"\(escapeHTML(address))\">\(escapeHTML(address))</a></li>\n"
        }
        return html + "</ol>\n</div>\n"
    }

    private func sourceLine() -> String {
        var parts: [String] = []
        if let name = about.sourceName {
            let shown = about.sourceURL.map { "<a href=\"\(escapeHTML($0))\">\(escapeHTML(name))</a>" } ?? escapeHTML(name)
            parts.append("\(escapeHTML(strings["source"])): \(shown).")
        }
        if let day = about.asOf {
            parts.append(escapeHTML(strings.format("as_of", ["date": strings.date(day)])))
        }
        parts.append("<a class=\"download\" href=\"\(escapeHTML(embed.csvURL))\" download>\(escapeHTML(strings["download_csv"]))</a>")
        return "<p class=\"table-source\">\(parts.joined(separator: " "))</p>\n"
    }
}

/// Numbers notes (or sources) in order of first use; one repeated in many cells is printed once.
struct FootnoteNumbers {
    private(set) var texts: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func number(for text: String) -> Int {
        if let number = numbers[text] { return number }
        texts.append(text)
        numbers[text] = texts.count
        return texts.count
    }
}
