/// One place that needs a person: where to edit in the new project, where it came from in
/// SOURCE, and the text as it was written.
struct ImportItem: Equatable, Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case liquid, shortcode, rawHTML, unresolvedLink, refusedLink, imageAlt, droppedKey, frontMatter, oldAddress, renamed, translation, scriptFile,
             generatedFile, siteSetting

        var heading: String {
            switch self {
            case .liquid: "Template tags (Liquid or Go, `{% %}`, `{{ }}`): replace with plain text or Markdown"
            case .shortcode: "Hugo shortcodes: replace with plain text or Markdown"
            case .rawHTML: "Raw HTML: left out of pages unless `raw_html: true`; rewrite as Markdown"
            case .unresolvedLink: "Links that lead to no page or file of the new site: fix or remove"
            case .refusedLink: "Links of a kind Broadside refuses (it takes https:, http:, mailto:, tel: and paths in the site): the build stops until each is changed"
            case .imageAlt: "Images with no description (alt text): the build stops until each has one, like ![a map of the clinics](map.png)"
            case .renamed: "Pages renamed: another page has their name, or Broadside makes its own page at their address"
            case .droppedKey: "Front-matter keys with no Broadside equivalent, left out: move what they say into the text"
            case .frontMatter: "Front matter that could not be read: the page was imported as a draft, with a title made from its name"
            case .oldAddress: "Old addresses that could not be worked out or kept: check the page's `aliases:`"
            case .translation: "Pages in another language that translate no page of the default language"
            case .generatedFile: "Files not copied because Broadside writes its own (404 page, robots.txt, sitemap, feed): move what they said into site.yml or a page"
            case .siteSetting: "Site settings the old config did not give"
            case .scriptFile: "Files not copied (HTML pages and files a browser runs script in): rewrite as Markdown, or copy them with `raw_html: true` in Site/site.yml"
            }
        }
    }

    var kind: Kind
    /// In the new project (`Content/posts/x.md:12`); nil for what was not brought over.
    var new: SourceLocation?
    var source: SourceLocation
    var text: String

    init(kind: Kind, new: SourceLocation? = nil, source: SourceLocation, text: String) {
        self.kind = kind
        self.new = new
        self.source = source
        self.text = text
    }
}

/// What an import did, counted, and what needs a person: `IMPORT-REPORT.md` and the summary printed.
public struct ImportReport: Sendable {
    public var generator = ""
    public var source = ""
    public var pages = 0
    public var posts = 0
    public var translations = 0
    public var sections = 0
    public var staticFiles = 0
    public var dataFiles = 0
    public var linksRewritten = 0
    /// `highlight` blocks made Markdown code blocks.
    public var codeBlocks = 0
    /// `<!--more-->` summary marks taken out.
    public var summaryMarks = 0
    /// `{{ site.x }}`, `{{ page.x }}` and `param` given their values.
    public var valuesFilledIn = 0
    /// Hugo's `figure`, `youtube` and `vimeo` made Markdown.
    public var shortcodesConverted = 0
    public var aliases = 0
    /// Redirect pages of the old site (`redirect_to:`) made aliases of the page they sent readers to.
    public var redirectsMerged = 0
    public var keysMapped = 0
    public var themeKeysDropped = 0
    public var leftBehind: [String] = []
    var items: [ImportItem] = []

    public var itemCount: Int { items.count }

    public static let fileName = "IMPORT-REPORT.md"

    /// The short summary for the terminal.
    public var summary: String {
        func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
        let kinds = [(posts, "post", "posts"), (translations, "translation", "translations")].filter { $0.0 > 0 }.map(count)
        return """
            Imported the \(generator) site \(source): \(count(pages, "page", "pages"))\
            \(kinds.isEmpty ? "" : " (" + kinds.joined(separator: ", ") + ")"), \(count(sections, "section", "sections")), \
            \(count(staticFiles, "static file", "static files")), \(count(dataFiles, "data file", "data files")); \
            \(count(linksRewritten, "link", "links")) rewritten, \(count(aliases, "old address", "old addresses")) kept as aliases.
            \(items.isEmpty ? "Nothing needs a person." : count(items.count, "place needs", "places need") + " a person, each listed in the report.")
            """
    }

