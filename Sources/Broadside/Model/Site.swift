import Foundation

/// A Markdown page placed in the site. Lists, sections, topics and translations all hold
/// the same pages, so a page is one reference to its fields, copied only when changed: a
/// copy of the fields themselves is a few kilobytes.
@dynamicMemberLookup
public struct ContentPage: Sendable {
    public enum Kind: Sendable { case home, section, page }

    public struct Fields: Sendable {
        public var source: PageSource
        public var route: Route
        public var kind: Kind
        /// Top-level folder under Content/, nil for pages at the top: the part of the site
        /// its navigation shows it in.
        public var section: String?
        /// The section that lists it: its folder under Content/ (`guides/chapter-1`), nil for
        /// pages at the top; for a section's index, that section.
        public var folder: String?
        public var title: String
        public var tags: [Tag]
        /// Its language's code: from `name.<code>.md`, else the site's default.
        public var language: String
        /// What every translation of one page shares: the source path of the default-language
        /// page (`guides/da-forum.md` for `guides/da-forum.es.md`), or `translation_of:`.
        public var translationKey: String
        /// Its front matter, with what a translation leaves out taken from its source.
        public var frontMatter: FrontMatter
        /// The event it announces, a translation's words merged over its source's.
        public var event: Event? = nil
        /// Where its title falls among all the site's titles in a reader's alphabetical order:
        /// lists sort by this number instead of comparing the words each time.
        public var titleOrder = 0
    }

    /// Never changed: a change to a page gives it new storage, and the copies that share the
    /// old one keep it as it was.
    private final class Storage: Sendable {
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var storage: Storage

    public init(source: PageSource, route: Route, kind: Kind, section: String?, folder: String?, title: String, tags: [Tag], language: String,
                translationKey: String, frontMatter: FrontMatter) {
        storage = Storage(Fields(source: source, route: route, kind: kind, section: section, folder: folder, title: title, tags: tags,
                                 language: language, translationKey: translationKey, frontMatter: frontMatter))
    }

    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.fields[keyPath: field] }
        set {
            var fields = storage.fields
            fields[keyPath: field] = newValue
            storage = Storage(fields)
        }
    }

    /// Its file's text, read in place: through `source` it would be copied out with all of
    /// the page's front matter first.
    var text: String { storage.fields.source.file.text }
    /// Its file's path under Content/, read in place too.
    var sourcePath: String { storage.fields.source.file.relativePath }

    /// The same for every copy of this value while none is changed: every list of an
    /// assembled site holds its pages this way, so a page is found in all of them at once.
    var identity: ObjectIdentifier { ObjectIdentifier(storage) }

    /// The theme template that renders it: `layout:` or the kind's own.
    public var template: String {
        self.frontMatter.layout ?? { switch self.kind { case .home: "home"; case .section: "section"; case .page: "page" } }()
    }
}

extension Array where Element == ContentPage {
    /// Sorted by a key worked out once per page, without moving pages about while sorting:
    /// a page is a large value, an index is not. Pages with equal keys keep their order.
    func ordered<Key: Comparable>(by key: (ContentPage) -> Key) -> [ContentPage] {
        let keys = map(key)
        return indices.sorted { (keys[$0], $0) < (keys[$1], $1) }.map { self[$0] }
    }
}

/// A folder of Content/ and the pages in it. A folder inside a section is a section too (a
/// guide's chapters), listed on its parent's page.
public struct Section: Sendable {
    /// Its folder under Content/: `guides`, or `guides/chapter-1` for one inside another.
    public var name: String
    public var title: String
    public var route: Route
    /// `_index.md` of the folder (in this language), when there is one.
    public var index: ContentPage?
    /// Pages of the section in reading order.
    public var pages: [ContentPage]
    /// Its place among sections and whether its pages are legal information: from its
    /// `_index`, or the default language's when this language has none.
    public var weight: Int?
    public var legal: Bool
    /// The section it is part of, and the sections in it, in order.
    public var parent: String? = nil
    public var subsections: [String] = []
    /// How many pages it holds, its sections' included.
    public var total = 0
}

public struct Tag: Sendable, Hashable {
    public let name: String
    public let slug: String
    /// The language's folder of Output/: `es/` (topics are words of one language).
    public let prefix: String
    public let route: Route
    /// How readers see the tag: `town-hall` → `Town hall`. Worked out once: every page
    /// shows its tags, and a topic's page lists thousands of pages.
    public let label: String

    public init(name: String, slug: String, prefix: String) {
        self.name = name
        self.slug = slug
        self.prefix = prefix
        route = Self.route(prefix, slug)
        label = Slug.humanize(name)
    }

    private static func route(_ prefix: String, _ slug: String) -> Route {
        Route("\(prefix)tags/\(slug)/index.html")
    }
}

/// One language's part of the site: its home, sections, topics and print materials, in its
/// own folder of Output/ (the top, for the default language).
public struct Edition: Sendable {
    public var language: Language
    public var strings: Strings
    /// "" for the default language, `es/` for the others.
    public var prefix: String
    /// Every page of this language, in source order.
    public var pages: [ContentPage]
    public var home: ContentPage? = nil
    /// Every section, those inside others included: `topSections` are the navigation's.
    public var sections: [Section] = []
    /// Pages at the top of Content/ other than the home page (about, contact…).
    public var topPages: [ContentPage] = []
    public var tags: [(tag: Tag, pages: [ContentPage])] = []
    /// Terms of `Content/glossary.yml` (or `glossary.<code>.yml`), longest first.
    public var glossary = GlossaryTerms()
    /// Handouts and packets to list on this language's Print materials page.
    public var handouts: [Handout] = []
    public var packets: [Packet] = []
    /// This language's event pages, soonest first, with their calendar files and flyers.
    public var events: [EventFiles] = []
    /// Documents printed from data (voter guides, forum kits, letters), in this language.
    public var documents: [PrintDocument] = []

