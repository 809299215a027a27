/// A kind of file the site makes from its model beside the Markdown pages: the theme's files,
/// the pages of lists, feeds, calendars, flyers, handouts, redirects. A new one (an offline
/// kit, an EPUB) is one new type, listed in `OutputFormats.all`.
protocol OutputFormat: Sendable {
    /// Whether its files print pages' words (handouts do): those are made on every build;
    /// the rest depend only on the site's shape, and a rebuild that keeps the shape keeps them.
    var printsPageWords: Bool { get }
    /// The files it writes whatever the pages say, with who writes each: claimed before any
    /// page, so a page at the same address is an error naming both.
    func reserved(config: SiteConfig, assets: [String]) -> [(route: Route, owner: String)]
    /// Its files, each made on its own, across the cores with the Markdown pages.
    func files(_ renderer: SiteRenderer) -> [@Sendable () -> (Route, [UInt8])]
}

extension OutputFormat {
    var printsPageWords: Bool { false }
    func reserved(config: SiteConfig, assets: [String]) -> [(route: Route, owner: String)] { [] }
}

/// Every output format, in the order their files are handed to the cores: the pages of long
/// lists first, so that a topic listing thousands of pages does not keep one core busy last.
enum OutputFormats {
    static let all: [any OutputFormat] = [ListPages(), EventDownloads(), ThemeFiles(), RedirectFiles(), Feeds(), HandoutPages(), QuestionnairePages(),
                                          ForumKits(), LetterPages()]
}
