/// The checks a site can tune under `checks:` in site.yml, each `off`, `warning` or `error`.
/// The id is printed after the message, so an author knows what to write there.
public enum Rule: String, CaseIterable, Sendable {
    case brokenLink = "links/broken"
    case fragment = "links/fragment"
    case draftLink = "content/draft-link"
    case missingSummary = "content/summary"
    case duplicateTitle = "content/duplicate-title"
    case futureDate = "content/future-date"
    case stale = "freshness/stale"
    case unreviewed = "freshness/unreviewed"
    case readability = "readability/grade"
    case imageAlt = "a11y/img-alt"
    case headingOrder = "a11y/heading-order"
    case emptyLinkText = "a11y/empty-link"
    case vagueLinkText = "a11y/vague-link"
    case tableHeaders = "a11y/table-headers"
    case missingTranslation = "translations/missing"
    /// An answers CSV names someone the questionnaire does not invite, or a question it does not ask.
    case questionnaireCandidate = "questionnaire/unknown-candidate"
    case questionnaireQuestion = "questionnaire/unknown-question"
    /// An invited candidate with no answers, not marked `responded: false`.
    case questionnaireNoResponse = "questionnaire/no-response"
    /// A quote longer than `quote_limit:`: candidates would not get equal space.
    case questionnaireQuoteLength = "questionnaire/quote-length"
    case outdatedTranslation = "translations/outdated"
    case interfaceStrings = "translations/interface"
    /// A PDF's page asked for a file outside the site's folders, which was left out.
    case blockedFile = "print/blocked-file"
    // Markdown that does not show as written (issue 26)
    /// Raw HTML left out (the site does not allow it), or a tag GitHub's filter shows as text.
    case rawHTML = "markdown/raw-html"
    /// A footnote referred to but not defined, defined but not referred to, or defined twice.
    case footnote = "markdown/footnote"
    /// A pipe table row with more cells than its header: the extra cells are left out.
    case tableCells = "markdown/table"
    // Front matter (issue 26)
    /// A front-matter key Broadside does not read, often one another generator reads.
    case unknownKey = "front-matter/unknown-key"
    /// A key whose text or link Broadside does not show (`link:`, `description:` beside `summary:`).
    case ignoredContent = "front-matter/ignored-content"
    /// A page with nothing after its front matter.
    case emptyPage = "content/empty-page"
    /// A `# Heading` in the text that says the title again, which the page shows already.
    case repeatedTitle = "content/repeated-title"
    // Leftovers and suggestions (issue 26)
    /// Liquid `{% … %}` or `{{ … }}` from a Jekyll site, shown to readers as text.
    case liquid = "leftovers/liquid"
    /// A Hugo shortcode, `{{< … >}}` or `{{% … %}}`, shown to readers as text.
    case shortcode = "leftovers/shortcode"
    /// A kramdown attribute list, `{: .note}` or `{::options …}`, shown to readers as text.
    case kramdown = "leftovers/kramdown"
    /// `[x]('https://…')`: cmark keeps the quotes in the address, which then leads nowhere.
    case quotedLink = "links/quoted"
    /// A handout or flyer that prints on more pages than `pages:` allows.
    case pageBudget = "print/page-budget"
    /// A data table wider than the printed page: its last columns are cut off.
    case tableOverflow = "print/table-overflow"
    /// A character no installed font has: it prints as an empty box.
    case missingFont = "print/missing-font"
    // Moving a site (issue 27)
    /// No `base_url`: no QR codes on handouts, no feed, sitemap or absolute links.
    case baseURL = "site/base-url"
    // Town-hall kit (issue 29)
    /// A forum's run of show that does not fit its event: an item before the start, past the
    /// end, or starting before the one above it ends.
    case forumAgenda = "forum/agenda"
    /// `forum:` that makes no print kit: on a page without `event:`.
    case forumKit = "forum/kit"
    // Letters to officials (issue 29): a letter that cannot be filled in for every official
    /// `letter: {to: …}` names no CSV beside the page, or one without officials.
    case letterOfficials = "letter/officials"
    /// The officials' CSV lacks a column every letter needs (name, title, county, address, phone, email).
    case letterMissingColumn = "letter/missing-column"
    /// An official without a name or county, or two whose names make the same address.
    case letterOfficial = "letter/official"
    /// An e-mail address or phone number that a reader could not use.
    case letterContact = "letter/contact"
    /// `{{field}}` in the letter or call script that names no column of the CSV.
    case letterUnknownField = "letter/unknown-field"
    /// `{{` in the letter or call script that starts no field.
    case letterBraces = "letter/braces"
    // What keeps an author's script and a hostile file out of the site: always errors.
    case unsafeURL = "safety/url"
    case controlCharacter = "safety/control-character"
    case scriptFile = "safety/script-file"
    case yamlAliases = "safety/yaml-aliases"

    public var defaultSeverity: Diagnostic.Severity {
        switch self {
        case .brokenLink, .draftLink, .imageAlt, .emptyLinkText, .blockedFile, .questionnaireCandidate, .questionnaireQuestion,
             .questionnaireQuoteLength: .error
        case .letterOfficials, .letterMissingColumn, .letterOfficial, .letterContact, .letterUnknownField, .letterBraces: .error
        default: isTunable ? .warning : .error
        }
    }

    /// A site may turn a check off or change its severity, but not a safety rule: readers of
    /// every page rely on it, not only the author who would tune it.
    /// An answer that names no invited candidate or no question has nowhere to be shown: turned
    /// off, it would vanish from a voter guide without a word.
    public var isTunable: Bool { !rawValue.hasPrefix("safety/") && self != .questionnaireCandidate && self != .questionnaireQuestion }

    /// Rules whose every finding `build` prints, past the per-rule cap: each names a handout that
    /// prints other than its author asked (too long, cut off, or with empty boxes), at most a
    /// few per PDF.
    public var isAlwaysShown: Bool { self == .pageBudget || self == .tableOverflow || self == .missingFont }

    /// The rules `checks:` in site.yml may name.
    public static var tunable: [Rule] { allCases.filter(\.isTunable) }
}

/// How this site wants each rule reported: nil turns a rule off.
public struct RuleSettings: Sendable, Equatable {
    var overrides: [Rule: Diagnostic.Severity?] = [:]

    public init() {}

    func severity(of rule: Rule) -> Diagnostic.Severity? {
        overrides[rule] ?? rule.defaultSeverity
    }

    /// Drops what is off and gives the rest their configured severity.
    func apply(to diagnostics: Diagnostics) -> Diagnostics {
        // Nothing tuned: nothing to change, and a large site's thousands of messages are not copied.
        if overrides.isEmpty, diagnostics.all.allSatisfy({ $0.rule == nil || $0.severity == $0.rule!.defaultSeverity }) {
            return diagnostics
        }
        var result = Diagnostics()
        for var diagnostic in diagnostics.all {
            if let rule = diagnostic.rule, rule.isTunable {
                guard let severity = severity(of: rule) else { continue }
                diagnostic.severity = severity
            }
            result.report(diagnostic)
        }
        return result
    }
}
