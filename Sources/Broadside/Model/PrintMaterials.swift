import Foundation

/// A page printed on its own: print-ready HTML and a PDF under Output/handouts/.
public struct Handout: Sendable {
    public var page: ContentPage
    /// `handouts/guides-da-forum/index.html`
    public var route: Route
    /// `handouts/guides-da-forum.pdf`
    public var pdf: Route

    init(page: ContentPage) {
        // `guides/da-forum/index.html` → `guides-da-forum`: the contract's <section>-<name>.
        let name = page.route.path.dropLast("/index.html".count).replacingOccurrences(of: "/", with: "-")
        self.page = page
        self.route = Route("handouts/\(name.isEmpty ? "home" : name)/index.html")
        self.pdf = Route("handouts/\(name.isEmpty ? "home" : name).pdf")
    }
}

/// Several handouts printed as one document: a cover, a table of contents, then each handout
/// on a new page, numbered straight through.
public struct Packet: Sendable {
    /// What its YAML file says: title, cover text, duplex…
    public var about: PacketSource
    /// The pages it lists, found among the published ones.
    public var pages: [ContentPage]
    public var route: Route { Route("packets/\(about.name)/index.html") }
    public var pdf: Route { Route("packets/\(about.name).pdf") }
}
