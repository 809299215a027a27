/// What `broadside build` was asked to do.
public struct BuildOptions: Sendable {
    public var root: String
    public var folders: SiteFolders
    public var includeDrafts: Bool

    public init(root: String = ".", content: String = "Content", site: String = "Site", output: String = "Output",
                includeDrafts: Bool = false) {
        self.root = root
        self.folders = SiteFolders(root: root, content: content, site: site, output: output)
        self.includeDrafts = includeDrafts
    }
}