    public func route(_ path: String) -> Route { Route(prefix + path) }
    public var homeRoute: Route { route("index.html") }
    public var tagsIndex: Route { route("tags/index.html") }
    public var printMaterials: Route { route("print/index.html") }
    public var hasPrintMaterials: Bool { !handouts.isEmpty || !packets.isEmpty || !events.isEmpty || !documents.isEmpty }
    public var topSections: [Section] { sections.filter { $0.parent == nil } }

    /// The sections a page in `folder` sits in, the outermost first: its breadcrumbs.
    public func sections(around folder: String?) -> [Section] {
        var chain: [Section] = []
        var name = folder
        while let current = name, let section = section(named: current) {
            chain.insert(section, at: 0)
            name = section.parent
        }
        return chain
    }
    /// Where upcoming and past events are listed: the `events` section's page when the site
    /// has one, else a page of its own.
    public var eventsPage: Route { section(named: "events") { $0.route } ?? route("events/index.html") }
    public var search: Route { route("search/index.html") }
    public var searchIndex: Route { route("search/index.js") }
    public var feed: Route { route("feed.xml") }

    /// Events not yet past at `now`, soonest first; the rest, latest first.
    public func events(at now: Date) -> (upcoming: [EventFiles], past: [EventFiles]) {
        (events.filter { !$0.event.isPast(at: now) }, events.filter { $0.event.isPast(at: now) }.reversed())
    }

    /// The section a page belongs to; nil for pages at the top of Content/.
    public func section(named name: String?) -> Section? {
        section(named: name) { $0 }
    }

    /// A part of the section a page belongs to (its title, its route), read where it is:
    /// `section(named:)` copies the section out, with its list of pages, and every page asks.
    func section<Part>(named name: String?, _ part: (Section) -> Part) -> Part? {
        sections.firstIndex { $0.name == name }.map { part(sections[$0]) }
    }
}

/// The whole site, assembled: what every page is, where it goes, and how they relate.
public struct Site: Sendable {
    public var config: SiteConfig
    /// One per language, the default language first.
    public var editions: [Edition]
    /// Every Markdown page, in source order.
    public var pages: [ContentPage]
    /// Every CSV of Content/ that reads as a table, by relative path.
    public var tables: [String: DataTable]
    /// The day the build runs, for freshness: `SOURCE_DATE_EPOCH` when set, so builds repeat.
    public var today: Day = .today()
    /// The moment of the build, for what is upcoming.
    public var now: Date = Day.now()
    /// Pages with `handout: true`, printed on their own, in every language.
    public var handouts: [Handout]
    public var packets: [Packet]
    /// Candidate questionnaires, one per language each has words in.
    public var questionnaires: [Questionnaire] = []
    /// Non-Markdown files of Content/, copied as they are.
    public var contentFiles: [String]
    public var assets: [String]
    public var routes: Routes
    /// For each page, the same page in each language (code → route): hreflang and the switcher.
    /// Empty for a site in one language, which has neither.
    public var alternates: [Route: [String: Route]]
    /// Translation key → language code → page.
    public var translations: [String: [String: ContentPage]]
    /// The language of the page at each route, so a link can say it leads to another one.
    public var pageLanguages: [Route: String] = [:]
    /// Old addresses of pages (`aliases:`), each answered by a page that sends readers on.
    public var redirects: [Redirect] = []
    /// Pages written as letters to officials, each with its officials.
    public var letters: [Letter] = []

    public var defaultEdition: Edition { editions[0] }

    public func edition(_ code: String) -> Edition {
        editions[editionIndex(code)]
    }

    /// Where the language's edition is in `editions` (the default language's, for a code
    /// without one).
    public func editionIndex(_ code: String) -> Int {
        editions.firstIndex { $0.language.code == code } ?? 0
    }

    /// Translations of `page`, by language code, itself included.
    public func translations(of page: ContentPage) -> [String: ContentPage] {
        translations[page.translationKey] ?? [page.language: page]
    }

    /// The site's icon: `Site/assets/favicon.svg`, `.png` or `.ico` when there is one, else the
    /// built-in one in the accent color.
    public var favicon: Route {
        Self.iconNames.first(where: assets.contains).map { Route("assets/" + $0) } ?? Self.builtInFavicon
    }

    /// Files in `Site/assets/` that are the site's own icon.
    public static let iconNames = ["favicon.svg", "favicon.png", "favicon.ico"]

    public static let builtInFavicon = Route("assets/favicon.svg")
    public static let notFound = Route("404.html")
    public static let printStylesheet = Route("assets/print.css")
    public static let stylesheet = Route("assets/broadside.css")
    public static let script = Route("assets/broadside.js")
    /// Tells GitHub Pages to publish the site as it is, folders starting with `_` included,
    /// rather than run Jekyll over it.
    public static let noJekyll = Route(".nojekyll")
    /// Old addresses and where they went, for hosts that redirect by a list (Netlify, Cloudflare Pages).
    public static let redirectList = Route("_redirects")
}
