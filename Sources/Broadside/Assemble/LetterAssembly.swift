import Foundation

/// Pages with `letter:`: their officials read from the CSV beside them, each given an address
/// for their page and their printable letter, and each letter listed on its language's Print
/// materials page under the page's title. The fields of the text are checked with the page
/// (`LetterFieldsRule`), on every build, since editing the text alone does not assemble again.
enum LetterAssembly {
    /// The columns every officials' CSV has: the letter's address block and contact details.
    static let columns = ["name", "title", "county", "address", "phone", "email"]

    static func letters(pages: [ContentPage], tables: [String: DataTable], contentFiles: [String], editions: inout [Edition],
                        claims: inout RouteClaims, diagnostics: inout Diagnostics) -> [Letter] {
        var letters: [Letter] = []
        var checked: [String: [Official]?] = [:]  // each CSV's officials, checked once for all the pages that use it
        for page in pages {
            guard let source = page.frontMatter.letter else { continue }
            let display = page.source.file.displayPath
            let path = tablePath(source.to, besidePage: page.sourcePath)
            guard let table = tables[path] else {
                // A CSV that could not be read as a table has had its problems reported already.
                if !contentFiles.contains(path) {
                    diagnostics.report(.finding(.letterOfficials, "the letter is to the officials in '\(source.to)', but there is no Content/\(path): "
                                                + "put the CSV of officials (columns: \(columns.joined(separator: ", "))) beside this page", at: source.toLocation))
                }
                continue
            }
            if checked[path] == nil { checked[path] = officials(in: table, diagnostics: &diagnostics) }
            guard let rows = checked[path] ?? nil else { continue }
            guard let edition = editions.firstIndex(where: { $0.language.code == page.language }) else { continue }
            let prefix = editions[edition].prefix
            let folder = String(page.route.path.dropLast("index.html".count))
            let file = Handout.name(of: page, prefix: prefix)
            let at = source.location
            var officials: [Official] = []
            for var official in rows {
                official.route = Route(folder + official.slug + "/index.html")
                official.print = Route("\(prefix)handouts/\(file)-\(official.slug)/index.html")
                official.pdf = Route("\(prefix)handouts/\(file)-\(official.slug).pdf")
                claims.claim(official.route, by: "the page of \(official.name) for the letter \(display)", at: at, diagnostics: &diagnostics)
                claims.claim(official.print, by: "the letter to \(official.name) of \(display)", at: at, diagnostics: &diagnostics)
                claims.claim(official.pdf, by: "the letter PDF to \(official.name) of \(display)", at: at, diagnostics: &diagnostics)
                officials.append(official)
            }
            let letter = Letter(page: page.route, language: page.language, translationKey: page.translationKey, officials: officials)
            let hasScript = page.frontMatter.callScript != nil
            editions[edition].documents += officials.map { official in
                PrintDocument(route: official.print, pdf: official.pdf, title: "\(official.name) · \(official.county)",
                              language: page.language, group: page.title, source: display, pages: [page.source.file],
                              budget: hasScript ? 2 : 1, budgetLocation: at, what: "letter to \(official.name)",
                              advice: hasScript ? "a letter and its call script may take: shorten the letter or the script"
                                  : "a letter may take: shorten it, so it fits on one page")
            }
            letters.append(letter)
        }
        return letters
    }

    /// Each official's page in every language its letter is in, for the language switcher:
    /// the same official (by the address their name makes) in the letter's translations.
    static func alternates(of letters: [Letter], into alternates: inout [Route: [String: Route]]) {
        var versions: [String: [String: Route]] = [:]
        for letter in letters {
            for official in letter.officials { versions[letter.translationKey + "\u{0}" + official.slug, default: [:]][letter.language] = official.route }
        }
        for routes in versions.values where routes.count > 1 {
            for route in routes.values { alternates[route] = routes }
        }
    }

    /// `officials.csv` beside `letters/da.md` is `letters/officials.csv`.
    static func tablePath(_ to: String, besidePage page: String) -> String {
        var parts = page.parentPath.split(separator: "/").map(String.init)
        for part in to.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The officials of a CSV, or nil after reporting every problem with them. Routes are
    /// the letter's to give.
    private static func officials(in table: DataTable, diagnostics: inout Diagnostics) -> [Official]? {
        let names = table.columns.map(\.name)
        let csv = SourceLocation(path: table.displayPath)
        let missing = columns.filter { !names.contains($0) }
        for column in missing {
            diagnostics.report(.finding(.letterMissingColumn, "a CSV of officials needs a '\(column)' column, and this one has none (columns: \(names.joined(separator: ", "))): "
                                        + "add it to the first line", at: csv))
        }
        guard missing.isEmpty else { return nil }
        guard !table.rows.isEmpty else {
            diagnostics.report(.finding(.letterOfficials, "this CSV of officials lists nobody: add a line for each official under the column names", at: csv))
            return nil
        }
        let errorsBefore = diagnostics.errorCount
        var bySlug: [String: (name: String, line: Int)] = [:]
        var officials: [Official] = []
        for row in table.rows {
            var values: [String: String] = [:]
            var cells: [String: DataTable.Cell] = [:]
            for (index, cell) in row.cells.enumerated() where index < names.count {
                values[names[index]] = cell.text
                cells[names[index]] = cell
            }
            func at(_ column: String) -> SourceLocation {
                SourceLocation(path: table.displayPath, line: cells[column]?.line ?? row.line, column: cells[column]?.column ?? 1)
            }
            let name = values["name"] ?? ""
            for column in ["name", "county"] where (values[column] ?? "").isEmpty {
                diagnostics.report(.finding(.letterOfficial, "this official has no \(column): every letter is addressed to a named official of a county", at: at(column)))
            }
            let slug = Slug.name(name)
            if !name.isEmpty {
                if let first = bySlug[slug] {
                    diagnostics.report(.finding(.letterOfficial, "'\(name)' and '\(first.name)' (line \(first.line)) would share the address \(slug)/: "
                                                + "each official needs a name of their own (add a middle initial)", at: at("name")))
                } else {
                    bySlug[slug] = (name, at("name").line)
                }
            }
            if let email = values["email"], !email.isEmpty, !isEmail(email) {
                diagnostics.report(.finding(.letterContact, "'\(email)' is not an e-mail address a reader could write to: write it like da@example.org, or leave the cell empty",
                                            at: at("email")))
            }
            if let phone = values["phone"], !phone.isEmpty, !isPhone(phone) {
                diagnostics.report(.finding(.letterContact, "'\(phone)' is not a phone number a reader could call: write its digits, like (555) 010-2400, or leave the cell empty",
                                            at: at("phone")))
            }
            officials.append(Official(name: name, values: values, slug: slug, route: Route(""), print: Route(""), pdf: Route("")))
        }
        return diagnostics.errorCount == errorsBefore ? officials : nil
    }

    /// One address, `local@domain.tld`, with nothing a `mailto:` link would read as more.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let allowed = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || ".-_+".contains(c)) }
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(allowed), parts[1].allSatisfy(allowed) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// Digits with the usual separators, 7 to 15 of them (E.164's most), and an extension.
    static func isPhone(_ text: String) -> Bool {
        let lower = text.lowercased()
        let number = lower.components(separatedBy: "ext").first ?? lower
        let digits = number.filter(\.isNumber).count
        guard number.allSatisfy({ ($0.isASCII && $0.isNumber) || " +-().".contains($0) }), (7...15).contains(digits) else { return false }
        let rest = lower.dropFirst(number.count)
        return rest.isEmpty || rest.dropFirst(3).allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == " " }
    }
}
