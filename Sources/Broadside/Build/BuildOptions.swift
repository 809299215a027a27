/// What `broadside build` was asked to do.
public struct BuildOptions: Sendable {
    public var root: String
    public var folders: SiteFolders
    public var includeDrafts: Bool
    public var pdf: PDFMode

    public init(root: String = ".", content: String = "Content", site: String = "Site", output: String = "Output",
                includeDrafts: Bool = false, pdf: PDFMode = .auto) {
        self.root = root
        self.folders = SiteFolders(root: root, content: content, site: site, output: output)
        self.includeDrafts = includeDrafts
        self.pdf = pdf
    }
}
