import Broadside
import Foundation

/// What the editor's API sends and takes for tables, images and commits, as JSON.
extension EditMessages {
    /// A build message, with the CSV field it is about: `row` and `cell` count from 0, row 0
    /// the header. `path` is nil for messages about the CSV itself (a sidecar's have it).
    struct CellFinding: Codable, Sendable, Equatable {
        var path: String?
        var line: Int?
        var column: Int?
        var severity: String
        var message: String
        var rule: String?
        var row: Int?
        var cell: Int?
    }

    /// One CSV of `GET /__edit/api/tables`.
    struct TableEntry: Codable, Sendable {
        var path: String
        /// The sidecar's `title:`.
        var title: String?
        /// Errors and warnings the last build found in the CSV.
        var findings: Int
    }

    struct Tables: Codable, Sendable {
        var tables: [TableEntry]
    }

    /// A word of a table's legend, offered in a coded column.
    struct Code: Codable, Sendable, Equatable {
        var code: String
        var label: String
    }

    struct TableColumn: Codable, Sendable {
        var name: String
        /// The legend's words, when the legend codes this column.
        var codes: [Code]?
    }

    /// `GET /__edit/api/table`.
    struct Table: Codable, Sendable {
        var path: String
        var rows: [[String]]
        var findings: [CellFinding]
        var columns: [TableColumn]
    }

    /// `POST /__edit/api/table`: the grid's rows, the header first.
    struct TableRows: Codable, Sendable {
        var path: String
        var rows: [[String]]
    }

    /// The answer to `POST /__edit/api/table`: the CSV to save, and what the build would say.
    struct TableText: Codable, Sendable {
        var text: String
        var findings: [CellFinding]
    }

    /// `POST /__edit/api/upload`: `data` is the image, base64.
    struct Upload: Codable, Sendable {
        var folder: String
        var name: String
        var alt: String
        var data: String
    }

    struct Uploaded: Codable, Sendable {
        var path: String
        /// `![alt](name)`, to insert in the page.
        var markdown: String
    }

    /// `POST /__edit/api/commit`.
    struct Commit: Codable, Sendable {
        var path: String
        var message: String
    }

    struct Committed: Codable, Sendable {
        /// The new commit's short hash.
        var commit: String
    }
}
