import Foundation

/// A Jekyll or Hugo site as its reader understood it: its pages with their old addresses,
/// the files to copy, and what it leaves behind. The same shape for both generators, so
/// placing, rewriting and reporting are written once.
struct SourceSite {
    enum Generator: String, Sendable { case jekyll = "Jekyll", hugo = "Hugo" }

    var generator: Generator
    /// `_config.yml`, `hugo.toml`…: the site's settings.
    var config: ConfigFile
    /// Jekyll's `_data/NAME.yml` files by name, for `{{ site.data.NAME.key }}`.
    var data: [String: ConfigFile] = [:]
    var title: String?
    /// The public address with its sub-path, as `site.yml`'s `base_url` takes it.
    var baseURL: String?
    /// The sub-path the old site lived under (`/kit`), stripped from its addresses; "" at the root.
    var basePath = ""
    var language = "en"
    /// The other languages, their names and the site's title in each, in the order the config lists them.
    var languages: [(code: String, name: String?, title: String?)] = []
    var pages: [SourcePage] = []
    /// Files copied as they are: from a path in SOURCE to a path under Content/ (or Data/).
    var files: [(from: String, to: String)] = []
    var dataFiles: [(from: String, to: String)] = []
    /// Old addresses of copied files (`/assets/img/map.png`) → their path under Content/.
    var fileURLs: [String: String] = [:]
    /// Files a browser runs script in, or HTML pages: listed, never copied into Content/.
    var scriptFiles: [String] = []
    /// Theme, layout and build folders and files that have no place in Broadside.
    var leftBehind: [String] = []
    /// What the reader could not work out, for a person.
    var notes: [ImportItem] = []
    /// Pages that only sent readers to another address (`redirect_to:`): the source file,
    /// its own old address, and where it sent them.
    var redirectStubs: [(path: String, from: String, to: String)] = []

    /// The text `{{ site.a.b }}`, `{{ page.x }}` or Hugo's `{{< param x >}}` (`param.x`) stands for
    /// on `page`, when the config or the front matter gives one.
    func value(of name: String, on page: SourcePage) -> String? {
        let parts = name.split(separator: ".").map(String.init)
        switch parts.first {
        case "site":
            // The site's address is left for the link rewriter, which reads it with the link after it.
            guard parts.count > 1, parts[1] != "url", parts[1] != "baseurl" else { return nil }
            if parts[1] == "data", parts.count > 3 { return data[parts[2]]?.value(at: Array(parts.dropFirst(3)))?.text }
            return config.value(at: Array(parts.dropFirst()))?.text
        case "page": return parts.count == 2 ? page.text(parts[1]) : nil
        case "param":
            let key = parts.dropFirst().joined(separator: ".")
            return page.text(key) ?? config.value(at: ["languages", page.language, "params", key])?.text ?? config.value(at: ["params", key])?.text
        default: return nil
        }
    }

    /// Notes a folder or file of the old generator's as left behind, once.
    mutating func leave(_ name: String) {
        if !leftBehind.contains(name) { leftBehind.append(name) }
    }
}

/// One Markdown page of the old site.
struct SourcePage {
    /// Its path in SOURCE: `_posts/2019-03-05-know-your-rights.md`.
    var path: String
    /// Its path as the generator's links name it: `_guides/x.md` for Jekyll, the path inside
    /// its language's content folder for Hugo.
    var linkPath: String
    var fields: YAMLFields?
    /// Values the config gives pages like this one (Jekyll's `defaults:`), below their own.
    var defaults: [(key: YAMLValue, value: YAMLValue)] = []
    var body: String
    /// The line of SOURCE the body starts on.
    var bodyLine: Int
    var language: String
    /// Where it goes under Content/, before translations are moved beside their pages.
    var newPath: String
    /// The address the old site gave it, without the sub-path; nil when it had none (drafts).
    var oldURL: String?
    var fileDate: Day?
    /// A title made from the file name, as Jekyll gives posts, for a page without one.
    var fallbackTitle: String
    var draft = false
    var isPost = false
    /// Pages sharing a key translate each other: Jekyll's `ref`, Hugo's `translationKey` or path.
    var translationKey: String?
    /// Jekyll's `alt_url`: the other language's address.
    var alternateURL: String?
    /// Old addresses of pages that redirected here, which become its aliases too.
    var movedHere: [String] = []

    /// A front-matter value, the page's own or else its default.
    func value(_ key: String) -> YAMLValue? {
        fields?.entry(key)?.value ?? defaults.last { $0.key.text == key }?.value
    }

    /// A front-matter value as text, for keys read as one.
    func text(_ key: String) -> String? {
        value(key)?.text
    }

    /// A list written as a list or as one value.
    func list(_ key: String) -> [String] {
        guard let value = value(key) else { return [] }
        return value.list?.compactMap(\.text) ?? value.text.map { [$0] } ?? []
    }
}

/// Reading the files of SOURCE.
enum SourceFiles {
    /// Every file under `root`, as `/`-separated paths, sorted; `skipping` (a folder inside it,
    /// such as the import's own destination) and hidden names are left out.
    static func list(_ root: URL, skipping: String?) -> [String] {
        let base = root.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        while let url = walker.nextObject() as? URL {
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            let path = String(full.dropFirst(base.count + 1))
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
            if values?.isDirectory == true, let skipping, path == skipping {
                walker.skipDescendants()
                continue
            }
            if values?.isRegularFile == true { paths.append(path) }
        }
        return paths.sorted()
    }

    /// A page's text split at its front matter (YAML between `---`, TOML between `+++`):
    /// the keys, the body and the line the body starts on. Problems reading the keys are
    /// returned as notes for the report.
    static func page(_ text: String, path: String, notes: inout [ImportItem]) -> (fields: YAMLFields?, body: String, bodyLine: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first?.trimmingCharacters(in: .whitespacesAndNewlines), first == "---" || first == "+++",
              let close = lines.dropFirst().firstIndex(where: { ($0.trimmingCharacters(in: .whitespacesAndNewlines) == first)
                                                                || (first == "---" && $0.trimmingCharacters(in: .newlines) == "...") })
        else { return (nil, text, 1) }
        let head = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        var diagnostics = Diagnostics()
        // Tables (Hugo's `[menu.main]`, `[params]`) are read as nested keys, as Hugo reads them.
        let fields = first == "+++"
            ? TOMLDocument.mapping(head, path: path, diagnostics: &diagnostics).map { YAMLFields(entries: $0, path: path, lineOffset: 1) }
            : YAMLFields(yaml: head, path: path, lineOffset: 1, what: "front matter", diagnostics: &diagnostics)
        for problem in diagnostics.all {
            notes.append(ImportItem(kind: .frontMatter, source: problem.location ?? SourceLocation(path: path), text: problem.message))
        }
        // Unread keys may have said `draft: true`: such a page is not published until a person looks.
        let draft = YAMLValue(.text("true", plain: true), line: 1, column: 1)
        return (fields ?? YAMLFields(entries: [(YAMLValue(.text("draft", plain: true), line: 1, column: 1), draft)], path: path, lineOffset: 1),
                body, close + 2)
    }

    static func read(_ root: URL, _ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
