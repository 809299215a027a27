/// The YAML block at the top of a page, between `---` lines: the content contract's keys.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var summary: String?
    public var date: Day?
    public var reviewed: Day?
    public var tags: [String] = []
    public var draft = false
    /// A draft by Jekyll's `published: false` alone, not by `draft: true`.
    public var unpublished = false
    public var handout = false
    /// The most pages the printed handout may take (`pages: 2`: one sheet, both sides).
    public var pageBudget: Int?
    public var pageBudgetLocation: SourceLocation?
    public var weight: Int?
    /// On a section's `_index.md`: its pages give legal information and need a `reviewed:` date.
    public var legal = false
    public var layout: String?
    /// Where `layout:`, `date:` and `reviewed:` were written, for messages about their values.
    public var layoutLocation: SourceLocation?
    public var dateLocation: SourceLocation?
    public var reviewedLocation: SourceLocation?
    /// The page this one translates, as a path under Content/, when their names differ.
    public var translationOf: String?
    public var translationOfLocation: SourceLocation?
    /// The language printed beside this page's own in its handout, two columns side by side.
    public var bilingual: String?
    public var bilingualLocation: SourceLocation?
    /// The page's old addresses (`/legal-guides/green-card/`), each answered by a redirect
    /// page: a moved page keeps the links and QR codes printed on flyers working.
    public var aliases: [Located<String>] = []
    /// A town hall, forum or clinic the page announces, as written.
    public var eventFields: EventFields?
    public var eventLocation: SourceLocation?
    /// An event's forum print kit (`forum:`), as written.
    public var forumFields: ForumFields?
    /// A letter to each official in a CSV beside the page, and what to say when calling them.
    public var letter: LetterSource?
    public var callScript: String?
    public var callScriptLocation: SourceLocation?
    /// The keys the author wrote, so a translation takes the rest from the page it translates:
    /// a few, looked through rather than hashed.
    public var written: [String] = []
    /// A `link:`, `url:`, `redirect_to:` or `external_url:` key: a link Broadside does not
    /// show, reported with what the body says (see `PageSource.checkContent`).
    public var ignoredLink: IgnoredLink?
    /// Written in TOML between `+++` lines, as Hugo writes it: messages then show TOML.
    public var isTOML = false

    public struct IgnoredLink: Sendable, Equatable {
        public var key: String
        /// The address as written, when it is text.
        public var address: String?
        public var location: SourceLocation
    }

    /// Keys Broadside reads but does not list: other generators' names for its own.
    static let otherGeneratorKeys = ["published", "description", "redirect_from"]
    /// Keys other generators read as the page's link, which Broadside does not show.
    static let linkKeys = ["link", "url", "redirect_to", "external_url"]

    public init() {}

    /// What a translation does not say itself, it shares with its source: whether it is a
    /// handout, its page budget, order, layout, date and legal flag. Words and review dates
    /// stay its own.
    mutating func inherit(from source: FrontMatter) {
        if !written.contains("handout") { handout = source.handout }
        if !written.contains("pages") { pageBudget = source.pageBudget }
        if !written.contains("weight") { weight = source.weight }
        if !written.contains("layout") { layout = source.layout }
        if !written.contains("date") { date = source.date }
        if !written.contains("legal") { legal = source.legal }
        if !written.contains("letter") { letter = source.letter }
        if let base = source.eventFields { eventFields = eventFields.map { $0.over(base) } ?? base }
        if let base = source.forumFields { forumFields = forumFields.map { $0.over(base) } ?? base }
    }
}

/// A page's source split into front matter and Markdown body.
/// Shared, never changed: a large site hands thousands of these from step to step and from
/// build to build, and each hand-over is then one retain, not one per field.
public final class PageSource: Sendable {
    public let file: SourceFile
    public let frontMatter: FrontMatter
    /// Where the body begins in the file's text: kept as a place, not a copy, since a large
    /// site's text is tens of megabytes.
    let bodyStart: String.Index
    /// A part of the file's text, not a copy: a large page's body is most of a build's memory.
    public var body: Substring { file.text[bodyStart...] }
    /// The text above the body: the front matter with its fences.
    var head: Substring { file.text[..<bodyStart] }
    /// Lines above the body, added to Markdown positions so messages name the file's real line.
    public let bodyLineOffset: Int
    /// False when the front matter could not be read; its error already explains what is missing.
    public let frontMatterIsReadable: Bool

