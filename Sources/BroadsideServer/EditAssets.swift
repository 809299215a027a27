import Foundation

/// The editor's script, styles and words, served under `/__edit/assets/`: the editor's
/// Content-Security-Policy allows no inline script or style, so they come as files, from
/// the binary itself (nothing is read from disk or the network).
enum EditAssets {
    static let prefix = "/__edit/assets/"

    struct Asset {
        var type: String
        var data: Data
    }

    /// The asset called `name`, from a fixed list: a name is never a path.
    static func named(_ name: String) -> Asset? {
        switch name {
        case "editor.js": Asset(type: "text/javascript; charset=utf-8", data: Data(PackageResources.editor_js))
        case "editor.css": Asset(type: "text/css; charset=utf-8", data: Data(PackageResources.editor_css))
        default: nil
        }
    }
}
