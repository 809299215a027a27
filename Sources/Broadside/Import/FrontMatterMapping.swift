/// A page's front matter in Broadside's keys, from Jekyll's or Hugo's, and what had no place.
struct MappedFrontMatter: Equatable {
    var title: String
    var summary: String?
    var date: Day?
    var tags: [String] = []
    var draft = false
    var weight: Int?
    var aliases: [String] = []
    /// Keys carried over into Broadside's.
    var mappedKeys = 0
    /// Layout and theme keys left out, counted.
    var themeKeys = 0
    /// Keys with no equivalent that say something, left out: each listed for a person.
    var dropped: [ImportItem] = []

    /// Keys read into Broadside's, or into the import itself (addresses, languages).
    static let readKeys: Set<String> = ["title", "summary", "description", "excerpt", "date", "publishDate", "tags", "categories", "category", "draft", "published",
                                        "weight", "permalink", "redirect_from", "aliases", "url", "slug", "lang", "language", "ref",
                                        "alt_url", "translationKey"]
    /// Keys that only steer a theme or the generator: nothing a reader sees is lost with them.
    static let themeKeyNames: Set<String> = ["layout", "type", "sidebar", "toc", "toc_label", "toc_sticky", "toc_icon", "comments", "share",
                                             "related", "author_profile", "classes", "header", "nav_order", "parent", "grand_parent",
                                             "has_children", "has_toc", "nav_exclude", "menu", "menus", "sitemap", "hidden",
                                             "excerpt_separator", "render_with_liquid", "cascade", "outputs", "build", "_build", "markup",
                                             "headless", "showToc", "ShowToc", "TocOpen", "math", "mermaid", "body_class", "show_date",
                                             "search", "robots", "noindex", "disableShare", "weight_order", "linkTitle",
                                             // uswds-jekyll's side navigation and in-page menu, which Broadside makes from sections and headings
                                             "sidenav", "sticky_sidenav", "subnav"]

    /// The mapping of `page`'s front matter; `splitWords` reads a text of tags or categories
    /// as words, as Jekyll does (`categories: news legal`).
    init(_ page: SourcePage, splitWords: Bool) {
        title = page.text("title") ?? page.fallbackTitle
        let fields = page.fields
        func location(_ key: String) -> SourceLocation { fields?.location(ofKey: key) ?? SourceLocation(path: page.path) }
        // Keys read but whose value is left out, each listed with why.
        var unread: [String: String] = [:]
        // Jekyll's `excerpt` and `description` say what `summary` says, Hugo's `publishDate` what
        // `date` says: the first one readable is taken, and any other that differs is listed.
        let summaries = ["summary", "description", "excerpt"].compactMap { key in page.text(key).map { (key, $0) } }
        summary = summaries.first?.1
        for (key, text) in summaries.dropFirst() where text != summary { unread[key] = "\(text) (the page has a summary)" }
        for key in ["date", "publishDate"] {
            guard let written = page.text(key) else { continue }
            guard let day = Day(dateOrMoment: written) else {
                unread[key] = "\(written) (not a date Broadside can read)"
                continue
            }
            if date == nil { date = day } else if day != date { unread[key] = "\(written) (the page has a date)" }
        }
        date = date ?? page.fileDate
        for key in ["categories", "category", "tags"] {
            // Jekyll splits a text of words (`categories: news legal`), never a list's items.
            let isText = page.value(key)?.text != nil
            for written in page.list(key) {
                for tag in splitWords && isText ? written.split(separator: " ").map(String.init) : [written]
                where !tags.contains(where: { Slug.make($0) == Slug.make(tag) }) {
                    tags.append(tag)
                }
            }
        }
        draft = page.draft || page.value("draft").flatMap(YAMLFields.bool) == true || page.value("published").flatMap(YAMLFields.bool) == false
        // Hugo made no page of a headless bundle or of one set never to render: kept out here too, and said.
        if let hidden = Self.neverRendered(page) {
            draft = true
            unread[hidden] = "Hugo made no page of it, so it is imported as a draft"
        }
        weight = page.value("weight")?.int
        for key in fields?.keys ?? [] {
            if let why = unread[key] {
                dropped.append(ImportItem(kind: .droppedKey, source: location(key), text: "\(key): \(why)"))
            } else if Self.readKeys.contains(key) {
                mappedKeys += 1
            } else if Self.themeKeyNames.contains(key) {
                themeKeys += 1
            } else {
                dropped.append(ImportItem(kind: .droppedKey, source: location(key), text: "\(key): \(Self.shown(fields?.entry(key)?.value))"))
            }
        }
    }

    /// The key that kept Hugo from making a page of it: `headless: true`, or `render: never`
    /// (or `false`) under `_build:` or `build:`.
    static func neverRendered(_ page: SourcePage) -> String? {
        if page.value("headless").flatMap(YAMLFields.bool) == true { return "headless" }
        return ["_build", "build"].first { key in
            let render = page.value(key)?.mapping?.first { $0.key.text == "render" }?.value
            return render?.text == "never" || render.flatMap(YAMLFields.bool) == false
        }
    }

    /// A value as one line of text for the report.
    static func shown(_ value: YAMLValue?) -> String {
        guard let value else { return "" }
        switch value.shape {
        case .text(let text, _): return text
        case .list(let items): return "[" + items.map { shown($0) }.joined(separator: ", ") + "]"
        case .mapping(let pairs): return "{" + pairs.map { "\($0.key.text ?? ""): \(shown($0.value))" }.joined(separator: ", ") + "}"
        case .other: return "*alias"
        }
    }

    /// The front matter as Broadside reads it, with its `---` lines.
    var yaml: String {
        var lines = ["---", "title: " + YAMLText.scalar(title)]
        if let summary { lines.append("summary: " + YAMLText.scalar(summary)) }
        if let date { lines.append("date: \(date)") }
        if !tags.isEmpty { lines.append("tags: [" + tags.map(YAMLText.flowScalar).joined(separator: ", ") + "]") }
        if draft { lines.append("draft: true") }
        if let weight { lines.append("weight: \(weight)") }
        if !aliases.isEmpty { lines += ["aliases:"] + aliases.map { "  - " + YAMLText.scalar($0) } }
        return (lines + ["---"]).joined(separator: "\n") + "\n"
    }
}

/// Text written as a YAML value: plain when YAML reads it back as the same text, else in
/// double quotes.
enum YAMLText {
    static let words: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]

    static func scalar(_ text: String) -> String {
        isPlain(text, also: "/:#") ? text : quoted(text)
    }

    /// Inside `[…]`, where a comma or bracket ends the value.
    static func flowScalar(_ text: String) -> String {
        isPlain(text, also: "") ? text : quoted(text)
    }

    private static func isPlain(_ text: String, also: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "/", text.last != " ", text.last != ":",
              !words.contains(text.lowercased()), !text.contains(": "), !text.contains(" #") else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || " .-_()'?!".contains($0) || also.contains($0) }
    }

    static func quoted(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return "\"" + escaped + "\""
    }
}
