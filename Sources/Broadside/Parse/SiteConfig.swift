import Foundation

/// `Site/site.yml`: who publishes the site and how it is built.
public struct SiteConfig: Sendable, Equatable {

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
    /// The default language: its pages sit at the top of Output/, the others under `<code>/`.
    public var language = "en"
    /// Every language of the site, the default first, then `languages:` in the order written.
    public var languages = [Language(code: "en")]
    public var organization = Organization()
    /// The default language's disclaimer; nil keeps the built-in one (other languages set
    /// theirs in `Site/i18n/<code>.yml`).
    public var disclaimer: String?
    public var paper = Paper.letter
    public var rawHTML = false
    /// The one accent color of the theme, as #rrggbb.
    public var accent = "#1f5f8b"
    /// `checks:` — each rule off, warning or error.
    public var rules = RuleSettings()
    /// A legal page last reviewed longer ago than this is flagged, and says so to readers.
    public var reviewIntervalDays = 365
    /// The school grade a page should read at or below.
    public var readingGradeTarget = 8.0
    /// Link legal citations in running text to the official text of the law.
    public var citations = true
    /// Where events happen unless one says otherwise.
    public var timeZone = "America/Los_Angeles"
    /// `Site/assets/…` shown when a page is shared on social media or in a messaging app.
    public var shareImage: String?

    public init() {}

    public static func parse(_ file: SourceFile?, diagnostics: inout Diagnostics) -> SiteConfig {
        var config = SiteConfig()
        guard let file, let read = YAMLFields(yaml: file.text, path: file.displayPath, lineOffset: 0,
                                              what: "site.yml", diagnostics: &diagnostics)
        else { return config }
        // In the order an unknown key's warning lists them.
        var fields = YAMLReader(read)
        config.title = fields.string("title", diagnostics: &diagnostics) ?? config.title
        if let url = fields.string("base_url", diagnostics: &diagnostics) {
            if url.hasPrefix("https://") || url.hasPrefix("http://") {
                config.baseURL = url.hasSuffix("/") ? url : url + "/"
            } else if let location = fields.location(ofValue: "base_url") {
                diagnostics.error("'base_url' must be a full address starting with https://", at: location)
            }
        }
        config.language = fields.string("language", diagnostics: &diagnostics) ?? config.language
        if !Language.isCode(config.language), let location = fields.location(ofValue: "language") {
            diagnostics.error("'language' must be a language code like en, es or zh-Hant", at: location)
            config.language = "en"
        }
        config.languages = [Language(code: config.language)]
        // `languages: {es: Español}`, or just the codes: `languages: [es, vi]`.
        if let codes = fields.entry("languages")?.value.list {
            for item in codes {
                guard let code = item.text, Language.isCode(code) else {
                    diagnostics.error("each item of 'languages' must be a language code, like es or zh-Hant", at: fields.location(of: item))
                    continue
                }
                if code != config.language { config.languages.append(Language(code: code)) }
            }
        } else if let languages = fields.mapping("languages", diagnostics: &diagnostics) {
            for code in languages.keys {
                let name = languages.string(code, diagnostics: &diagnostics)
                if !Language.isCode(code) {
                    diagnostics.error("'\(code)' is not a language code: use a code like es, vi or zh-Hant, then its name (`es: Español`)",
                                      at: languages.location(ofKey: code))
                } else if code == config.language {
                    config.languages[0] = Language(code: code, name: name)
                } else {
                    config.languages.append(Language(code: code, name: name))
                }
            }
        }
        if var org = fields.group("organization", diagnostics: &diagnostics) {
            config.organization = Organization(
                name: org.string("name", diagnostics: &diagnostics),
                phone: org.string("phone", diagnostics: &diagnostics),
                email: org.string("email", diagnostics: &diagnostics),
                url: org.address("url", diagnostics: &diagnostics)
            )
            org.finish(what: "organization", diagnostics: &diagnostics)
        }
        config.disclaimer = fields.string("disclaimer", diagnostics: &diagnostics)
        if let paper = fields.string("paper", diagnostics: &diagnostics) {
            if let value = Paper(rawValue: paper.lowercased()) {
                config.paper = value
            } else if let location = fields.location(ofValue: "paper") {
                diagnostics.error("'paper' must be letter or a4", at: location)
            }
        }
        config.rawHTML = fields.bool("raw_html", diagnostics: &diagnostics) ?? false
        if let accent = fields.string("accent", diagnostics: &diagnostics) {
            if let contrast = contrastOnWhite(accent) {
                config.accent = accent
                if contrast < 4.5, let location = fields.location(ofValue: "accent") {
                    let ratio = (contrast * 10).rounded(.down) / 10
                    diagnostics.warning("'accent' \(accent) has a contrast of \(ratio):1 on white; links need 4.5:1 to be readable (WCAG AA): choose a darker color",
                                        at: location)
                }
            } else if let location = fields.location(ofValue: "accent") {
                diagnostics.error("'accent' must be a color written #rrggbb, like #1f5f8b", at: location)
            }
        }
        if let checks = fields.mapping("checks", diagnostics: &diagnostics) {
            for id in checks.keys {
                guard let rule = Rule(rawValue: id) else {
                    diagnostics.error("'\(id)' is not a check; the checks are " + Rule.tunable.map(\.rawValue).joined(separator: ", "),
                                      at: checks.location(ofKey: id))
                    continue
                }
                guard rule.isTunable else {
                    diagnostics.error("'\(id)' keeps script and hostile files out of the site and cannot be tuned; fix what it reports instead",
                                      at: checks.location(ofKey: id))
                    continue
                }
                // YAML reads a bare `off` as false; accept it as the word it looks like.
                let value = checks.entry(id)?.value
                let word = value.flatMap(YAMLFields.bool) == false ? "off" : (value?.text ?? "")
                switch word {
                case "off": config.rules.overrides[rule] = .some(nil)
                case "warning": config.rules.overrides[rule] = .warning
                case "error": config.rules.overrides[rule] = .error
                default: diagnostics.error("'\(id)' must be off, warning or error", at: checks.location(ofValue: id))
                }
            }
        }
        config.reviewIntervalDays = fields.int("review_interval_days", diagnostics: &diagnostics) ?? config.reviewIntervalDays
        config.readingGradeTarget = Double(fields.int("reading_grade_target", diagnostics: &diagnostics) ?? 8)
        config.citations = fields.bool("citations", diagnostics: &diagnostics) ?? true
        if let zone = fields.string("time_zone", diagnostics: &diagnostics) {
            if TimeZone(identifier: zone) != nil {
                config.timeZone = zone
            } else if let location = fields.location(ofValue: "time_zone") {
                diagnostics.error("'\(zone)' is not a time zone: use a name like America/Los_Angeles", at: location)
            }
        }
        config.shareImage = fields.string("share_image", diagnostics: &diagnostics)
        fields.finish(what: "site.yml", diagnostics: &diagnostics)
        return config
    }
}

/// WCAG 2 contrast ratio of a `#rrggbb` color against white; nil when it is not such a color.
func contrastOnWhite(_ hex: String) -> Double? {
    guard hex.count == 7, hex.first == "#", let value = Int(hex.dropFirst(), radix: 16) else { return nil }
    func channel(_ shift: Int) -> Double {
        let c = Double((value >> shift) & 0xFF) / 255
        return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    return 1.05 / (luminance + 0.05)
}
