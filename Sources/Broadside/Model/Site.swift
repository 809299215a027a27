/// A Markdown page placed in the site.
public struct ContentPage: Sendable {
    public enum Kind: Sendable { case home, section, page }

    public var source: PageSource
    public var route: Route
    public var kind: Kind
    /// Top-level folder under Content/, nil for pages at the top.
    public var section: String?
    public var title: String
    public var tags: [Tag]

    public var frontMatter: FrontMatter { source.frontMatter }
    /// The theme template that renders it: `layout:` or the kind's own.
    public var template: String {
        frontMatter.layout ?? { switch kind { case .home: "home"; case .section: "section"; case .page: "page" } }()
    }
}

public struct Section: Sendable {
    public var name: String
    public var title: String
    public var route: Route
    /// `_index.md` of the folder, when there is one.
    public var index: ContentPage?
    /// Pages of the section in reading order.
    public var pages: [ContentPage]
}

public struct Tag: Sendable, Hashable {
    public var name: String
    public var slug: String
    public var route: Route { Route("tags/\(slug)/index.html") }
    /// How readers see the tag: `town-hall` → `Town hall`.
    public var label: String { SiteAssembler.humanize(name) }
}

/// The whole site, assembled: what every page is, where it goes, and how they relate.
public struct Site: Sendable {
    public var config: SiteConfig
    public var home: ContentPage?
    public var sections: [Section]
    /// Every Markdown page, in source order.
    public var pages: [ContentPage]
    /// Pages at the top of Content/ other than the home page (about, contact…).
    public var topPages: [ContentPage]
    public var tags: [(tag: Tag, pages: [ContentPage])]
    /// Every CSV of Content/ that reads as a table, by relative path.
    public var tables: [String: DataTable]
    /// Terms of `Content/glossary.yml`, longest first.
    public var glossary: [GlossaryTerm] = []
    /// The day the build runs, for freshness: `SOURCE_DATE_EPOCH` when set, so builds repeat.
    public var today: Day = .today()
    /// Pages with `handout: true`, printed on their own.
    public var handouts: [Handout]
    public var packets: [Packet]
    /// Non-Markdown files of Content/, copied as they are.
    public var contentFiles: [String]
    public var assets: [String]
    public var routes: Routes

    /// The section a page belongs to; nil for pages at the top of Content/.
    public func section(named name: String?) -> Section? {
        sections.first { $0.name == name }
    }

    public static let tagsIndex = Route("tags/index.html")
    public static let printMaterials = Route("print/index.html")
    public static let printStylesheet = Route("assets/print.css")
    public static let notFound = Route("404.html")
    public static let stylesheet = Route("assets/broadside.css")
    public static let script = Route("assets/broadside.js")
}
