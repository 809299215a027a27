/// `Site/site.yml`: who publishes the site and how it is built.
public struct SiteConfig: Sendable, Equatable {
    public static let keys = ["title", "base_url", "language", "organization", "disclaimer", "paper", "raw_html", "accent"]
    static let organizationKeys = ["name", "phone", "email", "url"]

    public enum Paper: String, Sendable { case letter, a4 }

    public struct Organization: Sendable, Equatable {
        public var name: String?
        public var phone: String?
        public var email: String?
        public var url: String?
    }

    public var title = "Outreach toolkit"
    /// The site's public address, always ending in `/`; only used for absolute links (canonical, QR codes).
    public var baseURL: String?
    public var language = "en"
    public var organization = Organization()
    public var disclaimer = "This is general information, not legal advice. Every case is different. "
        + "Before you act, talk to a licensed immigration attorney or a DOJ-accredited representative. "
        + "Notarios and immigration consultants cannot give legal advice."
    public var paper = Paper.letter
    public var rawHTML = false
    /// The one accent color of the theme, as #rrggbb.
    public var accent = "#1f5f8b"

    public init() {}

    public static func parse(_ file: SourceFile?, diagnostics: inout Diagnostics) -> SiteConfig {
        var config = SiteConfig()
        guard let file, let fields = YAMLFields(yaml: file.text, path: file.displayPath, lineOffset: 0,
                                                what: "site.yml", diagnostics: &diagnostics)
        else { return config }
        fields.warnUnknownKeys(known: keys, what: "site.yml", diagnostics: &diagnostics)
        config.title = fields.string("title", diagnostics: &diagnostics) ?? config.title
        if let url = fields.string("base_url", diagnostics: &diagnostics) {
            if url.hasPrefix("https://") || url.hasPrefix("http://") {
                config.baseURL = url.hasSuffix("/") ? url : url + "/"
            } else if let location = fields.location(ofValue: "base_url") {
                diagnostics.error("'base_url' must be a full address starting with https://", at: location)
            }
        }
        config.language = fields.string("language", diagnostics: &diagnostics) ?? config.language
        if let org = fields.fields("organization", diagnostics: &diagnostics) {
            org.warnUnknownKeys(known: organizationKeys, what: "organization", diagnostics: &diagnostics)
            config.organization = Organization(
                name: org.string("name", diagnostics: &diagnostics),
                phone: org.string("phone", diagnostics: &diagnostics),
                email: org.string("email", diagnostics: &diagnostics),
                url: org.string("url", diagnostics: &diagnostics)
            )
        }
        config.disclaimer = fields.string("disclaimer", diagnostics: &diagnostics) ?? config.disclaimer
        if let paper = fields.string("paper", diagnostics: &diagnostics) {
            if let value = Paper(rawValue: paper.lowercased()) {
                config.paper = value
            } else if let location = fields.location(ofValue: "paper") {
                diagnostics.error("'paper' must be letter or a4", at: location)
            }
        }
        config.rawHTML = fields.bool("raw_html", diagnostics: &diagnostics) ?? false
        if let accent = fields.string("accent", diagnostics: &diagnostics) {
            if accent.count == 7, accent.first == "#", accent.dropFirst().allSatisfy(\.isHexDigit) {
                config.accent = accent
            } else if let location = fields.location(ofValue: "accent") {
                diagnostics.error("'accent' must be a color written #rrggbb, like #1f5f8b", at: location)
            }
        }
        return config
    }
}
