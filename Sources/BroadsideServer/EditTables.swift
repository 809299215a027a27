import Broadside
import Foundation

/// The editor's tables: every CSV of Content/, one opened as a grid, and a grid's rows written
/// back as CSV and checked as the build checks that file, each message placed on its cell.
struct EditTables {
    let folders: EditFolders
    /// Content/ as the build reads it.
    let content: String

    /// `GET /__edit/api/tables`: every CSV under Content/, sorted by path.
    func list(_ snapshot: BuildSnapshot?) -> [EditMessages.TableEntry] {
        var counts: [String: Int] = [:]
        for diagnostic in snapshot?.diagnostics.all ?? [] {
            if let path = diagnostic.location?.path { counts[path, default: 0] += 1 }
        }
        return ContentFiles.named(endingIn: ".csv", under: content).map { relative in
            let display = displayPath(relative)
            let sidecar = source(String(relative.dropLast(".csv".count)) + ".yml")
            return EditMessages.TableEntry(path: folders.apiPath(display: display), title: sidecar.flatMap(TableSidecar.title(of:)),
                                           findings: counts[display] ?? 0)
        }.sorted { $0.path < $1.path }
    }

    /// `GET /__edit/api/table?path=C`.
    func open(_ path: String, languages: [Language], snapshot: BuildSnapshot?) throws(EditRefusal) -> EditMessages.Table {
        let relative = try relativePath(path)
        guard let text = String(validating: try folders.check(path).read(), as: UTF8.self) else {
            throw EditRefusal(status: 415, message: "\(path) is not UTF-8 text, which the editor does not open")
        }
        let check = checked(text, relative: relative, languages: languages)
        let own = findings(check, relative: relative)
        let others = Self.built(path, text: text, in: snapshot, folders: folders).filter { !own.contains($0) }
        return EditMessages.Table(path: path, rows: check.records.map { $0.map(\.text) }, findings: own + others,
                                  columns: check.columns.map { column in
                                      EditMessages.TableColumn(name: column.name, codes: column.codes?.map { EditMessages.Code(code: $0.keyword, label: $0.label) })
                                  })
    }

    /// `POST /__edit/api/table`: nothing is saved.
    func write(_ request: EditMessages.TableRows, languages: [Language]) throws(EditRefusal) -> EditMessages.TableText {
        let relative = try relativePath(request.path)
        _ = try folders.check(request.path)
        guard let width = request.rows.first?.count, width > 0 else {
            throw EditRefusal(status: 400, message: "\(request.path): a table needs a first row naming at least one column")
        }
        if let ragged = request.rows.firstIndex(where: { $0.count != width }) {
            throw EditRefusal(status: 400, message: "\(request.path): row \(ragged) has \(request.rows[ragged].count) cell\(request.rows[ragged].count == 1 ? "" : "s") but the header has \(width): every row needs one cell per column")
        }
        let text = CSVWriter.text(request.rows)
        guard text.utf8.count <= EditFolders.maxFileBytes else {
            throw EditRefusal(status: 413, message: "\(request.path): the table is larger than the editor saves (1 MiB)")
        }
        return EditMessages.TableText(text: text, findings: findings(checked(text, relative: relative, languages: languages), relative: relative))
    }

    /// The path under Content/ of a CSV the API names.
    private func relativePath(_ path: String) throws(EditRefusal) -> String {
        let prefix = folders.allowed[0].joined(separator: "/") + "/"
        guard path.hasPrefix(prefix) else {
            throw EditRefusal(status: 403, message: "\(path): tables are CSV files in \(prefix)")
        }
        guard path.hasSuffix(".csv") else { throw EditRefusal(status: 400, message: "\(path): the grid opens .csv files only") }
        return String(path.dropFirst(prefix.count))
    }

    /// The CSV checked with its sidecar and its words in the site's other languages, as the
    /// last build knew them (the default language alone before any build).
    private func checked(_ text: String, relative: String, languages: [Language]) -> TableCheck {
        let questionnaires = ContentFiles.named(endingIn: ".questionnaire.yml", under: content).compactMap(source)
        let stem = String(relative.dropLast(".csv".count))
        let companions = ([""] + languages.dropFirst().map { "." + $0.code }).compactMap { source(stem + $0 + ".yml") }
        return TableCheck(csv: SourceFile(relativePath: relative, displayPath: displayPath(relative), text: text), describedBy: companions,
                          languages: languages, isTable: !TableCheck.isAnswers(relative, questionnaires: questionnaires))
    }

    /// The check's messages, each about a CSV field placed on its row and cell.
    private func findings(_ check: TableCheck, relative: String) -> [EditMessages.Finding] {
        let display = displayPath(relative)
        let findings = check.diagnostics.sorted.map { diagnostic in
            EditMessages.finding(diagnostic, folders: folders, withPath: diagnostic.location?.path != display)
        }
        return Self.place(findings, in: check.records)
    }

    /// The CSV's own messages (those without a path), each about a field placed on its row and cell.
    static func place(_ findings: [EditMessages.Finding], in records: [[CSVField]]) -> [EditMessages.Finding] {
        var places: [Int: [Int: (row: Int, cell: Int)]] = [:]
        for (row, record) in records.enumerated() {
            for (cell, field) in record.enumerated() { places[field.line, default: [:]][field.column] = (row, cell) }
        }
        return findings.map { finding in
            var placed = finding
            if finding.path == nil, let line = finding.line, let column = finding.column, let place = places[line]?[column] {
                (placed.row, placed.cell) = (place.row, place.cell)
            }
            return placed
        }
    }

    /// The build's messages about the CSV at `path` (which the grid's own check cannot make:
    /// those of a chart or letter that uses it), placed on the cells of `text`.
    static func built(_ path: String, text: String, in snapshot: BuildSnapshot?, folders: EditFolders) -> [EditMessages.Finding] {
        var ignored = Diagnostics()
        let records = CSV.parse(SourceFile(relativePath: path, displayPath: path, text: text), diagnostics: &ignored) ?? []
        return place(EditMessages.findings(of: path, in: snapshot, folders: folders), in: records)
    }

    private func displayPath(_ relative: String) -> String {
        (content.hasPrefix("./") ? String(content.dropFirst(2)) : content) + "/" + relative
    }

    /// A file under Content/ as the build reads it, when the editor may read it.
    private func source(_ relative: String) -> SourceFile? {
        let display = displayPath(relative)
        guard let data = try? folders.check(folders.apiPath(display: display)).read() else { return nil }
        return try? SourceFile.decode(data, relativePath: relative, displayPath: display).get()
    }
}
