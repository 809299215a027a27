import Foundation

/// A page printed on its own: print-ready HTML and a PDF under Output/handouts/ (or
/// `<code>/handouts/` for another language).
public struct Handout: Sendable {
    public var page: ContentPage
    /// With `bilingual: es`: the translation printed beside the page, section by section.
    public var partner: ContentPage?
    /// `handouts/guides-da-forum/index.html`
    public var route: Route
    /// `handouts/guides-da-forum.pdf`
    public var pdf: Route

    init(page: ContentPage, partner: ContentPage?, prefix: String) {
        let file = Self.name(of: page, prefix: prefix)
        self.page = page
        self.partner = partner
        self.route = Route("\(prefix)handouts/\(file)/index.html")
        self.pdf = Route("\(prefix)handouts/\(file).pdf")
    }

    /// `es/guides/da-forum/index.html` → `guides-da-forum`: the contract's <section>-<name>.
    static func name(of page: ContentPage, prefix: String) -> String {
        let name = page.route.path.dropFirst(prefix.count).dropLast("index.html".count).dropLast()
            .replacingOccurrences(of: "/", with: "-")
        return name.isEmpty ? "home" : name
    }
}

/// An event page's other outputs: its calendar file beside the page, and a one-page flyer
/// (print HTML and PDF) under `flyers/`.
public struct EventFiles: Sendable {
    public var page: ContentPage
    public var event: Event
    /// `events/da-forum/da-forum.ics`
    public var calendar: Route
    /// `flyers/events-da-forum/index.html` and `.pdf`
    public var flyer: Route
    public var flyerPDF: Route
    /// With `forum:`: the forum's print kit, printed beside the flyer.
    public var forum: ForumKit? = nil

    init(page: ContentPage, event: Event, prefix: String) {
        let folder = page.route.path.dropLast("index.html".count)
        let file = Handout.name(of: page, prefix: prefix)
        self.page = page
        self.event = event
        calendar = Route(folder + (folder.isEmpty ? "event" : String(folder.dropLast()).lastPathComponent) + ".ics")
        flyer = Route("\(prefix)flyers/\(file)/index.html")
        flyerPDF = Route("\(prefix)flyers/\(file).pdf")
    }
}

/// Several handouts printed as one document: a cover, a table of contents, then each handout
/// on a new page, numbered straight through.
public struct Packet: Sendable {
    /// What its YAML file says: title, cover text, duplex…
    public var about: PacketSource
    /// The language it is printed in, and the one beside it when bilingual.
    public var language: String
    /// The pages it lists, found among the published ones (in the packet's language when
    /// translated), each with its translation when the packet is bilingual.
    public var pages: [(page: ContentPage, partner: ContentPage?)]
    /// `es/` for a packet in another language than the site's default.
    public var prefix: String
    public var route: Route { Route("\(prefix)packets/\(about.name)/index.html") }
    public var pdf: Route { Route("\(prefix)packets/\(about.name).pdf") }
}