    var markdown: String {
        var lines = ["# Import report", "", "Imported from the \(generator) site at `\(source)`. The source folder was not changed.", "",
                     "## What was converted", "",
                     "| what | count |", "|---|---|",
                     "| pages | \(pages) |", "| of them Jekyll posts | \(posts) |", "| of them translations | \(translations) |",
                     "| sections | \(sections) |", "| static files copied under Content/ | \(staticFiles) |",
                     "| data files copied to Data/ | \(dataFiles) |", "| links rewritten | \(linksRewritten) |",
                     "| `highlight` blocks made code blocks | \(codeBlocks) |", "| `<!--more-->` summary marks taken out | \(summaryMarks) |",
                     "| `{{ site.… }}`, `{{ page.… }}` and `param` filled in | \(valuesFilledIn) |",
                     "| `figure`, `youtube` and `vimeo` shortcodes made Markdown | \(shortcodesConverted) |",
                     "| old addresses written as `aliases:` | \(aliases) |",
                     "| of them redirect pages (`redirect_to:`) of the old site | \(redirectsMerged) |", "| front-matter keys mapped | \(keysMapped) |",
                     "| layout and theme keys dropped | \(themeKeysDropped) |",
                     "| front-matter keys with content dropped | \(items.filter { $0.kind == .droppedKey }.count) |", ""]
        if dataFiles > 0 {
            lines += ["Data files are in `Data/`, outside Content/, where Broadside does not read them, and the site builds as it is. "
                      + "To show a CSV file as a table, move it beside the page that shows it (see *Tables and charts from CSV* in Broadside's README).", ""]
        }
        if !leftBehind.isEmpty {
            lines += ["Left behind (\(leftBehind.count)): the old generator's build files and theme, and the repository's own documents: "
                      + leftBehind.map { "`\($0)`" }.joined(separator: ", ") + ".", ""]
        }
        lines += ["## What needs a person", ""]
        if items.isEmpty { lines += ["Nothing.", ""] }
        for kind in ImportItem.Kind.allCases {
            // In the order a person goes through the new project: file by file, line by line.
            let ofKind = items.filter { $0.kind == kind }.sorted {
                ($0.new?.path ?? $0.source.path, $0.new?.line ?? $0.source.line) < ($1.new?.path ?? $1.source.path, $1.new?.line ?? $1.source.line)
            }
            guard !ofKind.isEmpty else { continue }
            lines += ["### \(kind.heading) (\(ofKind.count))", ""]
            for item in ofKind {
                let place = item.new.map { "`\($0.path):\($0.line)` (from `\(item.source.path):\(item.source.line)`)" }
                    ?? "`\(item.source.path)`"
                lines.append("- \(place)" + (item.text.isEmpty ? "" : ": `" + item.text.replacingOccurrences(of: "`", with: "'") + "`"))
            }
            lines.append("")
        }
        lines += ["## Publishing", "",
                  "Run `broadside build`: the site is written to `Output/`.", "",
                  "- **GitHub Pages:** `.github/workflows/broadside-pages.yml` builds and publishes the site on every push to `main`. "
                  + "In the repository's Settings → Pages choose \"GitHub Actions\", and set the repository variable `BROADSIDE_REPOSITORY` "
                  + "(Settings → Secrets and variables → Actions → Variables) to the Broadside repository, like `owner/broadside`.",
                  "- **Netlify:** build command `broadside build`, publish directory `Output` (in `netlify.toml`: `publish = \"Output\"`).",
                  "- **Any static host:** upload the contents of `Output/`. Its links are relative, so it also works from a sub-folder.",
                  "",
                  "Old addresses are kept in each page's `aliases:`, so links and bookmarks to the old site lead to the new pages.", ""]
        return lines.joined(separator: "\n")
    }
}
