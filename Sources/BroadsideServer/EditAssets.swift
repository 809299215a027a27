import Foundation

/// The editor's scripts, styles and words, served under `/__edit/assets/`: the editor's
/// Content-Security-Policy allows no inline script or style, so they come as files, from
/// the binary itself (nothing is read from disk or the network).
enum EditAssets {
    static let prefix = "/__edit/assets/"

    struct Asset {
        var type: String
        var data: Data
    }

    private static let script = "text/javascript; charset=utf-8"
    private static let words = "application/json; charset=utf-8"

    /// Every asset by name, from a fixed list: a name is never a path. The scripts are
    /// modules that `editor.js` imports (Resources/editor/, one file per screen or part).
    private static let all: [String: Asset] = [
        "editor.css": Asset(type: "text/css; charset=utf-8", data: Data(PackageResources.editor_css)),
        "editor.js": Asset(type: script, data: Data(PackageResources.editor_js)),
        "api.js": Asset(type: script, data: Data(PackageResources.api_js)),
        "dom.js": Asset(type: script, data: Data(PackageResources.dom_js)),
        "words.js": Asset(type: script, data: Data(PackageResources.words_js)),
        "pages.js": Asset(type: script, data: Data(PackageResources.pages_js)),
        "new-page.js": Asset(type: script, data: Data(PackageResources.new_page_js)),
        "page.js": Asset(type: script, data: Data(PackageResources.page_js)),
        "fields.js": Asset(type: script, data: Data(PackageResources.fields_js)),
        "toolbar.js": Asset(type: script, data: Data(PackageResources.toolbar_js)),
        "findings.js": Asset(type: script, data: Data(PackageResources.findings_js)),
        "history.js": Asset(type: script, data: Data(PackageResources.history_js)),
        "upload.js": Asset(type: script, data: Data(PackageResources.upload_js)),
        "translation.js": Asset(type: script, data: Data(PackageResources.translation_js)),
        "table.js": Asset(type: script, data: Data(PackageResources.table_js)),
        "words-en.json": Asset(type: words, data: Data(PackageResources.words_en_json)),
        "words-es.json": Asset(type: words, data: Data(PackageResources.words_es_json)),
    ]

    static func named(_ name: String) -> Asset? {
        all[name]
    }
}
