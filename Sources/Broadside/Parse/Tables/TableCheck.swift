/// A CSV checked as the build checks it, for the editor's grid: its fields with their places,
/// which columns the sidecar's legend codes, and the build's messages about it, unchanged.
public struct TableCheck: Sendable {
    /// One column of the grid: its header and, when the legend codes it, the legend's words.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var codes: [LegendEntry]?
    }

    /// The records as `CSV.parse` reads them; empty when the text cannot be read as CSV.
    public var records: [[CSVField]]
    public var columns: [Column]
    /// The sidecar's `title:`.
    public var title: String?
    /// What the build would say about the CSV and its sidecar.
    public var diagnostics: Diagnostics

    /// Checks `csv` as the build does, with the files beside it that describe it: its sidecar
    /// `NAME.yml` and its words in the site's other `languages` (`NAME.<code>.yml`). An answers
    /// CSV of a questionnaire is not a table: the build only reads it as CSV, so only that is
    /// checked, and no column is coded.
    public init(csv: SourceFile, describedBy companions: [SourceFile], languages: [Language], isTable: Bool) {
        diagnostics = Diagnostics()
        var file = csv
        // The build refuses control characters and reads text without BOM and CR.
        switch SourceFile.checked(csv.text, relativePath: csv.relativePath, displayPath: csv.displayPath) {
        case .success(let checked): file = checked
        case .failure(let problem):
            diagnostics.report(problem)
            records = []
            columns = []
            return
        }
        let stem = String(file.relativePath.dropLast(".csv".count))
        let sidecar = companions.first { $0.relativePath == stem + ".yml" }
        if isTable {
            _ = DataTable.parseAll([file] + companions, translated: Array(languages.dropFirst()), diagnostics: &diagnostics)
        } else if CSV.parse(file, diagnostics: &diagnostics)?.isEmpty == true {
            diagnostics.error("this CSV file is empty: its first line must name the columns candidate,question,answer,quote,source,date",
                              at: SourceLocation(path: file.displayPath))
        }
        var ignored = Diagnostics()
        records = CSV.parse(file, diagnostics: &ignored) ?? []
        let about = isTable ? sidecar.map { TableSidecar.parse($0, diagnostics: &ignored) } : nil
        title = about?.title
        columns = Self.columns(records.first ?? [], about: about ?? TableSidecar())
    }

    /// The header's columns, with the legend for those `TableColumnRoles` finds coded.
    private static func columns(_ header: [CSVField], about: TableSidecar) -> [Column] {
        var columnIndex: [String: Int] = [:]
        for (index, field) in header.enumerated() where columnIndex[field.text.trimmed] == nil {
            columnIndex[field.text.trimmed] = index
        }
        let keyColumn = about.key.flatMap { columnIndex[$0] } ?? 0
        var ignored = Diagnostics()
        let roles = TableColumnRoles(about, header: header, columnIndex: columnIndex, keyColumn: keyColumn, diagnostics: &ignored)
        return header.enumerated().map { index, field in
            Column(name: field.text, codes: roles.coded.contains(index) ? about.legend : nil)
        }
    }

    /// Whether a questionnaire among `questionnaires` (`*.questionnaire.yml` files of the
    /// content folder) names the CSV at `relativePath` as its answers.
    public static func isAnswers(_ relativePath: String, questionnaires: [SourceFile]) -> Bool {
        var named: Set<String> = []
        var ignored = Diagnostics()
        for file in questionnaires where file.relativePath.hasSuffix(QuestionnaireSource.suffix) {
            _ = QuestionnaireSource.parse(file, answersNamed: &named, diagnostics: &ignored)
        }
        return named.contains(relativePath)
    }
}

extension TableSidecar {
    /// The `title:` of a table's sidecar, its problems left to the build.
    public static func title(of sidecar: SourceFile) -> String? {
        var ignored = Diagnostics()
        return parse(sidecar, diagnostics: &ignored).title
    }
}