    init(file: SourceFile, frontMatter: FrontMatter, bodyStart: String.Index, bodyLineOffset: Int, frontMatterIsReadable: Bool = true) {
        self.file = file
        self.frontMatter = frontMatter
        self.bodyStart = bodyStart
        self.bodyLineOffset = bodyLineOffset
        self.frontMatterIsReadable = frontMatterIsReadable
    }

    /// `timeZone` is where the site's events happen unless an event says otherwise.
    public static func parse(_ file: SourceFile, timeZone: String = SiteConfig().timeZone, diagnostics: inout Diagnostics) -> PageSource {
        // Line by line over the UTF-8 bytes: only the front matter's lines are ever looked at.
        let text = file.text
        let utf8 = text.utf8
        // Looked for in the bytes themselves (a span), not through the string's indices,
        // each of which is checked as it is made.
        func lineEnd(from start: String.Index) -> String.Index {
            let bytes = utf8.span
            var end = utf8.distance(from: utf8.startIndex, to: start)
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            return utf8.index(utf8.startIndex, offsetBy: end)
        }
        let firstEnd = lineEnd(from: utf8.startIndex)
        // Hugo's TOML front matter, between `+++` lines.
        let fence = isFence(text[..<firstEnd], "+++") ? "+++" : "---"
        guard isFence(text[..<firstEnd], fence), firstEnd < utf8.endIndex else {
            if isFence(text[..<firstEnd], fence) { return unclosed(file, fence: fence, lines: 1, diagnostics: &diagnostics) }
            return checked(PageSource(file: file, frontMatter: FrontMatter(), bodyStart: text.startIndex, bodyLineOffset: 0), diagnostics: &diagnostics)
        }
        let yamlStart = utf8.index(after: firstEnd)
        var lineStart = yamlStart
        var line = 1
        while true {
            let end = lineEnd(from: lineStart)
            let content = text[lineStart..<end]
            if isFence(content, fence) || (fence == "---" && content == "...") {
                // Without the line break before the fence, by its bytes: dropping the last
                // character would count every character of the front matter first.
                var yamlEnd = lineStart
                if yamlEnd > yamlStart { yamlEnd = utf8.index(before: yamlEnd) }
                if yamlEnd > yamlStart, utf8[utf8.index(before: yamlEnd)] == UInt8(ascii: "\r") { yamlEnd = utf8.index(before: yamlEnd) }
                let yaml = String(text[yamlStart..<yamlEnd])
                let body = end < utf8.endIndex ? utf8.index(after: end) : end
                let read: YAMLFields?
                if fence == "+++" {
                    read = TOMLFrontMatter.entries(yaml, path: file.displayPath, lineOffset: 1, diagnostics: &diagnostics)
                        .map { YAMLFields(entries: $0, path: file.displayPath, lineOffset: 1) }
                } else {
                    read = YAMLFields(yaml: yaml, path: file.displayPath, lineOffset: 1, what: "front matter", diagnostics: &diagnostics)
                }
                guard let fields = read else {
                    return PageSource(file: file, frontMatter: FrontMatter(), bodyStart: body, bodyLineOffset: line + 1, frontMatterIsReadable: false)
                }
                var frontMatter = FrontMatter(fields, timeZone: timeZone, diagnostics: &diagnostics)
                frontMatter.isTOML = fence == "+++"
                return checked(PageSource(file: file, frontMatter: frontMatter, bodyStart: body, bodyLineOffset: line + 1), diagnostics: &diagnostics)
            }
            line += 1
            guard end < utf8.endIndex else { return unclosed(file, fence: fence, lines: line, diagnostics: &diagnostics) }
            lineStart = utf8.index(after: end)
        }
    }

