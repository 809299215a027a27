import Broadside
import Foundation

/// What the editor's API sends and takes for tables, images and commits, as JSON.
extension EditMessages {
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
        var findings: [Finding]
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
        var findings: [Finding]
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
