import Foundation

/// Where a site's folders are, both as real paths and as the user would write them.
public struct SiteFolders: Sendable, Equatable {
    public struct Folder: Sendable, Equatable {
        /// Path used to read the folder, relative to the working directory or absolute.
        public var root: String

        public init(_ root: String) {
            self.root = root
        }

        public func path(_ relativePath: String) -> String {
            root.appendingPath(relativePath)
        }

        /// The same path, tidied for messages (`Content/a.md`, not `./Content/a.md`).
        public func display(_ relativePath: String) -> String {
            let full = path(relativePath)
            return full.hasPrefix("./") ? String(full.dropFirst(2)) : full
        }
    }

    public var content: Folder
    public var site: Folder
    public var output: Folder

    /// Resolves `--content`, `--site` and `--output` against `--root`, as the CLI documents.
    public init(root: String = ".", content: String = "Content", site: String = "Site", output: String = "Output") {
        func resolve(_ path: String) -> Folder {
            if path.hasPrefix("/") || root == "." { return Folder(path) }
            return Folder(root.appendingPath(path))
        }
        self.content = resolve(content)
        self.site = resolve(site)
        self.output = resolve(output)
    }
}
