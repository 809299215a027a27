import Foundation

/// What `broadside build` was asked to do.
public struct BuildOptions: Sendable {
    public var root: String
    public var folders: SiteFolders
    public var includeDrafts: Bool
    public var pdf: PDFMode
    /// The day freshness is measured from.
    public var today: Day
    /// The moment events are upcoming or past from: noon UTC of `today` when only it is given.
    public var now: Date

    public init(root: String = ".", content: String = "Content", site: String = "Site", output: String = "Output",
                includeDrafts: Bool = false, pdf: PDFMode = .auto, today: Day? = nil, now: Date? = nil) {
        self.root = root
        self.folders = SiteFolders(root: root, content: content, site: site, output: output)
        self.includeDrafts = includeDrafts
        self.pdf = pdf
        let noon = today.map { Event.LocalTime(day: $0, hour: 12, minute: 0).date(in: TimeZone(identifier: "UTC")!) }
        self.now = now ?? noon ?? Day.now()
        self.today = today ?? Day(self.now, in: TimeZone(identifier: "UTC")!)
    }
}
