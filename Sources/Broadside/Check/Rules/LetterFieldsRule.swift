import BroadsideMarkdown

/// `letter/unknown-field`, `letter/braces`: each `{{field}}` of a letter page's text and call
/// script names a column of its CSV. Checked with the page, on every build: editing the text
/// alone does not assemble the site again, and a field the CSV lacks would print as written.
/// The call script's Markdown is checked here too (links, addresses), as the body is when the
/// page is rendered: the script is rendered on other pages, which report nothing.
struct LetterFieldsRule: PageRule {
    var rules: [Rule] { [.letterUnknownField, .letterBraces, .letterOfficials] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        let frontMatter = page.frontMatter
        guard let letter = frontMatter.letter else {
            if let at = frontMatter.callScriptLocation {
                diagnostics.report(.finding(.letterOfficials, "`call_script:` is read only on a letter's page: add `letter: {to: officials.csv}`, or remove it", at: at))
            }
            return
        }
        // Without its CSV the letter is reported already, where `letter:` names it.
        guard let table = page.site.tables[LetterAssembly.tablePath(letter.to, besidePage: page.page.sourcePath)] else { return }
        let columns = table.columns.map(\.name)
        var used: [(name: String, at: SourceLocation)] = []
        for field in LetterText.fields(in: page.page.source.body) {
            let at = page.at(field.line, field.column)
            report(field, in: "letter", columns: columns, csv: letter.to, at: at, diagnostics: &diagnostics)
            if let name = field.name { used.append((name, at)) }
        }
        if let script = frontMatter.callScript, let start = frontMatter.callScriptLocation {
            var seen: [String: Int] = [:]
            for field in LetterText.fields(in: script[...]) {
                seen[field.text, default: 0] += 1
                let at = Self.place(of: field.text, occurrence: seen[field.text]!, in: page.page.source.head, from: start)
                report(field, in: "call script", columns: columns, csv: letter.to, at: at, diagnostics: &diagnostics)
                if let name = field.name { used.append((name, at)) }
            }
            checkMarkdown(script, of: page, from: start, diagnostics: &diagnostics)
        }
        reportEmptyCells(used, in: table, diagnostics: &diagnostics)
    }

    /// A field an official's row leaves empty would fill in nothing ("Dear , …"): said at the
    /// cell, once for each column the letter or call script uses.
    private func reportEmptyCells(_ used: [(name: String, at: SourceLocation)], in table: DataTable, diagnostics: inout Diagnostics) {
        let nameColumn = table.columns.firstIndex { $0.name == "name" }
        var reported: Set<String> = []
        // An official without a name or county is an error of its own already.
        for (field, at) in used where !reported.contains(field) && field != "name" && field != "county" {
            reported.insert(field)
            guard let column = table.columns.firstIndex(where: { $0.name == field }) else { continue }
            for row in table.rows where column < row.cells.count && row.cells[column].text.isEmpty {
                let cell = row.cells[column]
                let who = nameColumn.flatMap { $0 < row.cells.count ? row.cells[$0].text : nil } ?? "this official"
                diagnostics.report(.finding(.letterOfficial,
                    "\(who) has no \(field), and the letter uses {{\(field)}} (\(at.path):\(at.line):\(at.column)), which would fill in nothing: fill in the cell, or take the field out of the letter",
                    at: SourceLocation(path: table.displayPath, line: cell.line > 0 ? cell.line : row.line, column: max(cell.column, 1))))
            }
        }
    }

    /// The script rendered as the page's body would be, its problems reported at the lines of
    /// the front matter it is written on (a block `|` starts on the line after the key).
    private func checkMarkdown(_ script: String, of checked: CheckedPage, from start: SourceLocation, diagnostics: inout Diagnostics) {
        let page = checked.page
        var copy = page
        let lines = page.source.head.split(separator: "\n", omittingEmptySubsequences: false)
        let keyLine = lines.dropFirst(start.line - 1).first ?? ""
        let block = keyLine.contains("call_script: |") || keyLine.contains("call_script: >")
        // A block's lines are indented in the file: indented alike here (up to 3 spaces, which
        // Markdown reads the same), columns match the file's.
        let indent = block ? (lines.dropFirst(start.line).first?.prefix { $0 == " " }.count ?? 0) : 0
        let text = indent > 0 && indent < 4
            ? script.split(separator: "\n", omittingEmptySubsequences: false).map { String(repeating: " ", count: indent) + $0 }.joined(separator: "\n")
            : script
        let file = SourceFile(relativePath: page.sourcePath, displayPath: page.source.file.displayPath, text: text)
        copy.source = PageSource(file: file, frontMatter: page.frontMatter, bodyStart: file.text.startIndex,
                                 bodyLineOffset: start.line - (block ? 0 : 1))
        let markdown = Markdown(options: MarkdownOptions(allowRawHTML: checked.site.config.rawHTML, reservedIDs: PageBody.reservedIDs))
        let model = PageContext.Model(site: checked.site, edition: checked.site.edition(page.language))
        let body = PageBody(copy, model: model, markdown: markdown, diagnostics: &diagnostics)
        for link in body.missingLinks {
            diagnostics.report(.finding(link.isDraft ? .draftLink : .brokenLink, "\(link.what): \(link.reason)", at: link.location))
        }
    }

    private func report(_ field: LetterText.Field, in what: String, columns: [String], csv: String, at: SourceLocation,
                        diagnostics: inout Diagnostics) {
        guard let name = field.name else {
            diagnostics.report(.finding(.letterBraces, "the \(what) has \(field.text.prefix(20)), which fills in no column: write a column's name between the braces, "
                                        + "like {{county}}, or \\{{ to show the braces themselves", at: at))
            return
        }
        guard !columns.contains(name) else { return }
        let meant = columns.min { EditDistance.between(Array(name.utf8), Array($0.utf8)) < EditDistance.between(Array(name.utf8), Array($1.utf8)) }
            .flatMap { EditDistance.between(Array(name.lowercased().utf8), Array($0.lowercased().utf8), limit: 2) <= 2 ? $0 : nil }
        diagnostics.report(.finding(.letterUnknownField, "the \(what) uses {{\(name)}}, but \(csv) has no such column (columns: \(columns.joined(separator: ", ")))"
                                    + (meant.map { "; did you mean {{\($0)}}?" } ?? ""), at: at))
    }

    /// Where the `occurrence`th `text` is in the front matter, from the line its value starts
    /// on: the value as read has lost the indentation and quotes the file has.
    static func place(of text: String, occurrence: Int, in head: Substring, from start: SourceLocation) -> SourceLocation {
        var count = 0
        for (offset, line) in head.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            guard number >= start.line else { continue }
            var rest = line[...]
            while let range = rest.range(of: text) {
                count += 1
                if count == occurrence {
                    return SourceLocation(path: start.path, line: number, column: line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
                rest = rest[range.upperBound...]
            }
        }
        return start
    }
}
