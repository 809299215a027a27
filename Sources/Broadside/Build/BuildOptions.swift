/// What `broadside build` was asked to do.
public struct BuildOptions: Sendable {
    public var root: String
    public var folders: SiteFolders
    public var includeDrafts: Bool
    public var pdf: PDFMode
    /// The day freshness is measured from.
    public var today: Day

    public init(root: String = ".", content: String = "Content", site: String = "Site", output: String = "Output",
                includeDrafts: Bool = false, pdf: PDFMode = .auto, today: Day = .today()) {
        self.root = root
        self.folders = SiteFolders(root: root, content: content, site: site, output: output)
        self.includeDrafts = includeDrafts
        self.pdf = pdf
        self.today = today
    }
}
