import Broadside

/// The API's messages for the front-matter form, the preview, new pages and translations
/// (`docs/EDITING-DESIGN.md`, "The rest of the API").
extension EditMessages {
    /// `GET /__edit/api/site`: what the editor offers in its lists.
    struct SiteInfo: Codable, Sendable {
        struct Language: Codable, Sendable {
            var code: String
            var name: String
        }
        /// The default language first.
        var languages: [Language]
        var tags: [String]
        var sections: [String]
        var kinds: [String]
        /// YYYY-MM-DD in the site's time zone: what "Reviewed today" writes.
        var today: String
        var reviewIntervalDays: Int
        /// The project folder is in a git work tree: "Save and commit" can be offered.
        var git: Bool
        /// Where the site's pages are shown (`http://127.0.0.1:PORT`), another origin than the editor's: a page's `url` is under it.
        var preview: String
    }

    /// A page's front matter as form fields, and its Markdown body.
    struct Form: Codable, Sendable {
        var fields: [String: FrontMatterValue]
        /// Keys the form does not show (a mapping, like `event:`): edited in the text.
        var others: [String]?
        var body: String
    }

    /// `POST /__edit/api/file`: the whole `text`, or the form's `fields` and `body`.
    struct Save: Codable, Sendable {
        var path: String
        var text: String?
        var fields: [String: FrontMatterValue]?
        var body: String?
    }

    struct Preview: Codable, Sendable {
        var path: String
        var body: String
    }

    struct HTML: Codable, Sendable {
        var html: String
    }

    struct New: Codable, Sendable {
        var kind: String
        var name: String
        /// The title as typed, accents and all, written into the new page (the name is made from it).
        var title: String?
        /// One of the site's languages; the first when absent.
        var language: String?
    }

    struct Made: Codable, Sendable {
        /// Every file made; `path` is the page to open.
        var paths: [String]
        var path: String
        /// The errors of the build that followed, in any file: none when it succeeded.
        var errors: [Finding]
    }

    struct Translate: Codable, Sendable {
        var path: String
        var language: String
    }

    struct Started: Codable, Sendable {
        var path: String
        /// The errors of the build that followed, in any file: none when it succeeded.
        var errors: [Finding]
    }

    /// `GET /__edit/api/translation?path=T`.
    struct Translation: Codable, Sendable {
        struct Original: Codable, Sendable {
            var path: String
            var text: String
        }
        struct Changed: Codable, Sendable, Equatable {
            /// The `##` heading's words; "" for the words before the first one.
            var heading: String
            /// Its line in the original.
            var line: Int
        }
        var path: String
        var original: Original
        var changed: [Changed]
        /// What the original is compared with: `editor`, `git` or `none`.
        var basis: String
    }
}