    private static func unclosed(_ file: SourceFile, fence: String, lines: Int, diagnostics: inout Diagnostics) -> PageSource {
        diagnostics.error("front matter starts with '\(fence)' but never ends: add a line with only '\(fence)' after the last key",
                          at: SourceLocation(path: file.displayPath))
        return PageSource(file: file, frontMatter: FrontMatter(), bodyStart: file.text.endIndex, bodyLineOffset: lines, frontMatterIsReadable: false)
    }

    private static func isFence(_ line: Substring, _ fence: String = "---") -> Bool {
        line.utf8.starts(with: fence.utf8) && line.utf8.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}

extension FrontMatter {
    /// Reads the keys in the order an unknown key's warning lists them.
    init(_ fields: YAMLFields, timeZone: String, diagnostics: inout Diagnostics) {
        var fields = YAMLReader(fields)
        // Hugo's `url: /laws/a/` sets the page's own address, which Broadside takes from the
        // file's path: that is an unknown key, not a link to show.
        let linkKeys = fields.peek("url")?.text.map { $0.contains(":") } == false ? Self.linkKeys.filter { $0 != "url" } : Self.linkKeys
        fields.readUnlisted(Self.otherGeneratorKeys + linkKeys)
        title = fields.string("title", diagnostics: &diagnostics)
        summary = fields.string("summary", diagnostics: &diagnostics)
        // Jekyll's and Hugo's summary.
        if let description = fields.string("description", diagnostics: &diagnostics) {
            if fields.peek("summary") == nil {
                summary = description
            } else if let at = fields.location(ofKey: "description") {
                diagnostics.report(.finding(.ignoredContent, "'description' is ignored because the page has `summary:`: merge what it says into `summary` and remove it",
                                            at: at))
            }
        }
        date = fields.day("date", diagnostics: &diagnostics)
        dateLocation = fields.location(ofValue: "date")
        reviewed = fields.day("reviewed", diagnostics: &diagnostics)
        reviewedLocation = fields.location(ofValue: "reviewed")
        tags = fields.stringList("tags", diagnostics: &diagnostics) ?? []
        draft = fields.bool("draft", diagnostics: &diagnostics) ?? false
        // Jekyll's way to say draft: the page is kept out just the same.
        if fields.bool("published", diagnostics: &diagnostics) == false, !draft { (draft, unpublished) = (true, true) }
        handout = fields.bool("handout", diagnostics: &diagnostics) ?? false
        pageBudget = fields.int("pages", diagnostics: &diagnostics)
        pageBudgetLocation = fields.location(ofValue: "pages")
        weight = fields.int("weight", diagnostics: &diagnostics)
        layout = fields.string("layout", diagnostics: &diagnostics)
        layoutLocation = fields.location(ofValue: "layout")
        legal = fields.bool("legal", diagnostics: &diagnostics) ?? false
        translationOf = fields.string("translation_of", diagnostics: &diagnostics)
        translationOfLocation = fields.location(ofValue: "translation_of")
        bilingual = fields.string("bilingual", diagnostics: &diagnostics)
        bilingualLocation = fields.location(ofValue: "bilingual")
        if let event = fields.group("event", diagnostics: &diagnostics), let at = fields.location(ofKey: "event") {
            eventFields = EventFields(event, at: at, defaultZone: timeZone, diagnostics: &diagnostics)
            eventLocation = at
        }
        forumFields = ForumFields.read(&fields, diagnostics: &diagnostics)
        readLetter(&fields, diagnostics: &diagnostics)
        // Jekyll's redirect plugin names them `redirect_from`, Hugo `aliases`: both mean the same.
        aliases = (fields.locatedStrings("aliases", diagnostics: &diagnostics) ?? [])
            + (fields.locatedStrings("redirect_from", diagnostics: &diagnostics) ?? [])
        if let key = linkKeys.first(where: { fields.peek($0) != nil }), let at = fields.location(ofKey: key) {
            ignoredLink = IgnoredLink(key: key, address: fields.peek(key)?.text, location: at)
        }
        written = fields.keys
        fields.finish(what: "front-matter", rule: .unknownKey, otherGenerators: KeyAdvice.frontMatter, diagnostics: &diagnostics)
    }
}
