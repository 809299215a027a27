import Broadside
import Foundation

/// What the editor's API sends and takes, as JSON. Paths are relative to the site's folder:
/// `Content/guides/forum.md`.
enum EditMessages {
    /// One page of `GET /__edit/api/pages`.
    struct Page: Codable, Sendable {
        var path: String
        var title: String
        /// Its address in the preview (`/guides/da-forum/`); nil for drafts, which it leaves out.
        var url: String?
        /// Its top folder under Content/; nil for pages at the top.
        var section: String?
        var language: String
        var draft: Bool
        /// `reviewed:`, as written (YYYY-MM-DD); nil when it has none.
        var reviewed: String?
        /// Reviewed longer ago than `review_interval_days`.
        var stale: Bool
        /// Language codes of the site that have this page, and those that do not yet.
        var translations: Translations
        /// Errors and warnings the last build found in its file.
        var findings: Int
    }

    struct Translations: Codable, Sendable {
        var present: [String]
        var missing: [String]
    }

    struct Pages: Codable, Sendable {
        var pages: [Page]
    }

    /// A message of the build. `path` is nil for the build as a whole, and for messages about
    /// the file asked for (they are its own).
    struct Finding: Codable, Sendable, Equatable {
        var path: String?
        var line: Int?
        var column: Int?
        var severity: String
        var message: String
        /// The check's id (`content/summary`), when a site can tune it.
        var rule: String?
        /// The CSV field it is about, counted from 0 (row 0 the header), for a table's grid.
        var row: Int?
        var cell: Int?
    }

    /// `GET /__edit/api/file`.
    struct File: Codable, Sendable {
        var path: String
        var text: String
        var findings: [Finding]
        /// For a `.md` page whose front matter reads.
        var form: Form?
    }

    /// `POST /__edit/api/undo`.
    struct Undo: Codable, Sendable {
        var path: String
    }

    /// The answer to a save or an undo: the file is written, whatever the build said.
    struct Saved: Codable, Sendable {
        var path: String
        /// Whether the build after it succeeded (the preview shows the new site).
        var built: Bool
        /// The file's own messages.
        var findings: [Finding]
        /// Every error of the build, in any file: why it failed.
        var errors: [Finding]
        /// How many saves of the file can still be undone.
        var undoable: Int
        /// Whether the last undo can be taken back (`POST /__edit/api/redo`).
        var redoable: Bool
    }

    /// Any refusal: what went wrong, in words for the person editing.
    struct Problem: Codable, Sendable {
        var error: String
    }

    static func finding(_ diagnostic: Diagnostic, folders: EditFolders, withPath: Bool) -> Finding {
        Finding(path: withPath ? diagnostic.location.map { folders.apiPath(display: $0.path) } : nil,
                line: diagnostic.location?.line, column: diagnostic.location?.column,
                severity: diagnostic.severity.rawValue, message: diagnostic.message, rule: diagnostic.rule?.rawValue)
    }

    /// The messages of `snapshot` about the file at `path`, in order.
    static func findings(of path: String, in snapshot: BuildSnapshot?, folders: EditFolders) -> [Finding] {
        let display = folders.fullPath(path)
        return (snapshot?.diagnostics.sorted ?? []).filter { $0.location?.path == display }
            .map { finding($0, folders: folders, withPath: false) }
    }
}
