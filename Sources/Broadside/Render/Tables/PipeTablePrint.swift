/// A Markdown pipe table on paper, fitted as a CSV table is (`PrintColumns`): smaller type, then
/// parts that repeat the first column. It works on the HTML the Markdown module made for the
/// table, whose rows and cells each stand on a line of their own.
struct PipeTablePrint {
    let paper: SiteConfig.Paper
    let besideTranslation: Bool
    let strings: Strings

    static let opening = "<div class=\"data-table markdown-table"
    static let closing = "</table>\n</div>\n</div>"

    /// `html` with each pipe table in it fitted to the page.
    func fitted(_ html: String) -> String {
        guard html.contains(Self.opening) else { return html }
        var result = ""
        var rest = html[...]
        while let start = rest.range(of: Self.opening), let end = rest[start.lowerBound...].range(of: Self.closing) {
            result += rest[..<start.lowerBound]
            result += fitted(table: rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
        }
        return result + rest
    }

    /// One table: its opening lines up to `<table>`, its rows as lists of cell lines.
    private func fitted(table html: Substring) -> String {
        let lines = html.split(separator: "\n", omittingEmptySubsequences: false)
        guard let tableLine = lines.firstIndex(of: "<table>") else { return String(html) }
        var rows: [(header: Bool, cells: [Substring])] = []
        var inHeader = false
        for line in lines {
            if line == "<thead>" { inHeader = true } else if line == "</thead>" { inHeader = false }
            if line == "<tr>" { rows.append((inHeader, [])) }
            if line.hasPrefix("<th") || line.hasPrefix("<td"), !rows.isEmpty { rows[rows.count - 1].cells.append(line) }
        }
        let count = rows.first?.cells.count ?? 0
        guard count > 1, rows.allSatisfy({ $0.cells.count == count }) else { return String(html) }
        let columns = (0..<count).map { column in rows.map { Self.words($0.cells[column]) } }
        // More than four columns print on a landscape page (`PipeTableFrame.isWide`).
        let width = PrintColumns.textWidth(paper, wide: lines[0].contains(" wide"), besideTranslation: besideTranslation)
        let plan = PrintColumns.plan(columns, key: 0, pageWidth: width)
        let small = plan.fontSize < PrintColumns.regular
        let outer = String(lines[0]).replacingOccurrences(of: "markdown-table", with: "markdown-table" + (small ? " small-type" : ""))
        guard plan.parts.count > 1 else { return outer + "\n" + lines[1...].joined(separator: "\n") }
        let region = lines[1..<tableLine].joined(separator: "\n")
        var fitted = outer + "\n"
        for (index, part) in plan.parts.enumerated() {
            let which = strings.format("table_part", ["part": "\(index + 1)", "parts": "\(plan.parts.count)"])
            let title = index == 0 ? which : "\(strings["table_continued"]), \(which)"
            fitted += region + "\n<table>\n<caption class=\"table-title\">(\(escapeHTML(title)))</caption>\n"
            for (number, row) in rows.enumerated() {
                if number == 0 { fitted += row.header ? "<thead>\n" : "<tbody>\n" }
                fitted += "<tr>\n" + ([0] + part).map { row.cells[$0] }.joined(separator: "\n") + "\n</tr>\n"
                if row.header, number + 1 < rows.count, !rows[number + 1].header { fitted += "</thead>\n<tbody>\n" }
            }
            fitted += (rows.last?.header == true ? "</thead>" : "</tbody>") + "\n</table>\n</div>\n"
        }
        return fitted + "</div>"
    }

    /// A cell's words, without its tags and with its entities as one character each.
    private static func words(_ cell: Substring) -> String {
        var words = "", inTag = false, inEntity = false
        for character in cell {
            switch character {
            case "<": inTag = true
            case ">": inTag = false
            case "&" where !inTag: inEntity = true; words.append("x")
            case ";" where inEntity: inEntity = false
            default: if !inTag && !inEntity { words.append(character) }
            }
        }
        return words
    }
}
